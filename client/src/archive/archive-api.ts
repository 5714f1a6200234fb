import {
  archiveResponseSchema,
  searchResponseSchema,
  type ArchiveResponse,
  type SearchResponse,
} from '@empiria/shared';
import { apiRequest, ApiRequestError, authorized, fetchApi } from '../api/http';

/** The archive's routes (docs/api.md, "Networks: archive, search, office"), with the page's token. */

export function fetchArchive(networkId: string, token: string): Promise<ArchiveResponse> {
  return apiRequest(`/api/networks/${encodeURIComponent(networkId)}/archive`, {
    token,
    schema: archiveResponseSchema,
  });
}

/** Search scoped to one network: the office could search all, but this page is one network's. */
export function searchNetwork(networkId: string, query: string, token: string): Promise<SearchResponse> {
  const params = new URLSearchParams({ q: query, network: networkId });
  return apiRequest(`/api/search?${params}`, { token, schema: searchResponseSchema });
}

/**
 * An approved note's export (an API path the archive gave). Fetched with the token in a header,
 * so the token never lands in a URL, a download's history or a server log.
 */
export async function fetchNoteFile(path: string, token: string): Promise<Blob> {
  if (!path.startsWith('/api/')) throw new ApiRequestError(0, 'invalid_path', 'Not an API path.');
  const response = await fetchApi(path, { headers: authorized(token) });
  return response.blob();
}
