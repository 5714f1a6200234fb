import { parentPort, workerData } from 'node:worker_threads';
import { cleanImage, ImageError } from './image-file';
import type { WorkerReply, WorkerRequest } from './image-worker-protocol';

/**
 * One image, cleaned off the event loop: started by image-cleaner.ts for each upload, with the
 * bytes as its workerData; answers once, then ends. Built to server/dist/image-worker.js.
 */
function answer(reply: WorkerReply): void {
  // The cleaned bytes are moved, not copied: this thread is done with them.
  const transfer = reply.ok ? [reply.bytes.buffer] : [];
  parentPort?.postMessage(reply, transfer);
}

const request = workerData as Partial<WorkerRequest> | null;
if (!(request?.bytes instanceof Uint8Array)) throw new Error('an image worker needs the bytes of one image');
const { bytes } = request;
cleanImage(bytes).then(
  (cleaned) => answer({ ok: true, bytes: cleaned.bytes, info: cleaned.info }),
  (err: unknown) => {
    // Anything else is a bug: rethrown, it is an unhandled rejection, which ends the worker with
    // an 'error' event for the cleaner.
    if (!(err instanceof ImageError)) throw err;
    answer({ ok: false, problem: err.problem, message: err.message });
  },
);
