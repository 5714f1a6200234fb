import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cleanImage, ImageError, readImageHeader, sniffImageType } from './image-file';
import type { ImageProblem } from './image-error';
import { MAX_JPEG_SEGMENTS } from './jpeg-file';
import { MAX_PNG_CHUNKS } from './png-file';
import {
  emptySegmentsFilling,
  jpeg as jpegOf,
  jpegSegmentOf,
  LOCATION,
  png as pngOf,
  pngChunk as chunkOf,
  webp as webpOf,
} from './sample-images';

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
  // Two scanlines of a filter byte (0: none) and three pixels: red, green, blue; green, blue, red.
  const rows = [0, 255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 255, 0, 0, 0, 255, 255, 0, 0];
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
  it('knows an image by its bytes, not its name or declared type', async () => {
    expect(sniffImageType(png())).toBe('image/png');
    expect(sniffImageType(jpeg())).toBe('image/jpeg');
    expect(sniffImageType(webp())).toBe('image/webp');
    expect(sniffImageType(new Uint8Array(Buffer.from('<svg onload="alert(1)"/>')))).toBeNull();
    await expect(cleanImage(new Uint8Array(Buffer.from('%PDF-1.7')))).rejects.toThrow(ImageError);
  });

  it('PNG: keeps the pixels, drops text and EXIF chunks', async () => {
    const { bytes, info } = await cleanImage(png());
    expect(info).toEqual({ type: 'image/png', width: 3, height: 2, orientation: 1 });
    expect(contains(bytes, 'Gdynia')).toBe(false);
    expect(contains(bytes, 'GPS')).toBe(false);
    expect(contains(bytes, 'IDAT')).toBe(true);
  });

  it('JPEG: drops EXIF (location) and comments, keeps JFIF and the frame, remembers the orientation', async () => {
    const { bytes, info } = await cleanImage(jpeg());
    expect(info).toEqual({ type: 'image/jpeg', width: 640, height: 480, orientation: 6 });
    expect(contains(bytes, 'GPS')).toBe(false);
    expect(contains(bytes, 'Exif')).toBe(false);
    expect(contains(bytes, 'taken at home')).toBe(false);
    expect(contains(bytes, 'JFIF')).toBe(true);
    expect(bytes[bytes.length - 1]).toBe(0xd9);
  });

  it('WebP: drops EXIF and clears its flag, fixes the RIFF size', async () => {
    const { bytes, info } = await cleanImage(webp());
    expect(info).toMatchObject({ type: 'image/webp', width: 100, height: 50 });
    expect(contains(bytes, 'GPS')).toBe(false);
    expect((bytes[20] as number) & 0x0c).toBe(0);
    expect(Buffer.from(bytes).readUInt32LE(4)).toBe(bytes.length - 8);
  });

  it('refuses truncated images with a clear error', async () => {
    await expect(cleanImage(jpeg().subarray(0, 30))).rejects.toThrow(/broken JPEG/);
    await expect(cleanImage(png().subarray(0, 20))).rejects.toThrow(ImageError);
  });
});

/** The problem an ImageError names, or what else was thrown (a test fails on anything but an ImageError). */
async function problemOf(read: () => unknown): Promise<ImageProblem | 'accepted' | string> {
  try {
    await read();
    return 'accepted';
  } catch (err) {
    return err instanceof ImageError ? err.problem : `not an ImageError: ${String(err)}`;
  }
}

/** Both steps refuse it the same way: the header read (event loop) and the full clean (worker). */
async function refusal(file: Uint8Array): Promise<{ header: string; clean: string }> {
  return {
    header: await problemOf(() => readImageHeader(file)),
    clean: await problemOf(() => cleanImage(file)),
  };
}

const TEN_MB = 10 * 1024 * 1024;

