import { officeOverviewResponseSchema, type OfficeOverviewResponse } from '@empiria/shared';
import { apiRequest } from '../api/http';

/** GET /api/office/overview (docs/api.md, [N16]): the office's alone. */
export function fetchOfficeOverview(adminToken: string): Promise<OfficeOverviewResponse> {
  return apiRequest('/api/office/overview', { token: adminToken, schema: officeOverviewResponseSchema });
}
