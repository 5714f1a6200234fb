import { photoUploadResponseSchema, type PrintPaper, type UploadedPhoto } from '@empiria/shared';
import { ApiRequestError, authorized, fetchApi, refusalOf } from '../api/http';
import { MAX_PHOTO_BYTES, fitWithin, planPhotoFile } from './photo-file';
import type { PhotoProblem } from './photo-file';

/**
 * The hybrid meeting's endpoints (docs/api.md, "Hybrid meetings: print and photos"): the print
 * page of the sheets and the upload of a photo of a paper sheet.
 */

/** The print page: one self-contained HTML page, a sheet per printed page. */
export async function fetchPrintPage(boardId: string, token: string, paper: PrintPaper): Promise<string> {
  const response = await fetchApi(`/api/boards/${encodeURIComponent(boardId)}/print?paper=${paper}`, {
    headers: authorized(token, { accept: 'text/html' }),
  });
  return response.text();
}

/**
 * Sends a photo as the raw body with its own Content-Type. An XMLHttpRequest, not fetch: only it
 * reports the upload's progress (a phone on the room's Wi-Fi may take a while).
 */
export function uploadPhoto(args: {
  boardId: string;
  token: string;
  stepId: string | null;
  file: Blob;
  onProgress: (share: number) => void;
  signal?: AbortSignal;
}): Promise<UploadedPhoto> {
  const query = args.stepId ? `?stepId=${encodeURIComponent(args.stepId)}` : '';
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/boards/${encodeURIComponent(args.boardId)}/photos${query}`);
    xhr.setRequestHeader('authorization', `Bearer ${args.token}`);
    xhr.setRequestHeader('content-type', args.file.type || 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) args.onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiRequestError(0, 'network', 'The upload did not reach the server.'));
    xhr.onabort = () => reject(new ApiRequestError(0, 'aborted', 'The upload was cancelled.'));
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = photoUploadResponseSchema.safeParse(payload);
        if (parsed.success) resolve(parsed.data.photo);
        else reject(new ApiRequestError(xhr.status, 'invalid_response', 'The server answered off-contract.'));
        return;
      }
      reject(refusalOf(xhr.status, xhr.statusText, payload));
    };
    args.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(args.file);
  });
}

/**
 * The file to send: as chosen, or redrawn as a JPEG when it is in a format the server does not
 * take or over its limit (the browser decodes it, turned upright; the copy carries no metadata).
 */
export async function preparePhoto(
  file: File,
): Promise<{ ok: true; body: Blob } | { ok: false; problem: PhotoProblem }> {
  const plan = planPhotoFile(file);
  if (plan.kind === 'send') return { ok: true, body: file };
  if (plan.kind === 'refuse') return { ok: false, problem: plan.problem };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return { ok: false, problem: 'not-an-image' };
  }
  try {
    const { w, h } = fitWithin(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const context = canvas.getContext('2d');
    if (!context) return { ok: false, problem: 'generic' };
    context.drawImage(bitmap, 0, 0, w, h);
    for (const quality of [0.85, 0.7, 0.55]) {
      const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/jpeg', quality));
      if (blob && blob.size <= MAX_PHOTO_BYTES) return { ok: true, body: blob };
    }
    return { ok: false, problem: 'too-large' };
  } finally {
    bitmap.close();
  }
}
