import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cleanImage, ImageError, sniffImageType } from './image-file';

const text = (s: string) => [...Buffer.from(s, 'latin1')];
const be16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const be32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

function crc32(bytes: number[]): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function pngChunk(type: string, data: number[]): number[] {
  const body = [...text(type), ...data];
  return [...be32(data.length), ...body, ...be32(crc32(body))];
}

/** A real 3×2 RGB PNG (zlib-compressed scanlines) with a text chunk and an EXIF chunk naming a place. */
function png(): Uint8Array {
  const rows = [0, 255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 255];
  return new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...pngChunk('IHDR', [...be32(3), ...be32(2), 8, 2, 0, 0, 0]),
    ...pngChunk('tEXt', text('Location\0Gdynia 54.5189N 18.5305E')),
    ...pngChunk('eXIf', text('MM\0*GPS 54.5189 18.5305')),
    ...pngChunk('IDAT', [...zlib.deflateSync(Buffer.from(rows))]),
    ...pngChunk('IEND', []),
  ]);
}

/** A JPEG's structure: JFIF, EXIF with Orientation=6 and a GPS note, a comment, a 640×480 frame. */
function jpeg(): Uint8Array {
  const tiff = [
    ...text('MM'),
    0,
    42,
    ...be32(8),
    ...be16(1),
    ...be16(0x0112),
    ...be16(3),
    ...be32(1),
    ...be16(6),
    0,
    0,
    ...be32(0),
    ...text('GPS 54.5189N'),
  ];
  const app1 = [...text('Exif'), 0, 0, ...tiff];
  return new Uint8Array([
    0xff,
    0xd8,
    0xff,
    0xe0,
    ...be16(16),
    ...text('JFIF'),
    0,
    1,
    1,
    0,
    0,
    1,
    0,
    1,
    0,
    0,
    0xff,
    0xe1,
    ...be16(app1.length + 2),
    ...app1,
    0xff,
    0xfe,
    ...be16(2 + 14),
    ...text('taken at home'),
    0,
    0xff,
    0xc0,
    ...be16(17),
    8,
    ...be16(480),
    ...be16(640),
    3,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
    0xff,
    0xda,
    ...be16(12),
    3,
    1,
    0,
    2,
    0x11,
    3,
    0x11,
    0,
    0x3f,
    0,
    0x12,
    0x34,
    0x56,
    0xff,
    0xd9,
  ]);
}

function webp(): Uint8Array {
  const vp8x = [...text('VP8X'), ...[10, 0, 0, 0], 0x08 | 0x04, 0, 0, 0, 99, 0, 0, 49, 0, 0];
  const exif = [...text('EXIF'), 6, 0, 0, 0, ...text('GPS 54')];
  // A lossless frame of 100×50 (14 bits each of width − 1 and height − 1), as the VP8X canvas declares.
  const vp8l = [...text('VP8L'), 5, 0, 0, 0, 0x2f, 0x63, 0x40, 0x0c, 0x00, 0];
  const body = [...text('WEBP'), ...vp8x, ...exif, ...vp8l];
  return new Uint8Array([...text('RIFF'), body.length & 0xff, (body.length >> 8) & 0xff, 0, 0, ...body]);
}

const contains = (bytes: Uint8Array, needle: string) =>
  Buffer.from(bytes).includes(Buffer.from(needle, 'latin1'));

describe('uploaded images', () => {
  it('knows an image by its bytes, not its name or declared type', () => {
    expect(sniffImageType(png())).toBe('image/png');
    expect(sniffImageType(jpeg())).toBe('image/jpeg');
    expect(sniffImageType(webp())).toBe('image/webp');
    expect(sniffImageType(new Uint8Array(Buffer.from('<svg onload="alert(1)"/>')))).toBeNull();
    expect(() => cleanImage(new Uint8Array(Buffer.from('%PDF-1.7')))).toThrow(ImageError);
  });

  it('PNG: keeps the pixels, drops text and EXIF chunks', () => {
    const { bytes, info } = cleanImage(png());
    expect(info).toEqual({ type: 'image/png', width: 3, height: 2, orientation: 1 });
    expect(contains(bytes, 'Gdynia')).toBe(false);
    expect(contains(bytes, 'GPS')).toBe(false);
    expect(contains(bytes, 'IDAT')).toBe(true);
  });

  it('JPEG: drops EXIF (location) and comments, keeps JFIF and the frame, remembers the orientation', () => {
    const { bytes, info } = cleanImage(jpeg());
    expect(info).toEqual({ type: 'image/jpeg', width: 640, height: 480, orientation: 6 });
    expect(contains(bytes, 'GPS')).toBe(false);
    expect(contains(bytes, 'Exif')).toBe(false);
    expect(contains(bytes, 'taken at home')).toBe(false);
    expect(contains(bytes, 'JFIF')).toBe(true);
    expect(bytes[bytes.length - 1]).toBe(0xd9);
  });

  it('WebP: drops EXIF and clears its flag, fixes the RIFF size', () => {
    const { bytes, info } = cleanImage(webp());
    expect(info).toMatchObject({ type: 'image/webp', width: 100, height: 50 });
    expect(contains(bytes, 'GPS')).toBe(false);
    expect((bytes[20] as number) & 0x0c).toBe(0);
    expect(Buffer.from(bytes).readUInt32LE(4)).toBe(bytes.length - 8);
  });

  it('refuses truncated images with a clear error', () => {
    expect(() => cleanImage(jpeg().subarray(0, 30))).toThrow(/broken JPEG/);
    expect(() => cleanImage(png().subarray(0, 20))).toThrow(ImageError);
  });
});
