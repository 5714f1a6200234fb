import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ImageError, type ImageProblem } from './image-error';
import { cleanImage } from './image-file';
import { MAX_IMAGE_OVERHEAD_BYTES } from './image-limits';
import { maxJpegData } from './jpeg-file';
import { maxPngData, pngScanlines } from './png-file';
import { jpeg, jpegSegmentOf, png, pngChunk, riffChunk, webp } from './sample-images';
import { maxWebpData } from './webp-file';

/**
 * [U8] A photo keeps only what shows the picture, and no more than its pixels can need: found by
 * the audit of 2026-12-01, a 1 × 1 px PNG carrying 9 MB after its image data was stored whole.
 */
async function outcome(file: Uint8Array): Promise<{ problem: ImageProblem | 'accepted'; message: string }> {
  try {
    const { bytes } = await cleanImage(file);
    return { problem: 'accepted', message: `${bytes.length} bytes kept` };
  } catch (err) {
    if (!(err instanceof ImageError)) throw err;
    return { problem: err.problem, message: err.message };
  }
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG of this header whose image data is `data` (split into IDAT chunks of `split` bytes). */
function pngWithData(
  header: { width: number; height: number; depth?: number; colour?: number; interlaced?: boolean },
  data: Buffer,
  options: { split?: number; between?: Buffer[]; before?: Buffer[] } = {},
): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(header.width, 0);
  ihdr.writeUInt32BE(header.height, 4);
  ihdr.set([header.depth ?? 8, header.colour ?? 2, 0, 0, header.interlaced ? 1 : 0], 8);
  const split = options.split ?? (data.length || 1);
  const idat: Buffer[] = [];
  for (let at = 0; at < data.length; at += split) idat.push(pngChunk('IDAT', data.subarray(at, at + split)));
  const [first = pngChunk('IDAT', Buffer.alloc(0)), ...rest] = idat;
  return Buffer.concat([
    SIGNATURE,
    pngChunk('IHDR', ihdr),
    ...(options.before ?? []),
    first,
    ...(options.between ?? []),
    ...rest,
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The audit's file: a 1 × 1 px RGB PNG whose IDAT carries `padding` random bytes after its zlib stream. */
const paddedPixel = (padding: number) =>
  pngWithData(
    { width: 1, height: 1 },
    Buffer.concat([zlib.deflateSync(Buffer.from([0, 255, 0, 0])), randomBytes(padding)]),
  );

describe('[U8] a PNG keeps no more image data than its pixels need', () => {
  it('the audit’s 1 × 1 px PNG padded with 9 MB after its image data is refused', async () => {
    expect(await outcome(paddedPixel(0))).toMatchObject({ problem: 'accepted' });
    const refused = await outcome(paddedPixel(9_000_000));
    expect(refused.problem).toBe('invalid');
    expect(refused.message).toMatch(/more than its size can need/);
  });

  it('padding after the zlib stream, within what the size could need, is refused when inflated', async () => {
    const header = { width: 200, height: 100 };
    const scanlines = Buffer.alloc(100 * (1 + 600));
    const stream = zlib.deflateSync(scanlines);
    expect(await outcome(pngWithData(header, stream))).toMatchObject({ problem: 'accepted' });
    // 20 kB of padding: a tenth of what 200 × 100 px may take, far more than this stream is.
    const padded = Buffer.concat([stream, randomBytes(20_000)]);
    expect(padded.length).toBeLessThan(
      maxPngData(pngScanlines({ ...header, depth: 8, colour: 2, interlaced: false })),
    );
    const refused = await outcome(pngWithData(header, padded, { split: 8192 }));
    expect(refused).toEqual({
      problem: 'invalid',
      message: 'broken PNG: 20000 bytes after the end of the image data',
    });
  });

  it('image data that inflates to more or fewer bytes than the scanlines, or not at all, is refused', async () => {
    const header = { width: 40, height: 30 };
    const exact = 30 * (1 + 120);
    expect(await outcome(pngWithData(header, zlib.deflateSync(Buffer.alloc(exact))))).toMatchObject({
      problem: 'accepted',
    });
    expect(await outcome(pngWithData(header, zlib.deflateSync(Buffer.alloc(exact + 1))))).toMatchObject({
      problem: 'invalid',
      message: expect.stringMatching(/inflates to more than the 3630 bytes/) as unknown,
    });
    expect(await outcome(pngWithData(header, zlib.deflateSync(Buffer.alloc(exact - 121))))).toMatchObject({
      problem: 'invalid',
      message: expect.stringMatching(/inflates to 3509 bytes, its size needs 3630/) as unknown,
    });
    const badChecksum = zlib.deflateSync(Buffer.alloc(exact));
    badChecksum[badChecksum.length - 1] = (badChecksum[badChecksum.length - 1] as number) ^ 1;
    expect(await outcome(pngWithData(header, badChecksum))).toMatchObject({
      problem: 'invalid',
      message: expect.stringMatching(/cannot be inflated/) as unknown,
    });
    const cut = zlib.deflateSync(Buffer.alloc(exact)).subarray(0, 8);
    expect((await outcome(pngWithData(header, cut))).problem).toBe('invalid');
    expect((await outcome(pngWithData(header, Buffer.alloc(0)))).problem).toBe('invalid');
  });

  it('a run of IDAT chunks is one stream, in as many chunks as the encoder likes; another chunk inside it is refused', async () => {
    const header = { width: 64, height: 64 };
    const stream = zlib.deflateSync(Buffer.alloc(64 * (1 + 192)), { level: 0 });
    expect(await outcome(pngWithData(header, stream, { split: 1000 }))).toMatchObject({
      problem: 'accepted',
    });
    const split = pngWithData(header, stream, {
      split: 1000,
      between: [pngChunk('tEXt', Buffer.from('a\0b'))],
    });
    expect(await outcome(split)).toMatchObject({
      problem: 'invalid',
      message: 'broken PNG: image data split by another chunk',
    });
  });

  it('the scanlines of every colour type and bit depth, interlaced (Adam7) or not', async () => {
    const rgb8 = { width: 8, height: 8, depth: 8, colour: 2 };
    expect(pngScanlines({ ...rgb8, interlaced: false })).toEqual({ bytes: 8 * 25, rows: 8 });
    // Passes of 1×1, 1×1, 2×1, 2×2, 4×2, 4×4 and 8×4 pixels.
    expect(pngScanlines({ ...rgb8, interlaced: true })).toEqual({
      bytes: 4 + 4 + 7 + 2 * 7 + 2 * 13 + 4 * 13 + 4 * 25,
      rows: 1 + 1 + 1 + 2 + 2 + 4 + 4,
    });
    // One pixel: the first pass only.
    expect(pngScanlines({ ...rgb8, width: 1, height: 1, interlaced: true })).toEqual({ bytes: 4, rows: 1 });
    expect(pngScanlines({ width: 10, height: 2, depth: 1, colour: 0, interlaced: false }).bytes).toBe(2 * 3);
    expect(pngScanlines({ width: 3, height: 1, depth: 16, colour: 6, interlaced: false }).bytes).toBe(1 + 24);
    expect(pngScanlines({ width: 5, height: 1, depth: 4, colour: 3, interlaced: false }).bytes).toBe(1 + 3);
    expect(pngScanlines({ width: 2, height: 2, depth: 16, colour: 4, interlaced: false }).bytes).toBe(2 * 9);

    const interlaced = pngWithData(
      { width: 8, height: 8, interlaced: true },
      zlib.deflateSync(Buffer.alloc(207)),
    );
    expect(await outcome(interlaced)).toMatchObject({ problem: 'accepted' });
    const palette = pngWithData(
      { width: 10, height: 2, depth: 1, colour: 3 },
      zlib.deflateSync(Buffer.alloc(6)),
      {
        before: [pngChunk('PLTE', [0, 0, 0, 255, 255, 255])],
      },
    );
    expect(await outcome(palette)).toMatchObject({ problem: 'accepted' });
  });

  it('a colour profile of a few kilobytes is kept; more than 256 KiB besides the image data is not', async () => {
    const profile = (bytes: number) =>
      pngChunk(
        'iCCP',
        Buffer.concat([Buffer.from('ICC\0\0'), zlib.deflateSync(randomBytes(bytes), { level: 0 })]),
      );
    const small = await outcome(png(40, 30, { before: [profile(3_000)] }));
    expect(small.problem).toBe('accepted');
    const huge = await outcome(png(40, 30, { before: [profile(MAX_IMAGE_OVERHEAD_BYTES)] }));
    expect(huge.problem).toBe('invalid');
    expect(huge.message).toMatch(/besides its image data/);
  });

  it('a phone photo’s worth of image data passes: a 4032 × 3024 px PNG of noise, nearly 10 MB', async () => {
    const rows = 3024;
    const scanlines = Buffer.alloc(rows * (1 + 4032 * 3));
    // Noise in the top rows, compressed as badly as an encoder may (stored): about 10 MB.
    randomBytes(820 * (1 + 4032 * 3)).copy(scanlines);
    for (let y = 0; y < rows; y++) scanlines[y * (1 + 4032 * 3)] = 0;
    const file = pngWithData({ width: 4032, height: rows }, zlib.deflateSync(scanlines, { level: 1 }), {
      split: 65_536,
    });
    expect(file.length).toBeGreaterThan(9 * 1024 * 1024);
    expect(await outcome(file)).toMatchObject({ problem: 'accepted' });
  });
});

describe('[U8] a JPEG keeps no more than its frame needs', () => {
  it('megabytes of scan data for a 16 × 16 px frame are refused; a real amount passes', async () => {
    expect(maxJpegData({ width: 16, height: 16 }, 3)).toBe(8 * 3 * 32 * 32);
    expect((await outcome(jpeg(16, 16, { scanData: Buffer.alloc(20_000, 0x55) }))).problem).toBe('accepted');
    const padded = await outcome(jpeg(16, 16, { scanData: Buffer.alloc(3_000_000, 0x55) }));
    expect(padded.problem).toBe('invalid');
    expect(padded.message).toMatch(
      /broken JPEG: 3000\d+ bytes of image data, more than its size can need \(24576\)/,
    );
  });

  it('keeps an ICC profile and JFIF without its thumbnail; drops other APP0 and APP2 segments', async () => {
    const icc = jpegSegmentOf(
      0xe2,
      Buffer.concat([Buffer.from('ICC_PROFILE\0\x01\x01', 'latin1'), Buffer.alloc(3000, 7)]),
    );
    const flashPix = jpegSegmentOf(
      0xe2,
      Buffer.concat([Buffer.from('FPXR\0', 'latin1'), Buffer.alloc(5000, 8)]),
    );
    const multiPicture = jpegSegmentOf(
      0xe2,
      Buffer.concat([Buffer.from('MPF\0', 'latin1'), Buffer.alloc(500, 9)]),
    );
    const jfxx = jpegSegmentOf(
      0xe0,
      Buffer.concat([Buffer.from('JFXX\0\x13', 'latin1'), Buffer.alloc(4000, 10)]),
    );
    // JFIF 1.01, no unit, density 1:1, a 40 × 30 px thumbnail of 3,600 bytes.
    const jfifWithThumbnail = jpegSegmentOf(
      0xe0,
      Buffer.concat([Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\x28\x1e', 'latin1'), Buffer.alloc(3600, 11)]),
    );
    const { bytes } = await cleanImage(
      jpeg(640, 480, { before: [jfifWithThumbnail, icc, flashPix, multiPicture, jfxx] }),
    );
    const kept = Buffer.from(bytes);
    expect(kept.includes(icc)).toBe(true);
    for (const dropped of ['FPXR', 'MPF', 'JFXX']) expect(kept.includes(dropped)).toBe(false);
    for (const filler of [8, 9, 10, 11]) expect(kept.includes(Buffer.alloc(64, filler))).toBe(false);
    // The thumbnail's JFIF is kept as its fields alone, the thumbnail's size set to none.
    expect(kept.includes(Buffer.from('\xff\xe0\x00\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'))).toBe(
      true,
    );
  });

  it('more than 256 KiB of tables and profiles besides the image data is refused', async () => {
    const profile = Array.from({ length: 5 }, (_, i) =>
      jpegSegmentOf(
        0xe2,
        Buffer.concat([
          Buffer.from(`ICC_PROFILE\0${String.fromCharCode(i + 1)}\x05`, 'latin1'),
          Buffer.alloc(60_000),
        ]),
      ),
    );
    const refused = await outcome(jpeg(640, 480, { before: profile }));
    expect(refused.problem).toBe('invalid');
    expect(refused.message).toMatch(/besides its image data/);
  });
});

describe('[U8] a WebP keeps no more than its size needs', () => {
  it('a 1 × 1 px lossless WebP padded with a megabyte inside its bitstream is refused', async () => {
    expect(maxWebpData({ width: 1, height: 1 })).toBe(10 * 16 * 16);
    expect((await outcome(webp(1, 1, { bitstreamPadding: 100 }))).problem).toBe('accepted');
    const refused = await outcome(webp(1, 1, { bitstreamPadding: 1_000_000 }));
    expect(refused.problem).toBe('invalid');
    expect(refused.message).toMatch(
      /broken WebP: 1000\d+ bytes of image data, more than its size can need \(2560\)/,
    );
  });

  it('a colour profile is kept; a profile past 256 KiB is refused', async () => {
    expect((await outcome(webp(100, 50, { before: [riffChunk('ICCP', Buffer.alloc(3000))] }))).problem).toBe(
      'accepted',
    );
    const huge = await outcome(
      webp(100, 50, { before: [riffChunk('ICCP', Buffer.alloc(MAX_IMAGE_OVERHEAD_BYTES))] }),
    );
    expect(huge.problem).toBe('invalid');
  });
});