describe('decompression bombs: the declared size is checked before anything else', () => {
  it('[U1] a phone photo passes: 4032×3024 (12 MP), 8000×6000 (48 MP), 8192×6144 (50 MP), 3024×4032', async () => {
    for (const [w, h] of [
      [4032, 3024],
      [8000, 6000],
      [8192, 6144],
      [3024, 4032],
    ] as const) {
      expect(readImageHeader(jpegOf(w, h))).toEqual({ type: 'image/jpeg', width: w, height: h });
      expect((await cleanImage(pngOf(w, h))).info).toMatchObject({ width: w, height: h });
    }
  });

  it('[U1] a PNG declaring 20,000×20,000 px (1.6 GB decoded) is too large', async () => {
    const bomb = pngOf(20_000, 20_000);
    expect(bomb.length).toBeLessThan(1000);
    expect(await refusal(bomb)).toEqual({ header: 'too_large', clean: 'too_large' });
  });

  it('[U1] a PNG declaring 4,294,967,295² px is refused as impossible (the format allows 2³¹ − 1)', async () => {
    expect(await refusal(pngOf(0xffffffff, 0xffffffff))).toEqual({ header: 'invalid', clean: 'invalid' });
    expect(await refusal(pngOf(0x7fffffff, 1))).toEqual({ header: 'too_large', clean: 'too_large' });
  });

  it('[U1] zero pixels are refused: PNG 0×0, JPEG 0×480 and 640×0', async () => {
    expect(await refusal(pngOf(0, 0))).toEqual({ header: 'invalid', clean: 'invalid' });
    expect(await refusal(jpegOf(0, 480))).toEqual({ header: 'invalid', clean: 'invalid' });
    expect(await refusal(jpegOf(640, 0))).toEqual({ header: 'invalid', clean: 'invalid' });
  });

  it('[U1] a JPEG declaring 65,535×65,535 px with a tiny body is too large', async () => {
    const bomb = jpegOf(65_535, 65_535);
    expect(bomb.length).toBeLessThan(500);
    expect(await refusal(bomb)).toEqual({ header: 'too_large', clean: 'too_large' });
  });

  it('[U1] the limits: 12,000 px a side, 50 Mi pixels in all', async () => {
    expect(await refusal(jpegOf(12_000, 100))).toEqual({ header: 'accepted', clean: 'accepted' });
    expect((await refusal(jpegOf(12_001, 100))).header).toBe('too_large');
    expect((await refusal(pngOf(100, 12_001))).header).toBe('too_large');
    // 7,300² = 53.3 MP: each side is fine, the total is not.
    expect((await refusal(jpegOf(7_300, 7_300))).header).toBe('too_large');
    expect((await refusal(webpOf(16_384, 16_384))).header).toBe('too_large');
  });

  it('[U1] the size decides before the rest of the file is read: a bomb with a broken body is "too large"', async () => {
    const brokenAfterHeader = Buffer.concat([pngOf(20_000, 20_000).subarray(0, 33), Buffer.from('garbage')]);
    expect(await refusal(brokenAfterHeader)).toEqual({ header: 'too_large', clean: 'too_large' });
    const manySegmentsAfterFrame = jpegOf(65_535, 65_535, {
      emptySegments: { count: 10 * MAX_JPEG_SEGMENTS, marker: 0xe0, where: 'after-frame' },
    });
    expect(await refusal(manySegmentsAfterFrame)).toEqual({ header: 'too_large', clean: 'too_large' });
  });
});

