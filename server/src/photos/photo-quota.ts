import type { PhotoQuota } from '../config';
import { DomainError } from '../domain-error';

/**
 * How much a board's photos may take ([U9]). Every photo uploaded to a board counts, also one
 * since taken off the canvas: its file stays, served by its id. Without a cap one participant
 * could store 1.2 GB every 10 minutes from one address ([R4]'s 120 uploads of 10 MB).
 */
export const PHOTO_QUOTA_EXCEEDED = 'photo_quota_exceeded';

/** What a board's photos take now. */
export interface PhotoUsage {
  count: number;
  bytes: number;
}

const mb = (bytes: number) => Math.floor(bytes / 1024 / 1024);

/**
 * Refuses a photo of `bytes` the board has no room for: one photo more than `maxCount`, or its
 * bytes past `maxBytes`. With `bytes` 0 (the photo not read yet), whether there is room for any.
 * A conflict (409): the request is fine, the board is full.
 */
export function checkPhotoQuota(usage: PhotoUsage, quota: PhotoQuota, bytes: number): void {
  const full = usage.count >= quota.maxCount || usage.bytes >= quota.maxBytes;
  if (!full && usage.bytes + bytes <= quota.maxBytes) return;
  throw new DomainError(
    'conflict',
    PHOTO_QUOTA_EXCEEDED,
    full
      ? `This board has no room for more photos: it holds ${usage.count} photos of ${mb(usage.bytes)} MB, ` +
          `and a board takes at most ${quota.maxCount} photos and ${mb(quota.maxBytes)} MB.`
      : `This photo (${mb(bytes)} MB) does not fit on this board: its ${usage.count} photos take ` +
          `${mb(usage.bytes)} MB of the ${mb(quota.maxBytes)} MB a board takes.`,
    { details: { ...usage, maxCount: quota.maxCount, maxBytes: quota.maxBytes } },
  );
}
