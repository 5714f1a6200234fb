import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { POSTGRES_MIGRATIONS } from '../postgres-migrations';
import { MIGRATIONS } from '../sqlite-database';
import {
  ARCHIVE_FORMAT_VERSION,
  ARCHIVE_KIND,
  FILE_CHUNK_BYTES,
  encodeValue,
  type ArchiveEnd,
  type ArchiveHeader,
  type Engine,
  type TableStart,
} from './archive-format';
import { ArchiveWriter } from './archive-lines';
import { PostgresTables, SqliteTables, type EngineTables } from './engine-tables';
import { archivedFiles, type Installation } from './installation';

export interface TransferSummary {
  rows: Record<string, number>;
  files: number;
  fileBytes: number;
}

/**
 * Writes the whole installation to `file` (which must not exist yet): every table from one
 * consistent snapshot per engine, then the uploaded files and secrets under DATA_DIR. A failure
 * removes the partial file, so an archive that exists is complete.
 */
export async function exportInstallation(
  installation: Installation,
  file: string,
  now = new Date(),
): Promise<TransferSummary> {
  const engines = enginesOf(installation);
  const writer = await ArchiveWriter.open(file);
  const begun: EngineTables[] = [];
  try {
    for (const engine of enginesInUse(installation, engines)) {
      await engine.begin('read');
      begun.push(engine);
    }
    const header: ArchiveHeader = {
      kind: ARCHIVE_KIND,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      createdAt: now.toISOString(),
      source: installation.engine,
      schema: { sqlite: MIGRATIONS.length, postgresql: POSTGRES_MIGRATIONS.length },
      tables: installation.layout.map((table) => ({ name: table.name, columns: table.columns })),
    };
    await writer.write(header);
    const rows: Record<string, number> = {};
    for (const table of installation.layout) {
      const engine = engines(table.name);
      const start: TableStart = {
        kind: 'table',
        name: table.name,
        identity: table.identity
          ? { column: table.identity, highWater: await engine.highWater(table) }
          : null,
      };
      await writer.write(start);
      let count = 0;
      for await (const row of engine.rows(table)) {
        const values = table.columns.map((column, index) => encodeValue(table.name, column, row[index]));
        await writer.write(values).catch((err: unknown) => {
          throw new Error(`table ${table.name}, row ${count + 1}: ${(err as Error).message}`, { cause: err });
        });
        count++;
      }
      rows[table.name] = count;
    }
    for (const engine of begun.splice(0)) await engine.commit();
    let fileBytes = 0;
    const files = archivedFiles(installation.dataDir);
    for (const relative of files) fileBytes += await writeFile(writer, installation.dataDir, relative);
    const end: ArchiveEnd = { kind: 'end', rows, files: files.length };
    await writer.write(end);
    await writer.finish();
    return { rows, files: files.length, fileBytes };
  } catch (err) {
    for (const engine of begun) await engine.rollback().catch(() => undefined);
    await writer.abort();
    fs.rmSync(file, { force: true });
    throw err;
  }
}

async function writeFile(writer: ArchiveWriter, dataDir: string, relative: string): Promise<number> {
  const absolute = path.join(dataDir, ...relative.split('/'));
  const size = fs.statSync(absolute).size;
  await writer.write({ kind: 'file', path: relative, size });
  const hash = createHash('sha256');
  let written = 0;
  const stream = fs.createReadStream(absolute, { highWaterMark: FILE_CHUNK_BYTES });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    written += chunk.length;
    await writer.write(chunk.toString('base64'));
  }
  if (written !== size) {
    throw new Error(
      `${relative} changed while it was exported (${size} bytes, then ${written}); stop the server first`,
    );
  }
  await writer.write({ kind: 'file-end', sha256: hash.digest('hex') });
  return size;
}

/** Each table's engine in this installation. */
export function enginesOf(installation: Installation): (table: string) => EngineTables {
  const sqlite = installation.sqlite ? new SqliteTables(installation.sqlite) : null;
  const postgres = installation.postgres ? new PostgresTables(installation.postgres) : null;
  return (table) => {
    const engine: Engine = installation.engineOf(table);
    if (engine === 'sqlite') {
      if (!sqlite) throw new Error(`table ${table} is on SQLite, but there is no SQLite file`);
      return sqlite;
    }
    if (!postgres) throw new Error(`table ${table} is on PostgreSQL, but there is no connection`);
    return postgres;
  };
}

/**
 * The engines the installation's tables are on, PostgreSQL first: an import commits in this
 * order, so a crash between the commits leaves documents without boards, never the reverse
 * (docs/operations.md, "Export and import").
 */
export function enginesInUse(
  installation: Installation,
  engines: (table: string) => EngineTables,
): EngineTables[] {
  const order: Engine[] = ['postgresql', 'sqlite'];
  return order.flatMap((engine) => {
    const table = installation.layout.find((candidate) => installation.engineOf(candidate.name) === engine);
    return table ? [engines(table.name)] : [];
  });
}
