import {
  NETWORK_FILE_NAME_HEADER,
  networkDocumentsResponseSchema,
  networkFileUploadedResponseSchema,
  type CreateNetworkFolderRequest,
  type NetworkDocumentsResponse,
  type NetworkFile,
  type NetworkFileUploadedResponse,
  type NetworkFolder,
  type UpdateNetworkFileRequest,
  type UpdateNetworkFolderRequest,
  networkFileResponseSchema,
  networkFolderResponseSchema,
} from '@empiria/shared';
import { z } from 'zod';
import { apiRequest, ApiRequestError, authorized, fetchApi, readJson, saveBlob } from '../api/http';

/** The document space's routes (docs/api.md, "Networks: documents"), with the page's token. */

const base = (networkId: string) => `/api/networks/${encodeURIComponent(networkId)}/documents`;

export function fetchDocuments(networkId: string, token: string): Promise<NetworkDocumentsResponse> {
  return apiRequest(base(networkId), { token, schema: networkDocumentsResponseSchema });
}

export async function createFolder(
  networkId: string,
  body: CreateNetworkFolderRequest,
  token: string,
): Promise<NetworkFolder> {
  const answer = await apiRequest(base(networkId), {
    method: 'POST',
    token,
    body,
    schema: networkFolderResponseSchema,
  });
  return answer.folder;
}

export async function updateFolder(
  networkId: string,
  folderId: string,
  body: UpdateNetworkFolderRequest,
  token: string,
): Promise<NetworkFolder> {
  const answer = await apiRequest(`${base(networkId)}/folders/${encodeURIComponent(folderId)}`, {
    method: 'PATCH',
    token,
    body,
    schema: networkFolderResponseSchema,
  });
  return answer.folder;
}

export async function updateFile(
  networkId: string,
  fileId: string,
  body: UpdateNetworkFileRequest,
  token: string,
): Promise<NetworkFile> {
  const answer = await apiRequest(`${base(networkId)}/files/${encodeURIComponent(fileId)}`, {
    method: 'PATCH',
    token,
    body,
    schema: networkFileResponseSchema,
  });
  return answer.file;
}

export async function deleteFile(networkId: string, fileId: string, token: string): Promise<void> {
  await apiRequest(`${base(networkId)}/files/${encodeURIComponent(fileId)}`, {
    method: 'DELETE',
    token,
    schema: z.unknown(),
  });
}

/** The raw file as the body, its name (percent-encoded) in a header: the server checks the bytes. */
export async function uploadFile(
  networkId: string,
  folderId: string | null,
  file: File,
  token: string,
): Promise<NetworkFileUploadedResponse> {
  const query = folderId ? `?folderId=${encodeURIComponent(folderId)}` : '';
  const response = await fetchApi(`${base(networkId)}/files${query}`, {
    method: 'POST',
    headers: authorized(token, {
      accept: 'application/json',
      'content-type': file.type || 'application/octet-stream',
      [NETWORK_FILE_NAME_HEADER]: encodeURIComponent(file.name),
    }),
    body: file,
  });
  const parsed = networkFileUploadedResponseSchema.safeParse(await readJson(response));
  if (!parsed.success) throw new ApiRequestError(response.status, 'invalid_response', parsed.error.message);
  return parsed.data;
}

/**
 * Downloads a version with the token (a link cannot carry it) and hands it to the browser as a
 * file to save, under the name the server gives in Content-Disposition.
 */
export async function downloadFile(
  networkId: string,
  fileId: string,
  version: number | null,
  name: string,
  token: string,
): Promise<void> {
  const query = version === null ? '' : `?version=${version}`;
  const response = await fetchApi(`${base(networkId)}/files/${encodeURIComponent(fileId)}${query}`, {
    headers: authorized(token),
  });
  saveBlob(await response.blob(), name);
}
