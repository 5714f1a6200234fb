import fs from 'node:fs';
import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { MAX_LINE_CHARS } from './archive-format';

/**
 * The archive's two ends on disk: JSON values, one a line, through gzip. The writer waits when
 * the disk is slower than the database (no archive is ever held in memory whole); the reader
 * refuses a line longer than any export writes, so a damaged archive cannot exhaust the memory.
 */
export class ArchiveWriter {
  readonly #gzip: zlib.Gzip;
  readonly #file: fs.WriteStream;
  readonly #done: Promise<void>;

  private constructor(file: string) {
    // 'wx': never overwrite an archive already there (yesterday's backup).
    this.#file = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 });
    this.#gzip = zlib.createGzip({ level: 6 });
    this.#done = new Promise((resolve, reject) => {
      this.#file.on('error', reject);
      this.#gzip.on('error', reject);
      this.#file.on('close', resolve);
    });
    // The writer's failure surfaces from write() or finish(); nobody may be awaiting #done yet.
    this.#done.catch(() => undefined);
    this.#gzip.pipe(this.#file);
  }

  static async open(file: string): Promise<ArchiveWriter> {
    const writer = new ArchiveWriter(file);
    await Promise.race([once(writer.#file, 'open'), writer.#done]);
    return writer;
  }

  async write(value: unknown): Promise<void> {
    const line = JSON.stringify(value);
    if (line.length > MAX_LINE_CHARS) {
      throw new Error(
        `a line of ${line.length} characters is longer than an archive may hold (${MAX_LINE_CHARS})`,
      );
    }
    if (!this.#gzip.write(line + '\n')) {
      await Promise.race([once(this.#gzip, 'drain'), this.#done]);
    }
  }

  /** Flushes everything to disk (fsync) and closes the file. */
  async finish(): Promise<void> {
    this.#gzip.end();
    await this.#done;
    const handle = await fs.promises.open(this.#file.path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /** Stops writing after a failure; the caller removes the partial file. */
  async abort(): Promise<void> {
    this.#gzip.destroy();
    this.#file.destroy();
    await this.#done.catch(() => undefined);
  }
}

export class ArchiveReadError extends Error {}

export interface ArchiveLine {
  /** 1-based, for the messages. */
  number: number;
  value: unknown;
}

/** The archive's lines in order, each parsed as JSON; a gzip or JSON fault names where it is. */
export async function* readArchiveLines(
  file: string,
  maxLineChars = MAX_LINE_CHARS,
): AsyncGenerator<ArchiveLine> {
  const source = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  source.on('error', (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  // A chunk may end inside a multi-byte character: the decoder keeps its first bytes for the next.
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let number = 0;
  const parse = (text: string): ArchiveLine => {
    number++;
    try {
      return { number, value: JSON.parse(text) as unknown };
    } catch {
      throw new ArchiveReadError(`line ${number} is not JSON: ${text.slice(0, 60)}…`);
    }
  };
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const text = decoder.write(chunk);
      // Only the new text can hold the end of the line: a long line is not searched over and over.
      let newline = text.indexOf('\n');
      let start = 0;
      while (newline >= 0) {
        yield parse(pending + text.slice(start, newline));
        pending = '';
        start = newline + 1;
        newline = text.indexOf('\n', start);
      }
      pending += text.slice(start);
      if (pending.length > maxLineChars) {
        throw new ArchiveReadError(`line ${number + 1} is longer than ${maxLineChars} characters`);
      }
    }
  } catch (err) {
    if (err instanceof ArchiveReadError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      throw new ArchiveReadError(`cannot read ${file}: ${(err as Error).message}`);
    }
    // zlib: Z_DATA_ERROR (damaged), Z_BUF_ERROR (cut short, "unexpected end of file").
    throw new ArchiveReadError(
      `the archive is damaged or cut short after line ${number} (${(err as Error).message})`,
    );
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  pending += decoder.end();
  if (pending.length > 0) yield parse(pending);
}
