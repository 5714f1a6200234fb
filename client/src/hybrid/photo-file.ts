/**
 * Photos of the paper sheets: what the server takes (docs/api.md, "Hybrid meetings") and the
 * plain-words reason when a photo cannot go, decided before and after the upload.
 */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export type PhotoProblem =
  | 'not-an-image'
  | 'too-large'
  | 'too-many-pixels'
  | 'unreadable'
  | 'busy'
  | 'board-full'
  | 'network'
  | 'forbidden'
  | 'no-sheet'
  | 'generic';

/**
 * What to do with a chosen file: send it as it is; convert it first (a photo in another format,
 * e.g. HEIC, or one over the limit, is redrawn as a JPEG when the browser can decode it); or
 * refuse it.
 */
export type FilePlan = { kind: 'send' } | { kind: 'convert' } | { kind: 'refuse'; problem: PhotoProblem };

export function planPhotoFile(file: { type: string; size: number }): FilePlan {
  const type = file.type.toLowerCase();
  if (file.size === 0) return { kind: 'refuse', problem: 'not-an-image' };
  // Some phones leave the type empty; the server checks the bytes anyway.
  if (type !== '' && !type.startsWith('image/')) return { kind: 'refuse', problem: 'not-an-image' };
  const accepted = (PHOTO_TYPES as readonly string[]).includes(type);
  if (accepted && file.size <= MAX_PHOTO_BYTES) return { kind: 'send' };
  return { kind: 'convert' };
}

/** The problem for a refused upload, from the HTTP status and the error code of the answer. */
export function photoProblem(status: number, code: string | null): PhotoProblem {
  if (status === 0) return 'network';
  // The board holds as many photos, or as many bytes of them, as the server lets a board have.
  if (code === 'photo_quota_exceeded') return 'board-full';
  if (status === 413 || code === 'payload_too_large') return 'too-large';
  if (status === 415 || code === 'not_an_image' || code === 'unsupported_media_type') return 'not-an-image';
  // More pixels than a browser should decode, or a file broken or built to be hard to read.
  if (code === 'image_too_large') return 'too-many-pixels';
  if (code === 'image_invalid' || code === 'image_too_complex') return 'unreadable';
  // The server's photo workers are all busy, or this address sent too many at once: try later.
  if (status === 503 || status === 429) return 'busy';
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 400 && code === 'bad_request') return 'no-sheet';
  return 'generic';
}

/** The longest side of a converted photo: plenty to read a flipchart's notes. */
export const CONVERTED_MAX_SIDE = 3200;

/** The size to redraw an image at so that its longer side is at most `maxSide`. */
export function fitWithin(
  width: number,
  height: number,
  maxSide = CONVERTED_MAX_SIDE,
): { w: number; h: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { w: Math.max(1, Math.round(width * scale)), h: Math.max(1, Math.round(height * scale)) };
}
