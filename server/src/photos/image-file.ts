/**
 * What the server needs to know of an uploaded photo, read from its bytes alone (never from the
 * declared type or name): its format, size in pixels, and, for a JPEG from a phone, the EXIF
 * orientation. And the same bytes with every metadata block removed — above all the location
 * (GPS) a phone camera writes into EXIF.
 */
export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

export interface ImageInfo {
  type: ImageType;
  width: number;
  height: number;
  /** EXIF orientation 1–8 (1 = as stored); lost with the EXIF block, so kept here. */
  orientation: number;
}

export class ImageError extends Error {
  override name = 'ImageError';
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP')
    return 'image/webp';
  return null;
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

const u16be = (b: Uint8Array, at: number) => ((b[at] as number) << 8) | (b[at + 1] as number);
const u32be = (b: Uint8Array, at: number) =>
  (((b[at] as number) << 24) >>> 0) + u16be(b, at + 2) + ((b[at + 1] as number) << 16);
const u16le = (b: Uint8Array, at: number) => (b[at] as number) | ((b[at + 1] as number) << 8);
const u24le = (b: Uint8Array, at: number) => u16le(b, at) | ((b[at + 2] as number) << 16);
const u32le = (b: Uint8Array, at: number) => (u16le(b, at) + u16le(b, at + 2) * 65536) >>> 0;

/** JPEG: keeps JFIF (APP0), ICC colour (APP2) and Adobe (APP14); drops EXIF/XMP (APP1), IPTC (APP13), comments. */
function cleanJpeg(bytes: Uint8Array): { clean: Uint8Array; info: Omit<ImageInfo, 'type'> } {
  const out: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  let width = 0;
  let height = 0;
  let orientation = 1;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) throw new ImageError('broken JPEG: expected a marker');
    const marker = bytes[at + 1] as number;
    if (marker === 0xd9) {
      out.push(bytes.subarray(at, at + 2));
      break;
    }
    if (marker === 0xda) {
      // Start of scan: the compressed data runs to the end of the file.
      out.push(bytes.subarray(at));
      break;
    }
    if (at + 4 > bytes.length) throw new ImageError('broken JPEG: truncated segment');
    const length = u16be(bytes, at + 2);
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) throw new ImageError('broken JPEG: bad segment length');
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      height = u16be(bytes, at + 5);
      width = u16be(bytes, at + 7);
    }
    if (marker === 0xe1 && ascii(bytes, at + 4, 4) === 'Exif')
      orientation = exifOrientation(bytes.subarray(at + 10, end));
    const keep = !(
      (marker >= 0xe1 && marker <= 0xef && marker !== 0xe2 && marker !== 0xee) ||
      marker === 0xfe
    );
    if (keep) out.push(bytes.subarray(at, end));
    at = end;
  }
  if (!width || !height) throw new ImageError('broken JPEG: no frame size');
  return { clean: concat(out), info: { width, height, orientation } };
}

/** The Orientation tag (0x0112) of a TIFF-structured EXIF block; 1 when absent or unreadable. */
function exifOrientation(tiff: Uint8Array): number {
  if (tiff.length < 8) return 1;
  const little = ascii(tiff, 0, 2) === 'II';
  const u16 = (at: number) => (little ? u16le(tiff, at) : u16be(tiff, at));
  const u32 = (at: number) => (little ? u32le(tiff, at) : u32be(tiff, at));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return 1;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) break;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

const PNG_METADATA_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

function cleanPng(bytes: Uint8Array): { clean: Uint8Array; info: Omit<ImageInfo, 'type'> } {
  const out: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  let width = 0;
  let height = 0;
  while (at + 12 <= bytes.length) {
    const length = u32be(bytes, at);
    const type = ascii(bytes, at + 4, 4);
    const end = at + 12 + length;
    if (end > bytes.length) throw new ImageError('broken PNG: truncated chunk');
    if (type === 'IHDR') {
      width = u32be(bytes, at + 8);
      height = u32be(bytes, at + 12);
    }
    if (!PNG_METADATA_CHUNKS.has(type)) out.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') break;
  }
  if (!width || !height) throw new ImageError('broken PNG: no header');
  return { clean: concat(out), info: { width, height, orientation: 1 } };
}

function cleanWebp(bytes: Uint8Array): { clean: Uint8Array; info: Omit<ImageInfo, 'type'> } {
  const chunks: Uint8Array[] = [];
  let at = 12;
  let width = 0;
  let height = 0;
  while (at + 8 <= bytes.length) {
    const type = ascii(bytes, at, 4);
    const size = u32le(bytes, at + 4);
    const end = at + 8 + size + (size % 2);
    if (at + 8 + size > bytes.length) throw new ImageError('broken WebP: truncated chunk');
    const chunk = bytes.slice(at, Math.min(end, bytes.length));
    if (type === 'VP8X') {
      width = u24le(bytes, at + 12) + 1;
      height = u24le(bytes, at + 15) + 1;
      // Clear the EXIF (0x08) and XMP (0x04) flags: those chunks are dropped below.
      chunk[8] = (chunk[8] as number) & ~0x0c;
    } else if (type === 'VP8 ' && !width) {
      width = u16le(bytes, at + 14) & 0x3fff;
      height = u16le(bytes, at + 16) & 0x3fff;
    } else if (type === 'VP8L' && !width) {
      const bits = u32le(bytes, at + 9);
      width = (bits & 0x3fff) + 1;
      height = ((bits >>> 14) & 0x3fff) + 1;
    }
    if (type !== 'EXIF' && type !== 'XMP ') chunks.push(chunk);
    at = end;
  }
  if (!width || !height) throw new ImageError('broken WebP: no frame size');
  const body = concat(chunks);
  const header = new Uint8Array(12);
  header.set(bytes.subarray(0, 12));
  const riffSize = body.length + 4;
  header.set(
    [riffSize & 0xff, (riffSize >>> 8) & 0xff, (riffSize >>> 16) & 0xff, (riffSize >>> 24) & 0xff],
    4,
  );
  return { clean: concat([header, body]), info: { width, height, orientation: 1 } };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Reads and cleans an uploaded image; throws ImageError for anything that is not a well-formed one. */
export function cleanImage(bytes: Uint8Array): { bytes: Uint8Array; info: ImageInfo } {
  const type = sniffImageType(bytes);
  if (!type) throw new ImageError('not a JPEG, PNG or WebP image');
  const { clean, info } =
    type === 'image/jpeg' ? cleanJpeg(bytes) : type === 'image/png' ? cleanPng(bytes) : cleanWebp(bytes);
  return { bytes: clean, info: { type, ...info } };
}
