import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';

/**
 * Small real images for tests: a PNG that any browser decodes, carrying metadata a phone would
 * add (a text chunk and an EXIF chunk with a location), so tests can check it is stripped.
 */
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function pngWithLocation(width = 40, height = 30, location = 'GPS 54.5189N 18.5305E Gdynia'): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows.set([x * 6, y * 8, 160], y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('tEXt', Buffer.from(`Location\0${location}`, 'latin1')),
    chunk('eXIf', Buffer.from(`MM\0*${location}`, 'latin1')),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A PNG that declares `width`×`height` pixels but carries a few rows: what a decompression bomb
 * looks like to a server that reads only headers. The declared size is what a browser allocates.
 */
export function pngDeclaring(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(48 * 1024 * 1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function jpegSegment(marker: number, data: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([head, data]);
}

/**
 * A JPEG's structure as a phone camera writes it, declaring `width`×`height`: JFIF, EXIF with the
 * orientation and a location, a comment, tables, the frame, the scan. `emptySegments` 4-byte
 * segments after the frame header make the crafted file the attacker sent (10 MB of them).
 * Nothing decodes its pixels; the server reads its structure only.
 */
export function jpegPhoto(
  width: number,
  height: number,
  options: { location?: string; orientation?: number; emptySegments?: number } = {},
): Buffer {
  const location = options.location ?? 'GPS 54.5189N 18.5305E Gdynia';
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8); // one IFD entry: Orientation, SHORT, 1
  tiff.writeUInt16BE(0x0112, 10);
  tiff.writeUInt16BE(3, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(options.orientation ?? 1, 18);
  const frame = Buffer.from([8, 0, 0, 0, 0, 3, 1, 0x22, 0, 2, 0x11, 0, 3, 0x11, 0]);
  frame.writeUInt16BE(height, 1);
  frame.writeUInt16BE(width, 3);
  const empty = Buffer.alloc((options.emptySegments ?? 0) * 4);
  for (let at = 0; at < empty.length; at += 4) empty.set([0xff, 0xe0, 0, 2], at);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    jpegSegment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    jpegSegment(
      0xe1,
      Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff, Buffer.from(location, 'latin1')]),
    ),
    jpegSegment(0xfe, Buffer.from(`taken at ${location}`, 'latin1')),
    jpegSegment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
    jpegSegment(0xc0, frame),
    empty,
    jpegSegment(0xc4, Buffer.from([0, 1, ...new Array<number>(15).fill(0), 0])),
    jpegSegment(0xda, Buffer.from([3, 1, 0, 2, 0, 3, 0, 0, 0x3f, 0])),
    Buffer.from([0x12, 0x34, 0x56, 0x78, 0xff, 0x00, 0x9a, 0xff, 0xd9]),
  ]);
}

/** The most 4-byte empty segments a JPEG of at most `totalBytes` can carry beside the rest. */
export const emptySegmentsWithin = (totalBytes: number) => Math.floor((totalBytes - 400) / 4);

/** A `width`×`height` RGB PNG of random pixels: as large as its pixels (3 bytes each), whatever compresses it. */
export function noisePng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = randomBytes((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) rows[y * (width * 3 + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
