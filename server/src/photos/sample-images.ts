import zlib from 'node:zlib';

/**
 * Image files for the photo tests, good and crafted, built byte by byte so each test says exactly
 * what a file declares. Never imported by the server itself. (test/support/images.ts builds the
 * integration tests' files the same way; the two projects cannot import each other's files.)
 */
const bytes = (...parts: (Buffer | number[])[]) =>
  Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p))));
const text = (s: string) => Buffer.from(s, 'latin1');
const be16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const be32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

export const LOCATION = 'GPS 54.5189N 18.5305E Gdynia';

// ---- PNG ----

export function pngChunk(type: string, data: Buffer | number[]): Buffer {
  const body = bytes(text(type), data);
  return bytes(be32(body.length - 4), body, be32(zlib.crc32(body)));
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Scanlines of this many bytes at most are made whole; a PNG declaring more gets a few rows. */
const WHOLE_DATA_LIMIT = 256 * 1024 * 1024;
const compressedRows = new Map<string, Buffer>();

/**
 * The image data of a `width`×`height` 8-bit RGB PNG: its scanlines, black, deflated (once for
 * each size). A size no upload could have (more than 256 MiB of scanlines: refused before its
 * data is read) gets a real deflate stream of a few rows instead, far fewer than declared: the
 * declared size is what a browser would allocate.
 */
function pngData(width: number, height: number): Buffer {
  const key = `${width}×${height}`;
  let data = compressedRows.get(key);
  if (!data) {
    const whole = height * (width * 3 + 1);
    data =
      whole <= WHOLE_DATA_LIMIT
        ? zlib.deflateSync(Buffer.alloc(whole), { level: 1 })
        : zlib.deflateSync(Buffer.alloc((Math.min(width, 64) * 3 + 1) * 2));
    compressedRows.set(key, data);
  }
  return data;
}

/** A PNG declaring `width`×`height` (8-bit RGB), with its image data (pngData). */
export function png(
  width: number,
  height: number,
  options: { location?: string; before?: Buffer[]; after?: Buffer[] } = {},
): Buffer {
  return bytes(
    PNG_SIGNATURE,
    pngChunk('IHDR', [...be32(width), ...be32(height), 8, 2, 0, 0, 0]),
    ...(options.location
      ? [
          pngChunk('tEXt', text(`Location\0${options.location}`)),
          pngChunk('eXIf', text(`MM\0*${options.location}`)),
        ]
      : []),
    ...(options.before ?? []),
    pngChunk('IDAT', pngData(width, height)),
    ...(options.after ?? []),
    pngChunk('IEND', []),
  );
}

// ---- JPEG ----

function jpegSegment(marker: number, data: Buffer | number[]): Buffer {
  const body = Buffer.from(data);
  return bytes([0xff, marker, ...be16(body.length + 2)], body);
}

/** An EXIF block (big-endian TIFF) with an Orientation tag and a location note after the IFD. */
function exif(orientation: number, location: string): Buffer {
  const tiff = bytes(
    text('MM'),
    [0, 42, ...be32(8), ...be16(1)],
    [...be16(0x0112), ...be16(3), ...be32(1), ...be16(orientation), 0, 0],
    be32(0),
    text(location),
  );
  return bytes(text('Exif'), [0, 0], tiff);
}

export interface JpegOptions {
  /** EXIF Orientation; with `location`, written in an APP1 EXIF block. */
  orientation?: number;
  location?: string;
  comment?: string;
  /** Empty segments (4 bytes each) of `marker`, before or after the frame header. */
  emptySegments?: { count: number; marker: number; where: 'before-frame' | 'after-frame' };
  /** 0xFF fill bytes before the frame header's marker. */
  fillBytes?: number;
  /** The frame header's marker: 0xc0 baseline (default), 0xc2 progressive. */
  frameMarker?: number;
  /** Segments after the first scan, followed by a second scan (a progressive JPEG's shape). */
  betweenScans?: Buffer[];
  /** Bytes after the end-of-image marker (a second image, say). */
  afterEnd?: Buffer;
  /** Segments after JFIF, before the tables and the frame (a colour profile, a thumbnail). */
  before?: Buffer[];
  /** The first scan's compressed data, instead of a few bytes. */
  scanData?: Buffer;
}

/** A segment as the samples write them: marker, length, data. */
export const jpegSegmentOf = (marker: number, data: Buffer | number[]) => jpegSegment(marker, data);

function emptySegments(count: number, marker: number): Buffer {
  const out = Buffer.alloc(count * 4);
  for (let i = 0; i < count; i++) out.set([0xff, marker, 0, 2], i * 4);
  return out;
}

/**
 * A JPEG's structure as a phone writes it: JFIF, EXIF (orientation, location), a comment,
 * quantisation table, the frame header declaring `width`×`height`, a Huffman table, the scan
 * header, some compressed data, the end. Nothing here decodes the pixels, the server included.
 */
export function jpeg(width: number, height: number, options: JpegOptions = {}): Buffer {
  const extra = options.emptySegments;
  const extraBytes = extra ? emptySegments(extra.count, extra.marker) : Buffer.alloc(0);
  return bytes(
    [0xff, 0xd8],
    jpegSegment(0xe0, bytes(text('JFIF'), [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])),
    options.location || options.orientation
      ? jpegSegment(0xe1, exif(options.orientation ?? 1, options.location ?? ''))
      : [],
    options.comment ? jpegSegment(0xfe, text(options.comment)) : [],
    ...(options.before ?? []),
    jpegSegment(0xdb, [0, ...new Array<number>(64).fill(1)]),
    extra?.where === 'before-frame' ? extraBytes : [],
    new Array<number>(options.fillBytes ?? 0).fill(0xff),
    jpegSegment(options.frameMarker ?? 0xc0, [
      8,
      ...be16(height),
      ...be16(width),
      3,
      1,
      0x22,
      0,
      2,
      0x11,
      0,
      3,
      0x11,
      0,
    ]),
    extra?.where === 'after-frame' ? extraBytes : [],
    jpegSegment(0xc4, [0x00, 1, ...new Array<number>(15).fill(0), 0]),
    jpegSegment(0xda, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 0x3f, 0]),
    options.scanData ?? [0x12, 0x34, 0x56, 0x78, 0xff, 0x00, 0x9a, 0xff, 0xd0, 0x55],
    ...(options.betweenScans
      ? [...options.betweenScans, jpegSegment(0xda, [1, 1, 0x00, 1, 5, 0]), Buffer.from([0x21, 0x43])]
      : []),
    [0xff, 0xd9],
    options.afterEnd ?? [],
  );
}

