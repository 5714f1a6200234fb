import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { POSTGRES_MIGRATIONS } from '../postgres-migrations';
import { MIGRATIONS } from '../sqlite-database';
import {
  ARCHIVE_FORMAT_VERSION,
  ARCHIVE_KIND,
  archiveEndSchema,
  archiveHeaderSchema,
  decodeValue,
  fileChunkSchema,
  fileEndSchema,
  fileStartSchema,
  rowSchema,
  tableStartSchema,
  type ArchiveHeader,
  type ArchiveValue,
  type FileStart,
} from './archive-format';
import { ArchiveReadError, readArchiveLines, type ArchiveLine } from './archive-lines';
import { enginesInUse, enginesOf, type TransferSummary } from './export-installation';
import type { EngineTables } from './engine-tables';
import { archivedFiles, recordEngine, type Installation } from './installation';
import type { ColumnLayout, TableLayout } from './table-layout';

/** The archive cannot be imported here: it says why, and the installation is as it was. */
export class ImportRefusedError extends Error {}

/** Rows held before they are written: few enough to bound the memory, many enough to be quick. */
const BATCH_ROWS = 500;
const BATCH_CHARS = 16 * 1024 * 1024;

/**
 * Reads an archive of `empiria export` into an empty installation, all or nothing: every row in
 * one transaction per engine, committed only after the archive's last line checked out; the files
 * are written to a folder of their own under DATA_DIR and moved into place after the commit. A
 * damaged, cut or foreign archive, or a target that holds anything, is refused and leaves the
 * target as it was.
 */
export async function importInstallation(installation: Installation, file: string): Promise<TransferSummary> {
  const engines = enginesOf(installation);
  const lines = readArchiveLines(file)[Symbol.asyncIterator]();
  const next = async (expected: string): Promise<ArchiveLine> => {
    const line = await lines.next();
    if (line.done)
      throw new ImportRefusedError(`the archive ends early, where ${expected} was expected: it is cut short`);
    return line.value;
  };
  const staging = path.join(installation.dataDir, `.import-${randomBytes(6).toString('hex')}`);
  const begun: EngineTables[] = [];
  let committed = false;
  try {
    const header = parseLine(await next('the header'), archiveHeaderSchema, 'the header');
    refuseForeignLayout(header, installation.layout);
    for (const engine of enginesInUse(installation, engines)) {
      await engine.begin('write');
      begun.push(engine);
    }
    await refuseNonEmpty(installation, engines);

    const rows: Record<string, number> = {};
    let line = await next('the first table');
    for (const table of installation.layout) {
      const start = parseLine(line, tableStartSchema, `table ${table.name}`);
      if (start.name !== table.name) {
        throw refusal(line, `table ${table.name} was expected here, not ${start.name}`);
      }
      if ((start.identity?.column ?? null) !== table.identity) {
        throw refusal(line, `table ${table.name}'s identity column is ${table.identity ?? 'none'} here`);
      }
      const engine = engines(table.name);
      const check = rowSchema(table.columns);
      let batch: unknown[][] = [];
      let batchChars = 0;
      let count = 0;
      line = await next(`a row of ${table.name} or the next table`);
      while (Array.isArray(line.value)) {
        const values = parseLine(line, check, `a row of ${table.name}`);
        batch.push(
          values.map((value: ArchiveValue, index) =>
            decodeValue(table.columns[index] as ColumnLayout, value),
          ),
        );
        batchChars += values.reduce<number>(
          (sum, value) => sum + (typeof value === 'string' ? value.length : 8),
          0,
        );
        count++;
        if (batch.length >= BATCH_ROWS || batchChars >= BATCH_CHARS) {
          await insert(engine, table, batch);
          batch = [];
          batchChars = 0;
        }
        line = await next(`a row of ${table.name} or the next table`);
      }
      await insert(engine, table, batch);
      if (start.identity) await engine.setHighWater(table, start.identity.highWater);
      rows[table.name] = count;
    }

    fs.mkdirSync(staging, { recursive: true, mode: 0o700 });
    const files: string[] = [];
    let fileBytes = 0;
    while (isKind(line.value, 'file')) {
      const start = parseLine(line, fileStartSchema, 'a file');
      if (files.includes(start.path)) throw refusal(line, `${start.path} is in the archive twice`);
      line = await readFile(start, staging, next, line);
      files.push(start.path);
      fileBytes += start.size;
      line = await next('a file or the end');
    }

    const end = parseLine(line, archiveEndSchema, 'the end');
    for (const table of installation.layout) {
      if (end.rows[table.name] !== rows[table.name]) {
        throw refusal(
          line,
          `table ${table.name} has ${rows[table.name] ?? 0} rows, the archive's end says ${end.rows[table.name] ?? 'none'}`,
        );
      }
    }
    if (end.files !== files.length) {
      throw refusal(line, `${files.length} files, the archive's end says ${end.files}`);
    }
    const after = await lines.next();
    if (!after.done) throw refusal(after.value, 'there is more after the end');

    // Each engine's commit is its own: the one after a failed one is never made (see
    // docs/operations.md on an installation split across both engines).
    while (begun.length > 0) {
      await (begun[0] as EngineTables).commit();
      begun.shift();
    }
    committed = true;
    placeFiles(staging, installation.dataDir, files);
    recordEngine(installation);
    return { rows, files: files.length, fileBytes };
  } catch (err) {
    for (const engine of begun) await engine.rollback().catch(() => undefined);
    if (committed) throw err;
    if (err instanceof ArchiveReadError)
      throw new ImportRefusedError(`The archive cannot be read: ${err.message}`, { cause: err });
    throw err;
  } finally {
    await lines.return?.(undefined);
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function isKind(value: unknown, kind: string): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    (value as { kind?: unknown }).kind === kind
  );
}