describe('parsing is bounded and refuses anything malformed', () => {
  it('[U2] a 10 MB JPEG of millions of empty segments is refused at the segment cap', async () => {
    const count = emptySegmentsFilling(TEN_MB);
    expect(count).toBeGreaterThan(2_500_000);
    const after = jpegOf(4032, 3024, { emptySegments: { count, marker: 0xe0, where: 'after-frame' } });
    expect(after.length).toBeLessThanOrEqual(TEN_MB);
    // The size is read at the frame, before them; the walk over the whole file stops at the cap.
    expect(await refusal(after)).toEqual({ header: 'accepted', clean: 'too_complex' });
    const before = jpegOf(4032, 3024, { emptySegments: { count, marker: 0xdb, where: 'before-frame' } });
    expect(await refusal(before)).toEqual({ header: 'too_complex', clean: 'too_complex' });
  });

  it('[U2] as many segments as a real photo has pass; one more than the cap does not', async () => {
    const base = 5; // JFIF, DQT, frame, DHT, SOS
    const at = (extra: number) =>
      jpegOf(4032, 3024, { emptySegments: { count: extra, marker: 0xe0, where: 'after-frame' } });
    expect(await refusal(at(MAX_JPEG_SEGMENTS - base))).toEqual({ header: 'accepted', clean: 'accepted' });
    expect((await refusal(at(MAX_JPEG_SEGMENTS - base + 1))).clean).toBe('too_complex');
  });

  it('[U2] segments between scans count toward the same cap', async () => {
    const empty = jpegSegmentOf(0xdd, [0, 0]); // DRI, 6 bytes
    const many = jpegOf(4032, 3024, { betweenScans: new Array<Buffer>(MAX_JPEG_SEGMENTS).fill(empty) });
    expect(await refusal(many)).toEqual({ header: 'accepted', clean: 'too_complex' });
  });

  it('[U2] a JPEG padded with 10 MB of 0xFF fill bytes is refused', async () => {
    expect(await refusal(jpegOf(4032, 3024, { fillBytes: TEN_MB - 400 }))).toEqual({
      header: 'too_complex',
      clean: 'too_complex',
    });
    expect(await refusal(jpegOf(4032, 3024, { fillBytes: 7 }))).toEqual({
      header: 'accepted',
      clean: 'accepted',
    });
  });

  it('[U2] a PNG of hundreds of thousands of empty chunks is refused at the chunk cap', async () => {
    const empty = chunkOf('tEXt', []);
    const many = pngOf(40, 30, { before: new Array<Buffer>(MAX_PNG_CHUNKS + 1).fill(empty) });
    expect(await refusal(many)).toEqual({ header: 'accepted', clean: 'too_complex' });
  });

  it('[U2] wrong magic is not an image', async () => {
    for (const file of [Buffer.from('%PDF-1.7'), Buffer.from('<svg onload="alert(1)"/>'), Buffer.alloc(0)]) {
      expect(await refusal(file)).toEqual({ header: 'not_an_image', clean: 'not_an_image' });
    }
  });

  it('[U2] a truncated file is refused, wherever it is cut before the image data', async () => {
    const files = [pngOf(40, 30, { location: LOCATION }), webpOf(100, 50, { location: LOCATION })];
    for (const file of files) {
      for (let cut = 0; cut < file.length; cut++) {
        expect((await refusal(file.subarray(0, cut))).clean, `cut at ${cut} of ${file.length}`).toMatch(
          /^(invalid|not_an_image)$/,
        );
      }
    }
    const photo = jpegOf(4032, 3024, { location: LOCATION, orientation: 6 });
    // The image data starts after the scan header: the SOS marker and its 12 bytes.
    const imageData = photo.indexOf(Buffer.from([0xff, 0xda])) + 2 + 12;
    for (let cut = 0; cut < imageData; cut++) {
      expect((await refusal(photo.subarray(0, cut))).clean, `cut at ${cut}`).toMatch(
        /^(invalid|not_an_image)$/,
      );
    }
  });

  it('[U2] PNG: a bad checksum, a huge chunk length, a header that is not first, an unknown critical chunk', async () => {
    const good = pngOf(40, 30);
    const badCrc = Buffer.from(good);
    badCrc[29] = (badCrc[29] as number) ^ 0xff; // IHDR's checksum
    expect((await refusal(badCrc)).header).toBe('invalid');
    const hugeLength = Buffer.concat([
      good.subarray(0, 33),
      Buffer.from([0xff, 0xff, 0xff, 0xf0]),
      Buffer.from('IDAT'),
    ]);
    expect((await refusal(hugeLength)).clean).toBe('invalid');
    const noHeaderFirst = Buffer.concat([good.subarray(0, 8), chunkOf('tEXt', []), good.subarray(8)]);
    expect((await refusal(noHeaderFirst)).header).toBe('invalid');
    expect((await refusal(pngOf(40, 30, { before: [chunkOf('ABCD', [])] }))).clean).toBe('invalid');
  });

  it('[U2] WebP: a frame of another size than declared, and animation, are refused', async () => {
    expect(await refusal(webpOf(100, 50, { canvas: { width: 12_000, height: 4_000 } }))).toEqual({
      header: 'accepted',
      clean: 'invalid',
    });
    expect((await refusal(webpOf(100, 50, { animated: true }))).clean).toBe('invalid');
  });

  it('[U2] seeded random corruption: every variant is cleaned within the limits or refused with an ImageError', async () => {
    // mulberry32: the same 1,500 variants on every run.
    let seed = 0x9e3779b9;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const samples = [
      jpegOf(4032, 3024, { location: LOCATION, orientation: 6, comment: 'x' }),
      pngOf(40, 30, { location: LOCATION }),
      webpOf(100, 50, { location: LOCATION }),
    ];
    const outcomes = new Set<string>();
    for (const sample of samples) {
      for (let variant = 0; variant < 500; variant++) {
        const file = Buffer.from(sample);
        const flips = 1 + Math.floor(random() * 4);
        for (let f = 0; f < flips; f++) file[Math.floor(random() * file.length)] = Math.floor(random() * 256);
        const outcome = await problemOf(async () => {
          const { info } = await cleanImage(file);
          expect(info.width * info.height).toBeLessThanOrEqual(50 * 1024 * 1024);
          expect(Math.min(info.width, info.height)).toBeGreaterThanOrEqual(1);
        });
        expect(outcome).not.toMatch(/^not an ImageError/);
        outcomes.add(outcome);
      }
    }
    expect(outcomes).toContain('invalid');
  });
});

