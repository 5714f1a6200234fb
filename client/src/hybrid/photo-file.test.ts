import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES, fitWithin, photoProblem, planPhotoFile } from './photo-file';

describe('a chosen photo', () => {
  it('goes as it is when the server takes its type and size', () => {
    expect(planPhotoFile({ type: 'image/jpeg', size: 3_000_000 })).toEqual({ kind: 'send' });
    expect(planPhotoFile({ type: 'image/png', size: MAX_PHOTO_BYTES })).toEqual({ kind: 'send' });
  });
  it('is converted when too large or in another image format', () => {
    expect(planPhotoFile({ type: 'image/jpeg', size: MAX_PHOTO_BYTES + 1 })).toEqual({ kind: 'convert' });
    expect(planPhotoFile({ type: 'image/heic', size: 2_000_000 })).toEqual({ kind: 'convert' });
    expect(planPhotoFile({ type: '', size: 2_000_000 })).toEqual({ kind: 'convert' });
  });
  it('is refused when it is not an image at all', () => {
    expect(planPhotoFile({ type: 'application/pdf', size: 1000 })).toEqual({
      kind: 'refuse',
      problem: 'not-an-image',
    });
    expect(planPhotoFile({ type: 'image/png', size: 0 })).toEqual({
      kind: 'refuse',
      problem: 'not-an-image',
    });
  });
  it('is redrawn no larger than needed', () => {
    expect(fitWithin(4000, 3000, 3200)).toEqual({ w: 3200, h: 2400 });
    expect(fitWithin(800, 600, 3200)).toEqual({ w: 800, h: 600 });
  });
});

describe('the server’s refusal in plain words', () => {
  it('maps statuses and codes to what the person can do', () => {
    expect(photoProblem(415, 'not_an_image')).toBe('not-an-image');
    expect(photoProblem(413, 'payload_too_large')).toBe('too-large');
    expect(photoProblem(0, 'network')).toBe('network');
    expect(photoProblem(403, 'forbidden')).toBe('forbidden');
    expect(photoProblem(400, 'bad_request')).toBe('no-sheet');
    expect(photoProblem(500, 'internal_error')).toBe('generic');
  });
  it('[U1] [U2] [U5] tells a photo with too many pixels from a broken one and from a busy server', () => {
    expect(photoProblem(422, 'image_too_large')).toBe('too-many-pixels');
    expect(photoProblem(422, 'image_invalid')).toBe('unreadable');
    expect(photoProblem(422, 'image_too_complex')).toBe('unreadable');
    expect(photoProblem(503, 'photos_busy')).toBe('busy');
    expect(photoProblem(429, 'too_many_requests')).toBe('busy');
  });
  it('[U9] tells a board with no room for more photos from a photo that is too large', () => {
    expect(photoProblem(409, 'photo_quota_exceeded')).toBe('board-full');
    expect(photoProblem(413, 'payload_too_large')).toBe('too-large');
  });
});
