import { ascii, concat, lengthOf, u16le, u24le, u32le } from './image-bytes';
import { ImageError } from './image-error';
import { checkKeptBytes } from './image-limits';

/**
 * A still WebP read as a walk over its RIFF chunks, within the size the RIFF header declares,
 * with a cap on how many there are. Animated WebP is refused: a photo of a sheet is one frame.
 */

/** A still WebP has 1–5 chunks (VP8X, ICCP, ALPH, the bitstream, EXIF, XMP). */
export const MAX_WEBP_CHUNKS = 100;

/** Chunks kept; EXIF and XMP are metadata, anything else is unknown and dropped. */
const KEPT = new Set(['VP8X', 'ICCP', 'ALPH', 'VP8 ', 'VP8L']);

export interface WebpSize {
  width: number;
  height: number;
}

interface WebpChunk {
  type: string;
  start: number;
  data: number;
  size: number;
  end: number;
}

function broken(message: string): ImageError {
  return new ImageError('invalid', `broken WebP: ${message}`);
}

/** Where the RIFF container ends: the chunks are read up to there, anything after is dropped. */
function riffEnd(bytes: Uint8Array): number {
  if (bytes.length < 20 || ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WEBP') {
    throw broken('no RIFF header');
  }
  const end = 8 + u32le(bytes, 4);
  if (end > bytes.length) throw broken('truncated');
  return end;
}

function readChunk(bytes: Uint8Array, start: number, limit: number): WebpChunk {
  if (start + 8 > limit) throw broken('truncated chunk');
  const type = ascii(bytes, start, 4);
  const size = u32le(bytes, start + 4);
  const data = start + 8;
  if (data + size > limit) throw broken(`chunk ${JSON.stringify(type)} runs past the end`);
  // Chunks are padded to an even size; a missing last pad byte is tolerated.
  return { type, start, data, size, end: Math.min(data + size + (size % 2), limit) };
}

/** The size a bitstream chunk (lossy VP8 or lossless VP8L) declares. */
function bitstreamSize(bytes: Uint8Array, chunk: WebpChunk): WebpSize {
  if (chunk.type === 'VP8 ') {
    const keyFrame = ((bytes[chunk.data] ?? 1) & 1) === 0;
    const startCode =
      bytes[chunk.data + 3] === 0x9d && bytes[chunk.data + 4] === 0x01 && bytes[chunk.data + 5] === 0x2a;
    if (chunk.size < 10 || !keyFrame || !startCode) throw broken('bad VP8 frame header');
    return { width: u16le(bytes, chunk.data + 6) & 0x3fff, height: u16le(bytes, chunk.data + 8) & 0x3fff };
  }
  if (chunk.size < 5 || bytes[chunk.data] !== 0x2f) throw broken('bad VP8L header');
  const bits = u32le(bytes, chunk.data + 1);
  return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
}

/** The declared size, from the first chunk alone: the extended header's canvas, or the bitstream's frame. */
export function readWebpSize(bytes: Uint8Array): WebpSize {
  const first = readChunk(bytes, 12, riffEnd(bytes));
  if (first.type === 'VP8X') {
    if (first.size < 10) throw broken('bad extended header');
    return { width: u24le(bytes, first.data + 4) + 1, height: u24le(bytes, first.data + 7) + 1 };
  }
  if (first.type === 'VP8 ' || first.type === 'VP8L') return bitstreamSize(bytes, first);
  throw broken('the first chunk is not a header');
}

/** The bitstream and its alpha plane: the image data. */
const IMAGE_DATA = new Set(['ALPH', 'VP8 ', 'VP8L']);

/**
 * The most bytes of image data (bitstream and alpha) a WebP of this size needs ([U8]): 10 a
 * pixel, pixels counted in whole 16×16 macroblocks. A lossless pixel takes at most four prefix
 * codes of 15 bits (7.5 bytes); a lossy one far less; a raw alpha plane one byte more.
 */
export function maxWebpData(size: WebpSize): number {
  const padded = (side: number) => Math.ceil(side / 16) * 16;
  return 10 * padded(size.width) * padded(size.height);
}

/**
 * The same picture without EXIF, XMP or unknown chunks, the extended header's EXIF and XMP flags
 * cleared and the RIFF size made right. Exactly one bitstream, as large as the declared canvas;
 * no more image data than that size can need, nor more besides it than a picture carries ([U8]).
 */
export function cleanWebp(bytes: Uint8Array): { clean: Uint8Array<ArrayBuffer>; size: WebpSize } {
  const size = readWebpSize(bytes);
  const limit = riffEnd(bytes);
  const chunks: Uint8Array[] = [];
  let dataBytes = 0;
  let frame: WebpSize | null = null;
  let at = 12;
  for (let count = 1; at < limit; count++) {
    if (count > MAX_WEBP_CHUNKS) {
      throw new ImageError('too_complex', `WebP with more than ${MAX_WEBP_CHUNKS} chunks`);
    }
    const chunk = readChunk(bytes, at, limit);
    if (chunk.type === 'ANIM' || chunk.type === 'ANMF') throw broken('animated WebP is not a photo');
    if (chunk.type === 'VP8 ' || chunk.type === 'VP8L') {
      if (frame) throw broken('more than one frame');
      frame = bitstreamSize(bytes, chunk);
    }
    if (KEPT.has(chunk.type)) {
      const copy = bytes.slice(chunk.start, chunk.end);
      // Clear the EXIF (0x08) and XMP (0x04) flags: those chunks are dropped.
      if (chunk.type === 'VP8X') copy[8] = (copy[8] ?? 0) & ~0x0c;
      chunks.push(copy);
      if (IMAGE_DATA.has(chunk.type)) dataBytes += copy.length;
    }
    at = chunk.end;
  }
  if (!frame) throw broken('no image data');
  if (frame.width !== size.width || frame.height !== size.height) {
    throw broken(
      `the frame (${frame.width}×${frame.height}) is not the declared size (${size.width}×${size.height})`,
    );
  }
  checkKeptBytes('WebP', { total: 12 + lengthOf(chunks), data: dataBytes }, maxWebpData(size));
  const body = concat(chunks);
  const header = new Uint8Array(12);
  header.set(bytes.subarray(0, 12));
  new DataView(header.buffer).setUint32(4, body.length + 4, true);
  return { clean: concat([header, body]), size };
}
