import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { ArchiveReadError, ArchiveWriter, readArchiveLines } from './archive-lines';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const file = (name = 'archive.gz') => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-lines-'));
  dirs.push(dir);
  return path.join(dir, name);
};
const readAll = async (archive: string, maxLineChars?: number) => {
  const values: unknown[] = [];
  for await (const line of readArchiveLines(archive, maxLineChars)) values.push(line.value);
  return values;
};

describe('the archive on disk', () => {
  it('reads back what was written, characters split between chunks included', async () => {
    const archive = file();
    const writer = await ArchiveWriter.open(archive);
    // Long enough that gzip's chunks end inside the two-byte letters somewhere.
    const polish = 'Zażółć gęślą jaźń, Łódź. '.repeat(20_000);
    const values = [{ kind: 'header' }, ['a', 1, null], polish, { kind: 'end' }];
    for (const value of values) await writer.write(value);
    await writer.finish();
    expect((fs.statSync(archive).mode & 0o777).toString(8)).toBe('600');
    expect(await readAll(archive)).toEqual(values);
  });

  it('refuses a cut archive, a line that is not JSON, a line too long, and a missing file, saying where', async () => {
    const archive = file();
    const writer = await ArchiveWriter.open(archive);
    for (let i = 0; i < 2_000; i++) await writer.write({ kind: 'row', i, text: `wiersz ${i}`.repeat(20) });
    await writer.finish();
    const whole = fs.readFileSync(archive);
    const cut = file('cut.gz');
    fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expect(readAll(cut)).rejects.toThrow(
      /^the archive is damaged or cut short after line \d+ \(unexpected end of file\)$/,
    );

    const notJson = file('not-json.gz');
    fs.writeFileSync(notJson, zlib.gzipSync('{"kind":"header"}\n{"kind":\n'));
    await expect(readAll(notJson)).rejects.toThrow('line 2 is not JSON: {"kind":…');

    const long = file('long.gz');
    fs.writeFileSync(long, zlib.gzipSync(`"${'x'.repeat(100_000)}"\n`));
    await expect(readAll(long, 50_000)).rejects.toThrow('line 1 is longer than 50000 characters');

    const missing = readAll(path.join(path.dirname(archive), 'nothing.gz'));
    await expect(missing).rejects.toBeInstanceOf(ArchiveReadError);
    await expect(missing).rejects.toThrow(/^cannot read .*nothing\.gz: ENOENT/);
  });
});
