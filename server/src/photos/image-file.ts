import { ImageError } from './image-error';
import { checkImageSize } from './image-limits';
import { cleanJpeg, readJpegFrame } from './jpeg-file';
import { checkPngData, cleanPng, readPngSize } from './png-file';
import { cleanWebp, readWebpSize } from './webp-file';

/**
 * What the server needs to know of an uploaded photo, read from its bytes alone (never from the
 * declared type or name): its format, size in pixels, and, for a JPEG from a phone, the EXIF
 * orientation. And the same bytes with every metadata block removed — above all the location
 * (GPS) a phone camera writes into EXIF.
 *
 * Two steps, so the cheap one can refuse a bomb before the costly one starts: `readImageHeader`
 * reads only the declared size and checks it against the pixel budget; `cleanImage` walks the
 * whole file (in a worker thread: image-cleaner.ts), checks it again, and keeps no more than the
 * picture needs (a PNG's image data inflated to prove it).
 */
export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

export interface ImageHeader {
  type: ImageType;
  width: number;
  height: number;
}

export interface ImageInfo extends ImageHeader {
  /** EXIF orientation 1–8 (1 = as stored); lost with the EXIF block, so kept here. */
  orientation: number;
}

export { ImageError } from './image-error';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const isAscii = (bytes: Uint8Array, at: number, text: string) =>
  [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 12 && isAscii(bytes, 0, 'RIFF') && isAscii(bytes, 8, 'WEBP')) return 'image/webp';
  return null;
}

function typeOf(bytes: Uint8Array): ImageType {
  const type = sniffImageType(bytes);
  if (!type) throw new ImageError('not_an_image', 'not a JPEG, PNG or WebP image');
  return type;
}

/**
 * The format and declared size, read from the header alone (a bounded walk: a few hundred
 * segments at most), refused when outside the pixel budget. Cheap enough for the event loop.
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  const type = typeOf(bytes);
  const { width, height } =
    type === 'image/jpeg'
      ? readJpegFrame(bytes)
      : type === 'image/png'
        ? readPngSize(bytes)
        : readWebpSize(bytes);
  checkImageSize(width, height);
  return { type, width, height };
}

/** Reads, checks and cleans an uploaded image; rejects with ImageError anything that is not a well-formed one. */
export async function cleanImage(
  bytes: Uint8Array,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; info: ImageInfo }> {
  // The size is checked before the walk over the whole file.
  const { type } = readImageHeader(bytes);
  if (type === 'image/jpeg') {
    const { clean, frame, orientation } = cleanJpeg(bytes);
    return { bytes: clean, info: { type, ...frame, orientation } };
  }
  if (type === 'image/png') {
    const { clean, size, data, scanlineBytes } = cleanPng(bytes);
    await checkPngData(data, scanlineBytes);
    return { bytes: clean, info: { type, ...size, orientation: 1 } };
  }
  const { clean, size } = cleanWebp(bytes);
  return { bytes: clean, info: { type, ...size, orientation: 1 } };
}