describe('a phone photo', () => {
  it('[U7] a 4032×3024 JPEG is taken with its EXIF (location) and comment stripped, its orientation kept', async () => {
    const photo = jpegOf(4032, 3024, { location: LOCATION, orientation: 6, comment: 'taken at home' });
    const { bytes, info } = await cleanImage(photo);
    expect(info).toEqual({ type: 'image/jpeg', width: 4032, height: 3024, orientation: 6 });
    expect(contains(bytes, 'GPS')).toBe(false);
    expect(contains(bytes, 'Gdynia')).toBe(false);
    expect(contains(bytes, 'Exif')).toBe(false);
    expect(contains(bytes, 'taken at home')).toBe(false);
    expect(contains(bytes, 'JFIF')).toBe(true);
    expect(bytes.length).toBeGreaterThan(100);
  });

  it('[U7] a JPEG ends at its end-of-image marker: a second image after it, with its own EXIF, is dropped', async () => {
    const second = jpegOf(640, 480, { location: LOCATION, orientation: 3 });
    const { bytes, info } = await cleanImage(jpegOf(4032, 3024, { afterEnd: second }));
    expect(info).toMatchObject({ width: 4032, height: 3024, orientation: 1 });
    expect(contains(bytes, 'Gdynia')).toBe(false);
    expect(contains(bytes, 'Exif')).toBe(false);
    expect(bytes.subarray(-2)).toEqual(new Uint8Array([0xff, 0xd9]));
  });

  it('[U7] a progressive JPEG keeps every scan and the tables between them, not a comment between them', async () => {
    const table = jpegSegmentOf(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0]);
    const note = jpegSegmentOf(0xfe, [...Buffer.from(LOCATION)]);
    const photo = jpegOf(4032, 3024, { frameMarker: 0xc2, betweenScans: [table, note] });
    const { bytes } = await cleanImage(photo);
    expect(contains(bytes, 'Gdynia')).toBe(false);
    expect(Buffer.from(bytes).includes(table)).toBe(true);
    expect(bytes.length).toBe(photo.length - note.length);
  });

  it('[U7] PNG and WebP keep only what shows the picture: text, EXIF, XMP, private chunks are dropped', async () => {
    const png = await cleanImage(
      pngOf(40, 30, { location: LOCATION, before: [chunkOf('prVt', [...Buffer.from(LOCATION)])] }),
    );
    expect(contains(png.bytes, 'Gdynia')).toBe(false);
    expect(contains(png.bytes, 'prVt')).toBe(false);
    const webp = await cleanImage(webpOf(100, 50, { location: LOCATION }));
    expect(contains(webp.bytes, 'Gdynia')).toBe(false);
    expect(Buffer.from(webp.bytes).readUInt32LE(4)).toBe(webp.bytes.length - 8);
  });
});
