import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error';
import { checkPhotoQuota, PHOTO_QUOTA_EXCEEDED } from './photo-quota';

const MB = 1024 * 1024;
const quota = { maxCount: 3, maxBytes: 10 * MB };

function refusal(run: () => void): { kind: string; code: string; message: string } | 'room' {
  try {
    run();
    return 'room';
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return { kind: err.kind, code: err.code, message: err.message };
  }
}

describe('[U9] a board’s photos have a quota', () => {
  it('a photo fits while the board has fewer photos than the count and its bytes stay within the total', () => {
    expect(refusal(() => checkPhotoQuota({ count: 0, bytes: 0 }, quota, 4 * MB))).toBe('room');
    expect(refusal(() => checkPhotoQuota({ count: 2, bytes: 6 * MB }, quota, 4 * MB))).toBe('room');
  });

  it('one photo more than the count is refused as a conflict (409) the client words', () => {
    expect(refusal(() => checkPhotoQuota({ count: 3, bytes: 1 * MB }, quota, 1))).toEqual({
      kind: 'conflict',
      code: PHOTO_QUOTA_EXCEEDED,
      message:
        'This board has no room for more photos: it holds 3 photos of 1 MB, and a board takes at most 3 photos and 10 MB.',
    });
  });

  it('a photo whose bytes would pass the total is refused, saying how much is taken', () => {
    expect(refusal(() => checkPhotoQuota({ count: 2, bytes: 6 * MB }, quota, 4 * MB + 1))).toEqual({
      kind: 'conflict',
      code: PHOTO_QUOTA_EXCEEDED,
      message:
        'This photo (4 MB) does not fit on this board: its 2 photos take 6 MB of the 10 MB a board takes.',
    });
  });

  it('before the photo is read (0 bytes): refused only when the board is already full', () => {
    expect(refusal(() => checkPhotoQuota({ count: 2, bytes: 10 * MB - 1 }, quota, 0))).toBe('room');
    expect(refusal(() => checkPhotoQuota({ count: 2, bytes: 10 * MB }, quota, 0))).not.toBe('room');
    expect(refusal(() => checkPhotoQuota({ count: 3, bytes: 0 }, quota, 0))).not.toBe('room');
  });
});
