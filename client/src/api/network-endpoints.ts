import { networkListResponseSchema, type NetworkListResponse } from '@empiria/shared';
import { apiRequest } from './http';

/** The networks API (docs/api.md, "Networks"), one function per endpoint the client calls. */

export function listNetworks(token: string): Promise<NetworkListResponse> {
  return apiRequest('/api/networks', { token, schema: networkListResponseSchema });
}
