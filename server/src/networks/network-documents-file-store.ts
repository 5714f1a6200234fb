import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { newId } from '../ids';
import { DEFAULT_BODY_IDLE_TIMEOUT_MS } from '../http/raw-body';
import type { FileBytes } from './network-documents-bytes';

/**
 * Where the document space's bytes live, behind a small interface so the disk can be swapped
 * (an S3-compatible store can come later behind this same interface; it is not built). Keys are
 * made by the service (`<networkId>/<random id>`): a person's file name never reaches a path.
 */
export interface NetworkFileStore {
  /**
   * Takes an upload's body into a temporary place, reading at most `maxBytes`: past that it stops
   * reading and rejects with `TooLargeUpload`, and nothing of it is kept.
   */
  receive(body: Readable, maxBytes: number): Promise<ReceivedUpload>;
  /** The bytes of a kept file, streamed. */
  open(key: string): Readable;
  /** Removes a kept file (an upload whose row could not be written). */
  remove(key: string): void;
}

/** A received upload: readable for its checks, then kept under a key or discarded. */
export interface ReceivedUpload {
  readonly bytes: number;
  readonly content: FileBytes;
  keep(key: string): void;
  /** Frees the temporary copy; after `keep` it does nothing. */
  discard(): void;
}

export class TooLargeUpload extends Error {
  override name = 'TooLargeUpload';
}

export class UploadStalled extends Error {
  override name = 'UploadStalled';
}

/**
 * The files on the server's disk: `DATA_DIR/network-documents/<networkId>/<id>`, uploads arriving
 * in `DATA_DIR/network-documents/.incoming/` (the same file system, so keeping one is a rename).
 */
export class DiskNetworkFileStore implements NetworkFileStore {
  readonly #root: string;
  readonly #incoming: string;
  readonly #idleMs: number;

  constructor(dataDir: string, idleMs = DEFAULT_BODY_IDLE_TIMEOUT_MS) {
    this.#root = path.join(dataDir, 'network-documents');
    this.#incoming = path.join(this.#root, '.incoming');
    this.#idleMs = idleMs;
    fs.mkdirSync(this.#incoming, { recursive: true });
    // What a crash left half-received is nobody's file.
    for (const name of fs.readdirSync(this.#incoming))
      fs.rmSync(path.join(this.#incoming, name), { force: true });
  }

  receive(body: Readable, maxBytes: number): Promise<ReceivedUpload> {
    const temp = path.join(this.#incoming, newId());
    const out = fs.createWriteStream(temp, { flags: 'wx' });
    return new Promise((resolve, reject) => {
      let size = 0;
      let timer: NodeJS.Timeout | undefined;
      let settled = false;
      const cleanup = () => {
        clearTimeout(timer);
        body.off('data', onData);
        body.off('end', onEnd);
        body.off('error', onError);
        body.off('aborted', onAborted);
      };
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        cleanup();
        // Paused, not destroyed: the server still answers (413, 408) on this connection.
        body.pause();
        // Refused once the partial copy is gone: a refusal leaves nothing on disk.
        out.once('close', () => {
          fs.rmSync(temp, { force: true });
          reject(error);
        });
        out.destroy();
      };
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => fail(new UploadStalled('the upload stalled')), this.#idleMs);
      };
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          fail(new TooLargeUpload(`larger than ${maxBytes} bytes`));
          return;
        }
        arm();
        if (!out.write(chunk)) {
          body.pause();
          out.once('drain', () => body.resume());
        }
      };
      const onEnd = () => {
        if (settled) return;
        cleanup();
        // Settled once the copy is on disk; a write error meanwhile (a full disk) fails it instead.
        out.end(() => {
          if (settled) return;
          settled = true;
          resolve(this.#received(temp, size));
        });
      };
      const onError = (error: Error) => fail(error);
      const onAborted = () => fail(new Error('the upload was aborted'));
      out.once('error', (error) => fail(error));
      body.on('data', onData);
      body.on('end', onEnd);
      body.on('error', onError);
      body.on('aborted', onAborted);
      arm();
    });
  }

  open(key: string): Readable {
    return fs.createReadStream(this.#path(key));
  }

  remove(key: string): void {
    fs.rmSync(this.#path(key), { force: true });
  }

  #received(temp: string, bytes: number): ReceivedUpload {
    let fd: number | null = fs.openSync(temp, 'r');
    let kept = false;
    const close = () => {
      if (fd !== null) fs.closeSync(fd);
      fd = null;
    };
    return {
      bytes,
      content: {
        size: bytes,
        read: (offset, length) => {
          if (fd === null) throw new Error('the upload is closed');
          const start = Math.max(0, Math.min(offset, bytes));
          const buffer = Buffer.alloc(Math.max(0, Math.min(length, bytes - start)));
          const read = fs.readSync(fd, buffer, 0, buffer.length, start);
          return buffer.subarray(0, read);
        },
      },
      keep: (key) => {
        close();
        const target = this.#path(key);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.renameSync(temp, target);
        kept = true;
      },
      discard: () => {
        close();
        if (!kept) fs.rmSync(temp, { force: true });
      },
    };
  }

  /** Keys are `<entity id>/<entity id>`, checked again here so no key can leave the root. */
  #path(key: string): string {
    if (!/^[A-Za-z0-9_-]{6,64}\/[A-Za-z0-9_-]{6,64}$/.test(key)) throw new Error(`not a file key: ${key}`);
    return path.join(this.#root, key);
  }
}