/** How many 4-byte empty segments fill a file of `totalBytes` (the upload limit: 10 MB). */
export const emptySegmentsFilling = (totalBytes: number) => Math.floor((totalBytes - 400) / 4);

// ---- WebP ----

const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const le24 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff];

export function riffChunk(type: string, data: Buffer | number[]): Buffer {
  const body = Buffer.from(data);
  return bytes(text(type), le32(body.length), body, body.length % 2 ? [0] : []);
}

/** A lossless still WebP: an extended header declaring `canvas` (default: the frame's size), EXIF, the frame. */
export function webp(
  width: number,
  height: number,
  options: {
    canvas?: { width: number; height: number };
    location?: string;
    animated?: boolean;
    /** Bytes after the lossless bitstream's header, inside its chunk (none by default). */
    bitstreamPadding?: number;
    /** Chunks after the extended header (a colour profile, say). */
    before?: Buffer[];
  } = {},
): Buffer {
  const canvas = options.canvas ?? { width, height };
  const flags = (options.location ? 0x08 | 0x04 : 0) | (options.animated ? 0x02 : 0);
  const bits = ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14);
  const body = bytes(
    text('WEBP'),
    riffChunk('VP8X', [flags, 0, 0, 0, ...le24(canvas.width - 1), ...le24(canvas.height - 1)]),
    options.animated ? riffChunk('ANIM', [0, 0, 0, 0, 0, 0]) : [],
    options.location ? riffChunk('EXIF', text(`MM\0*${options.location}`)) : [],
    options.location ? riffChunk('XMP ', text(`<x:xmpmeta>${options.location}</x:xmpmeta>`)) : [],
    ...(options.before ?? []),
    riffChunk('VP8L', bytes([0x2f, ...le32(bits), 0], Buffer.alloc(options.bitstreamPadding ?? 0))),
  );
  return bytes(text('RIFF'), le32(body.length), body);
}
