import {
  apiErrorSchema,
  archiveResponseSchema,
  searchResponseSchema,
  type ArchiveResponse,
  type SearchResponse,
} from '@empiria/shared';
import { apiRequest, ApiRequestError } from '../api/http';

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
  let response: Response;
  try {
    response = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  } catch (error) {
    throw new ApiRequestError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    const payload = apiErrorSchema.safeParse(await response.json().catch(() => null));
    throw new ApiRequestError(
      response.status,
      payload.success ? payload.data.error.code : `http_${response.status}`,
      payload.success ? payload.data.error.message : response.statusText,
    );
  }
  return response.blob();
}
