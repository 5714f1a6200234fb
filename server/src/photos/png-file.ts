import zlib from 'node:zlib';
import { ascii, concat, u32be } from './image-bytes';
import { ImageError } from './image-error';
import { checkKeptBytes } from './image-limits';

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

interface PngHeader extends PngSize {
  depth: number;
  colour: number;
  interlaced: boolean;
}

/** Samples a pixel has in each colour type (greyscale, RGB, palette index, grey + alpha, RGBA). */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Adam7's seven passes: first column, first row, column step, row step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/**
 * What the image data inflates to: each scanline's filter byte and its pixels, pass by pass for
 * an interlaced image (a pass with no pixels has no scanlines). Exactly this, the specification
 * says; a decoder ignores more, so more is padding.
 */
export function pngScanlines(header: PngHeader): { bytes: number; rows: number } {
  const bitsPerPixel = header.depth * (CHANNELS[header.colour] ?? 0);
  const passes = header.interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const);
  let bytes = 0;
  let rows = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const width = Math.ceil((header.width - x0) / dx);
    const height = Math.ceil((header.height - y0) / dy);
    if (width <= 0 || height <= 0) continue;
    rows += height;
    bytes += height * (1 + Math.ceil((width * bitsPerPixel) / 8));
  }
  return { bytes, rows };
}

/**
 * The most compressed image data a PNG of these scanlines needs: its zlib stream stored (2 bytes
 * of header, 4 of checksum, 5 a block), an eighth more for an encoder that Huffman-codes
 * incompressible bytes (9 bits at worst for a byte with fixed codes), and a block a scanline for
 * one that writes each row in a block of its own. zlib itself never needs more than 0.03% over
 * the scanlines.
 */
export function maxPngData(scanlines: { bytes: number; rows: number }): number {
  return scanlines.bytes + Math.ceil(scanlines.bytes / 8) + 5 * scanlines.rows + 6;
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

function readHeader(bytes: Uint8Array): PngHeader {
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
  return { width, height, depth, colour, interlaced: interlace === 1 };
}

/** The declared size, from the header chunk alone (its checksum checked). */
export function readPngSize(bytes: Uint8Array): PngSize {
  const { width, height } = readHeader(bytes);
  return { width, height };
}

/** A PNG cleaned by cleanPng, before its image data is inflated (checkPngData). */
export interface CleanedPng {
  clean: Uint8Array<ArrayBuffer>;
  size: PngSize;
  /** The IDAT chunks' data, in order: one zlib stream. */
  data: Uint8Array[];
  /** What that stream must inflate to, exactly. */
  scanlineBytes: number;
}

/**
 * The same picture without any chunk outside KEPT; refuses a broken or inconsistent file, and one
 * with more image data than its size can need or more besides it than a picture carries ([U8]).
 * The image data itself is checked by checkPngData.
 */
export function cleanPng(bytes: Uint8Array): CleanedPng {
  const header = readHeader(bytes);
  const out: Uint8Array[] = [bytes.subarray(0, 8)];
  const data: Uint8Array[] = [];
  let dataBytes = 0;
  let at = 8;
  let previous = 'IHDR';
  for (let count = 1; ; count++) {
    if (count > MAX_PNG_CHUNKS) {
      throw new ImageError('too_complex', `PNG with more than ${MAX_PNG_CHUNKS} chunks`);
    }
    const chunk = readChunk(bytes, at, true);
    if (count > 1 && chunk.type === 'IHDR') throw broken('a second header');
    if (chunk.type === 'IDAT') {
      // The image data is one run of IDAT chunks (a decoder stops at the first other chunk).
      if (data.length > 0 && previous !== 'IDAT') throw broken('image data split by another chunk');
      data.push(bytes.subarray(chunk.data, chunk.data + chunk.length));
      dataBytes += chunk.length;
    }
    const critical = chunk.type.charCodeAt(0) < 0x61;
    if (critical && !KEPT.has(chunk.type)) throw broken(`unknown critical chunk ${chunk.type}`);
    if (KEPT.has(chunk.type)) out.push(bytes.subarray(chunk.start, chunk.end));
    at = chunk.end;
    previous = chunk.type;
    // Whatever follows the end chunk is not part of the image; it is dropped.
    if (chunk.type === 'IEND') break;
  }
  if (data.length === 0) throw broken('no image data');
  const clean = concat(out);
  const scanlines = pngScanlines(header);
  checkKeptBytes('PNG', { total: clean.length, data: dataBytes }, maxPngData(scanlines));
  return {
    clean,
    size: { width: header.width, height: header.height },
    data,
    scanlineBytes: scanlines.bytes,
  };
}

/** Inflated output is counted in pieces of this size, never kept. */
const INFLATE_CHUNK = 256 * 1024;

/**
 * Inflates a PNG's image data without keeping it ([U8]): the zlib stream must be whole (its
 * checksum right), end exactly where the image data ends (bytes after it are padding no decoder
 * reads), and inflate to exactly the scanlines the header declares — stopped as soon as it gives
 * more. Linear in the declared size, which the pixel budget bounds (400 MiB at 16-bit RGBA,
 * inflated in a fraction of a second); memory stays at one piece.
 */
export function checkPngData(data: readonly Uint8Array[], scanlineBytes: number): Promise<void> {
  const compressed = data.reduce((sum, part) => sum + part.length, 0);
  return new Promise<void>((resolve, reject) => {
    const inflate = zlib.createInflate({ chunkSize: INFLATE_CHUNK });
    let inflated = 0;
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      reject(broken(message));
    };
    inflate.on('data', (piece: Buffer) => {
      inflated += piece.length;
      if (inflated > scanlineBytes) {
        fail(`the image data inflates to more than the ${scanlineBytes} bytes its size needs`);
      }
    });
    inflate.on('error', (err) => fail(`the image data cannot be inflated (${err.message})`));
    inflate.on('end', () => {
      if (inflated < scanlineBytes) {
        fail(`the image data inflates to ${inflated} bytes, its size needs ${scanlineBytes}`);
      } else if (inflate.bytesWritten < compressed) {
        fail(`${compressed - inflate.bytesWritten} bytes after the end of the image data`);
      } else if (!settled) {
        settled = true;
        resolve();
      }
    });
    for (const part of data) inflate.write(part);
    inflate.end();
  });
}