function refusal(line: ArchiveLine, message: string): ImportRefusedError {
  return new ImportRefusedError(`archive line ${line.number}: ${message}`);
}

function parseLine<T>(line: ArchiveLine, schema: z.ZodType<T>, what: string): T {
  const parsed = schema.safeParse(line.value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`)
    .join('; ');
  throw refusal(line, `${what} was expected (${issues})`);
}

/** An archive of another release's schema, or of something else, is refused before anything is written. */
function refuseForeignLayout(header: ArchiveHeader, layout: readonly TableLayout[]): void {
  if (header.kind !== ARCHIVE_KIND || header.formatVersion !== ARCHIVE_FORMAT_VERSION) {
    throw new ImportRefusedError('this is not an Empiria archive of a format this release reads');
  }
  if (header.schema.sqlite !== MIGRATIONS.length || header.schema.postgresql !== POSTGRES_MIGRATIONS.length) {
    throw new ImportRefusedError(
      `The archive was written by an Empiria with schema ${header.schema.sqlite} (SQLite) / ${header.schema.postgresql} (PostgreSQL); ` +
        `this one has ${MIGRATIONS.length} / ${POSTGRES_MIGRATIONS.length}. Import it with the release that wrote it, then start the newer one on that installation.`,
    );
  }
  const expected = layout.map((table) => ({ name: table.name, columns: table.columns }));
  const differences: string[] = [];
  const theirs = new Map(header.tables.map((table) => [table.name, table]));
  for (const table of expected) {
    const other = theirs.get(table.name);
    if (!other) differences.push(`table ${table.name} is missing`);
    else if (JSON.stringify(other.columns) !== JSON.stringify(table.columns)) {
      differences.push(`table ${table.name} has other columns`);
    }
  }
  for (const table of header.tables) {
    if (!expected.some((known) => known.name === table.name))
      differences.push(`table ${table.name} is unknown here`);
  }
  if (
    header.tables.map((table) => table.name).join() !== expected.map((table) => table.name).join() &&
    differences.length === 0
  ) {
    differences.push('the tables come in another order');
  }
  if (differences.length > 0) {
    throw new ImportRefusedError(
      `The archive's tables are not this release's: ${differences.slice(0, 5).join('; ')}`,
    );
  }
}

async function refuseNonEmpty(
  installation: Installation,
  engines: (table: string) => EngineTables,
): Promise<void> {
  const filled: string[] = [];
  for (const table of installation.layout) {
    const rows = await engines(table.name).count(table);
    if (rows > 0)
      filled.push(
        `${table.name} (${rows} rows, ${installation.engineOf(table.name) === 'sqlite' ? 'SQLite' : 'PostgreSQL'})`,
      );
  }
  // The secrets are made at a server's first start and guard nothing while the tables are empty.
  const files = archivedFiles(installation.dataDir).filter((file) => file.includes('/'));
  if (filled.length > 0 || files.length > 0) {
    const what = [
      ...filled.slice(0, 5),
      ...(files.length > 0 ? [`${files.length} uploaded files under ${installation.dataDir}`] : []),
    ];
    throw new ImportRefusedError(
      `The target installation (${installation.describe()}) is not empty: ${what.join(', ')}. Import into an empty one.`,
    );
  }
}

async function insert(engine: EngineTables, table: TableLayout, rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  try {
    await engine.insert(table, rows);
  } catch (err) {
    throw new ImportRefusedError(
      `table ${table.name}: the database refused a row: ${(err as Error).message}`,
      { cause: err },
    );
  }
}

/** One file's chunks into the staging folder, checked against the size and hash the archive states. */
async function readFile(
  start: FileStart,
  staging: string,
  next: (expected: string) => Promise<ArchiveLine>,
  startLine: ArchiveLine,
): Promise<ArchiveLine> {
  const target = path.join(staging, ...start.path.split('/'));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const hash = createHash('sha256');
  const handle = fs.openSync(target, 'wx', 0o600);
  let written = 0;
  try {
    let line = await next(`the bytes of ${start.path}`);
    while (typeof line.value === 'string') {
      const bytes = Buffer.from(parseLine(line, fileChunkSchema, `bytes of ${start.path}`), 'base64');
      written += bytes.length;
      if (written > start.size)
        throw refusal(line, `${start.path} is longer than the ${start.size} bytes stated`);
      hash.update(bytes);
      fs.writeSync(handle, bytes);
      line = await next(`the bytes of ${start.path}`);
    }
    const end = parseLine(line, fileEndSchema, `the end of ${start.path}`);
    if (written !== start.size)
      throw refusal(line, `${start.path} has ${written} bytes, ${start.size} were stated`);
    if (hash.digest('hex') !== end.sha256)
      throw refusal(line, `${start.path} is damaged (its SHA-256 differs)`);
    fs.fsyncSync(handle);
    return line;
  } catch (err) {
    if (err instanceof ImportRefusedError || err instanceof ArchiveReadError) throw err;
    throw refusal(startLine, `${start.path} could not be written: ${(err as Error).message}`);
  } finally {
    fs.closeSync(handle);
  }
}

/** After the commit: each file from the staging folder to its place (a rename, same file system). */
function placeFiles(staging: string, dataDir: string, files: readonly string[]): void {
  for (const relative of files) {
    const parts = relative.split('/');
    const target = path.join(dataDir, ...parts);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(path.join(staging, ...parts), target);
  }
}
