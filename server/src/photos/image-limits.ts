import { ImageError } from './image-error';

/**
 * How many pixels a photo may declare. The server never decodes a photo, but every browser on
 * the board does, at 4 bytes a pixel: a 48 kB PNG that declares 20,000×20,000 pixels costs each
 * of them 1.6 GB. So the declared size is checked before anything else is done with the bytes.
 *
 * 50 Mi pixels (52,428,800) lets the largest photo a phone takes by default or in its
 * full-resolution mode through: 12 MP (4032×3024), 48 MP (8000×6000) and 50 MP (8160×6120,
 * 8192×6144) sensors. Decoded, that is at most 200 MiB, which the phone that took it already
 * handled. 64–200 MP modes are refused; their files are mostly over the 10 MB upload limit
 * anyway, and the client redraws those to 3200 px before sending.
 */
export const MAX_IMAGE_PIXELS = 50 * 1024 * 1024;

/**
 * The longest side: 12,000 px holds every phone photo above (and a 108 MP sensor's 12000×9000
 * side) while keeping the longest side within the 16,384 px texture limit of most GPUs a
 * browser draws the canvas with. Very long panoramas are refused.
 */
export const MAX_IMAGE_SIDE = 12_000;

/** Refuses a declared size of zero, a fraction, or more pixels than any browser should decode. */
export function checkImageSize(width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new ImageError('invalid', `the image declares no size (${width}×${height} px)`);
  }
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    throw new ImageError(
      'too_large',
      `the image declares ${width}×${height} px; at most ${MAX_IMAGE_SIDE} px a side and ` +
        `${MAX_IMAGE_PIXELS} pixels in all are taken`,
    );
  }
}

/**
 * What a photo may keep besides its image data: the file's header, its tables, a colour profile
 * (a phone's or a camera's is 0.5–4 kB) and the chunk or segment headers around the data.
 */
export const MAX_IMAGE_OVERHEAD_BYTES = 256 * 1024;

/**
 * What an uploaded file keeps once cleaned, in bytes: `data`, its image data (a PNG's IDAT
 * chunks, a JPEG's scans, a WebP's bitstream and alpha); `total`, the whole file.
 */
export interface KeptBytes {
  total: number;
  data: number;
}

/**
 * Refuses a file that carries more than its pixels and a colour profile can need ([U8]): image
 * data past `dataLimit` (each format's most for its declared size: png-file.ts, jpeg-file.ts,
 * webp-file.ts), or more than MAX_IMAGE_OVERHEAD_BYTES besides it. A picture is never that
 * large; padding (megabytes after a 1-pixel image's data) is.
 */
export function checkKeptBytes(what: string, kept: KeptBytes, dataLimit: number): void {
  if (kept.data > dataLimit) {
    throw new ImageError(
      'invalid',
      `broken ${what}: ${kept.data} bytes of image data, more than its size can need (${Math.floor(dataLimit)})`,
    );
  }
  const overhead = kept.total - kept.data;
  if (overhead > MAX_IMAGE_OVERHEAD_BYTES) {
    throw new ImageError(
      'invalid',
      `broken ${what}: ${overhead} bytes besides its image data, more than ${MAX_IMAGE_OVERHEAD_BYTES} are taken`,
    );
  }
}
