import zlib from 'node:zlib';
import { ascii, concat, u32be } from './image-bytes';
import { ImageError } from './image-error';

/**
 * A PNG read as a walk over its chunks: the header (IHDR) first, each chunk's length checked
 * against the file before it is used, its checksum checked, and a cap on how many there are.
 */

/**
 * Chunks in a file. Encoders cut the image data into 8–64 KiB IDAT chunks, so a 10 MB PNG has
 * at most ~1,300 of them; twenty thousand leaves room for small ones and still stops a file of
 * hundreds of thousands of empty chunks early.
 */
export const MAX_PNG_CHUNKS = 20_000;

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The PNG specification's largest chunk length and image side: 2³¹ − 1. */
const PNG_MAX = 0x7fffffff;

/**
 * Chunks a browser needs to show the picture as it was taken, kept; any other is dropped. Text,
 * EXIF and time chunks say who, where, when; private ones may too; animation chunks are dropped
 * so the image is the still one a decoder shows without animation support.
 */
const KEPT = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'iCCP',
  'cICP',
  'mDCV',
  'cLLI',
  'sBIT',
  'bKGD',
  'pHYs',
]);

/** Allowed bit depths for each colour type (PNG specification, table 11.1). */
const BIT_DEPTHS: Record<number, number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

interface PngChunk {
  type: string;
  start: number;
  data: number;
  length: number;
  end: number;
}

export interface PngSize {
  width: number;
  height: number;
}

function broken(message: string): ImageError {
  return new ImageError('invalid', `broken PNG: ${message}`);
}

function readChunk(bytes: Uint8Array, start: number, checkCrc: boolean): PngChunk {
  if (start + 12 > bytes.length) throw broken('truncated chunk');
  const length = u32be(bytes, start);
  const type = ascii(bytes, start + 4, 4);
  const end = start + 12 + length;
  if (length > PNG_MAX || end > bytes.length) throw broken(`chunk ${JSON.stringify(type)} runs past the end`);
  if (!/^[A-Za-z]{4}$/.test(type)) throw broken('bad chunk type');
  if (checkCrc && zlib.crc32(bytes.subarray(start + 4, start + 8 + length)) !== u32be(bytes, end - 4)) {
    throw broken(`bad checksum of chunk ${type}`);
  }
  return { type, start, data: start + 8, length, end };
}

function readHeader(bytes: Uint8Array): PngSize {
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) throw broken('no signature');
  const ihdr = readChunk(bytes, 8, true);
  if (ihdr.type !== 'IHDR' || ihdr.length !== 13) throw broken('the first chunk is not the header');
  const width = u32be(bytes, ihdr.data);
  const height = u32be(bytes, ihdr.data + 4);
  const depth = bytes[ihdr.data + 8] ?? 0;
  const colour = bytes[ihdr.data + 9] ?? 0;
  const [compression, filter, interlace] = [10, 11, 12].map((i) => bytes[ihdr.data + i]);
  if (width > PNG_MAX || height > PNG_MAX) throw broken(`impossible size ${width}×${height}`);
  if (!BIT_DEPTHS[colour]?.includes(depth) || compression !== 0 || filter !== 0 || (interlace ?? 9) > 1) {
    throw broken('bad header');
  }
  return { width, height };
}

/** The declared size, from the header chunk alone (its checksum checked). */
export function readPngSize(bytes: Uint8Array): PngSize {
  return readHeader(bytes);
}

/** The same picture without any chunk outside KEPT; refuses a broken or inconsistent file. */
export function cleanPng(bytes: Uint8Array): { clean: Uint8Array<ArrayBuffer>; size: PngSize } {
  const size = readHeader(bytes);
  const out: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  let sawData = false;
  for (let count = 1; ; count++) {
    if (count > MAX_PNG_CHUNKS) {
      throw new ImageError('too_complex', `PNG with more than ${MAX_PNG_CHUNKS} chunks`);
    }
    const chunk = readChunk(bytes, at, true);
    if (count > 1 && chunk.type === 'IHDR') throw broken('a second header');
    if (chunk.type === 'IDAT') sawData = true;
    const critical = chunk.type.charCodeAt(0) < 0x61;
    if (critical && !KEPT.has(chunk.type)) throw broken(`unknown critical chunk ${chunk.type}`);
    if (KEPT.has(chunk.type)) out.push(bytes.subarray(chunk.start, chunk.end));
    at = chunk.end;
    // Whatever follows the end chunk is not part of the image; it is dropped.
    if (chunk.type === 'IEND') break;
  }
  if (!sawData) throw broken('no image data');
  return { clean: concat(out), size };
}
