import { parentPort, workerData } from 'node:worker_threads';

/**
 * For image-cleaner.test.ts only: an image worker that misbehaves the way the first byte of its
 * "image" says — 1 never stops (a parse stuck in a loop), 2 throws, 3 ends without an answer,
 * 4 answers something that is not a reply. Anything else answers a 1×1 PNG, after a wait of the
 * second byte's value times 10 ms (so several can be running at once).
 */
const { bytes } = workerData as { bytes: Uint8Array };
const mode = bytes[0];
if (mode === 1) {
  // Never ends: the array stays as long as it is.
  while (bytes.length > 0) bytes[0] = 1;
} else if (mode === 2) {
  throw new Error('a bug in the worker');
} else if (mode === 3) {
  process.exit(0);
} else if (mode === 4) {
  parentPort?.postMessage({ hello: 'world' });
} else {
  setTimeout(
    () =>
      parentPort?.postMessage({
        ok: true,
        bytes: new Uint8Array([1, 2, 3]),
        info: { type: 'image/png', width: 1, height: 1, orientation: 1 },
      }),
    (bytes[1] ?? 0) * 10,
  );
}
