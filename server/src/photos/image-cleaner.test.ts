import { afterAll, describe, expect, it } from 'vitest';
import { ImageCleaner, ImageCleanerBusyError } from './image-cleaner';
import { ImageError } from './image-error';
import { cleanImage } from './image-file';
import { emptySegmentsFilling, jpeg, LOCATION, png, pngChunk } from './sample-images';

const misbehaving = new URL('./misbehaving-image-worker.ts', import.meta.url);
/** A file for the misbehaving worker: what it should do, and how many tens of ms to wait first. */
const order = (mode: number, waitTens = 0) => new Uint8Array([mode, waitTens]);

const cleaners: ImageCleaner[] = [];
function cleaner(options: ConstructorParameters<typeof ImageCleaner>[0] = {}): ImageCleaner {
  const made = new ImageCleaner(options);
  cleaners.push(made);
  return made;
}
afterAll(async () => {
  await Promise.all(cleaners.map((c) => c.close()));
});

const problemOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (err: unknown) => (err instanceof ImageError ? err.problem : String(err)),
  );

describe('images are cleaned in a worker thread', () => {
  it('[U3] the worker gives what cleaning on the spot gives, and the caller keeps its bytes', async () => {
    const photo = new Uint8Array(jpeg(4032, 3024, { location: LOCATION, orientation: 6 }));
    const before = Buffer.from(photo);
    const cleaned = await cleaner().clean(photo);
    expect(cleaned.info).toEqual({ type: 'image/jpeg', width: 4032, height: 3024, orientation: 6 });
    expect(Buffer.from(cleaned.bytes).equals(Buffer.from((await cleanImage(photo)).bytes))).toBe(true);
    expect(Buffer.from(cleaned.bytes).includes(LOCATION)).toBe(false);
    expect(Buffer.from(photo).equals(before)).toBe(true);
  });

  it('[U3] the event loop runs on while a 10 MB many-segment JPEG is read, which is then refused', async () => {
    const bomb = jpeg(4032, 3024, {
      emptySegments: { count: emptySegmentsFilling(10 * 1024 * 1024), marker: 0xe0, where: 'after-frame' },
    });
    const events: string[] = [];
    const cleaning = problemOf(cleaner().clean(bomb)).then((problem) => events.push(`cleaned: ${problem}`));
    // Cleaning on the spot would run to its end before this timer could fire.
    await new Promise((resolve) => setTimeout(resolve, 0));
    events.push('event loop turned');
    await cleaning;
    expect(events).toEqual(['event loop turned', 'cleaned: too_complex']);
  });

  it('[U8] the worker inflates a PNG’s image data: a whole one is taken, one with bytes after its stream refused', async () => {
    const whole = png(40, 30, { location: LOCATION });
    const cleaned = await cleaner().clean(whole);
    expect(cleaned.info).toEqual({ type: 'image/png', width: 40, height: 30, orientation: 1 });
    expect(Buffer.from(cleaned.bytes).includes(LOCATION)).toBe(false);
    const padded = png(40, 30, { after: [pngChunk('IDAT', Buffer.alloc(1000, 1))] });
    expect(await problemOf(cleaner().clean(padded))).toBe('invalid');
  });

  it('[U3] the worker refuses what the header read refuses, with the same reason', async () => {
    expect(await problemOf(cleaner().clean(new Uint8Array(Buffer.from('%PDF-1.7'))))).toBe('not_an_image');
    expect(await problemOf(cleaner().clean(jpeg(65_535, 65_535)))).toBe('too_large');
  });
});

describe('a worker that does not finish is stopped', () => {
  it('[U4] past the time limit the worker is stopped and the image refused as too complex', async () => {
    const limited = cleaner({ workerUrl: misbehaving, timeLimitMs: 1_500 });
    const refused = limited.clean(order(1));
    await expect(refused).rejects.toBeInstanceOf(ImageError);
    expect(await problemOf(refused)).toBe('too_complex');
    // The thread is free again for the next file.
    expect((await limited.clean(order(0))).info).toMatchObject({ width: 1, height: 1 });
  });

  it('[U4] a worker that throws, ends without an answer, or answers nonsense fails the upload, not the server', async () => {
    const c = cleaner({ workerUrl: misbehaving, timeLimitMs: 10_000 });
    expect(await problemOf(c.clean(order(2)))).toMatch(/a bug in the worker/);
    expect(await problemOf(c.clean(order(3)))).toMatch(/without an answer/);
    expect(await problemOf(c.clean(order(4)))).toMatch(/unexpected/);
    expect((await c.clean(order(0))).info.width).toBe(1);
  });
});

describe('a bounded queue', () => {
  it('[U5] one file at a time, a few waiting, any more refused as busy with the seconds to wait', async () => {
    const c = cleaner({ workerUrl: misbehaving, timeLimitMs: 1_500, concurrency: 1, queueLimit: 2 });
    const running = problemOf(c.clean(order(1)));
    const waiting = [problemOf(c.clean(order(0))), problemOf(c.clean(order(0)))];
    let busy: unknown;
    try {
      c.refuseIfFull();
    } catch (err) {
      busy = err;
    }
    expect(busy).toBeInstanceOf(ImageCleanerBusyError);
    expect((busy as ImageCleanerBusyError).retryAfterSeconds).toBe(2);
    await expect(c.clean(order(0))).rejects.toBeInstanceOf(ImageCleanerBusyError);
    // The stuck one is stopped at its limit; the waiting ones then run in turn.
    expect(await running).toBe('too_complex');
    expect(await Promise.all(waiting)).toEqual(['accepted', 'accepted']);
    expect(await problemOf(c.clean(order(0)))).toBe('accepted');
  });

  it('[U5] two at a time when asked: both run, the third waits for a free thread', async () => {
    const c = cleaner({ workerUrl: misbehaving, timeLimitMs: 10_000, concurrency: 2, queueLimit: 0 });
    const first = c.clean(order(0, 5));
    const second = c.clean(order(0, 5));
    await expect(c.clean(order(0))).rejects.toBeInstanceOf(ImageCleanerBusyError);
    await Promise.all([first, second]);
    expect((await c.clean(order(0))).info.width).toBe(1);
  });
});
