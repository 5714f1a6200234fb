import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { ArchiveStore } from '../../networks/archive-store';
import { SqliteSqlDatabase } from '../sql/sqlite-sql-database';
import { createMemoryLogger } from '../../log';
import { SqliteDocumentStore } from '../sqlite-document-store';
import { openSqliteDatabase } from '../sqlite-database';
import { exportInstallation } from './export-installation';
import { ImportRefusedError, importInstallation } from './import-installation';
import { SQLITE_FILE } from '../installation-layout';
import { openInstallation } from './installation';
import { readTableLayout } from './table-layout';

/**
 * Export and import between two SQLite installations, on rows made by hand to reach what the
 * demo does not: FTS5 rows that are still searchable after the move, reals, blobs, NULLs, a
 * compacted update log whose sequence must go on above its snapshot, and the rowid order the
 * stores read. (Both engines, and the command line: test/integration/transfer.test.ts.)
 */
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-transfer-unit-'));
  dirs.push(dir);
  return dir;
};
const log = createMemoryLogger();

async function filledInstallation(): Promise<string> {
  const dataDir = tempDir();
  const db = openSqliteDatabase(path.join(dataDir, SQLITE_FILE));
  db.exec(`
    INSERT INTO boards (id, title, format, created_at) VALUES ('b1', 'Łódź — warsztat', 'format-2', '2026-11-30T08:00:00.000Z');
    INSERT INTO private_rounds (id, board_id, step_id, status, started_at) VALUES ('r1', 'b1', NULL, 'open', 1764489600000);
    INSERT INTO private_notes (id, round_id, author_id, author_name, author_city, text, x, y, updated_at)
      VALUES ('n1', 'r1', 'p1', 'Ala', 'Gdańsk', 'Ławki przy szkole', 12.5, -0.125, 1764489600001);
    INSERT INTO vote_sessions (id, board_id, settings, status, opened_at) VALUES ('v2', 'b1', '{}', 'closed', 5), ('v1', 'b1', '{}', 'open', 5);
  `);
  const documents = new SqliteDocumentStore(db);
  for (let i = 0; i < 5; i++) await documents.append('b1/canvas', new Uint8Array([i, 255, 0]));
  // Compaction deletes the log up to 5: a new append must be numbered 6, not 1.
  await documents.compact('b1/canvas', new Uint8Array([9, 9]), 5);
  await new ArchiveStore(new SqliteSqlDatabase(db)).replaceEntries('b1', 'note', 'mark', [
    { kind: 'note', where: { pl: 'Krok 1', en: 'Step 1' }, text: 'Zielona Łódź', folded: 'zielona lodz' },
  ]);
  db.close();
  fs.mkdirSync(path.join(dataDir, 'photos'));
  fs.writeFileSync(path.join(dataDir, 'photos', 'p1.png'), Buffer.alloc(3 * 1024 * 1024 + 5, 7));
  fs.writeFileSync(path.join(dataDir, 'secret'), 'the-token-secret\n');
  return dataDir;
}

async function exportTo(dataDir: string): Promise<string> {
  const archive = path.join(tempDir(), 'archive.gz');
  const installation = await openInstallation({ dataDir, databaseUrl: null }, 'export', log);
  try {
    await exportInstallation(installation, archive);
  } finally {
    await installation.close();
  }
  return archive;
}

async function importInto(dataDir: string, archive: string) {
  const installation = await openInstallation({ dataDir, databaseUrl: null }, 'import', log);
  try {
    return await importInstallation(installation, archive);
  } finally {
    await installation.close();
  }
}

describe('export and import between SQLite installations', () => {
  it('keep every row, the search index, the sequences, the rowid order and the files', async () => {
    const source = await filledInstallation();
    const archive = await exportTo(source);
    const target = tempDir();
    const summary = await importInto(target, archive);
    expect(summary).toMatchObject({ files: 2, fileBytes: 3 * 1024 * 1024 + 5 + 17 });
    expect(summary.rows).toMatchObject({
      boards: 1,
      private_notes: 1,
      doc_updates: 0,
      doc_snapshots: 1,
      search_entries: 1,
    });

    const db = openSqliteDatabase(path.join(target, SQLITE_FILE));
    expect(db.prepare('SELECT x, y, author_city, text FROM private_notes').get()).toEqual({
      x: 12.5,
      y: -0.125,
      author_city: 'Gdańsk',
      text: 'Ławki przy szkole',
    });
    expect(db.prepare('SELECT id FROM vote_sessions ORDER BY opened_at, rowid').pluck().all()).toEqual([
      'v2',
      'v1',
    ]);
    const archiveStore = new ArchiveStore(new SqliteSqlDatabase(db));
    expect((await archiveStore.search(['lodz'], ['b1'], 5)).map((hit) => hit.text)).toEqual(['Zielona Łódź']);
    const documents = new SqliteDocumentStore(db);
    expect(await documents.append('b1/canvas', new Uint8Array([1]))).toBe(6);
    expect((await documents.load('b1/canvas')).snapshot).toEqual(new Uint8Array([9, 9]));
    db.close();
    // Buffer.equals: a deep comparison of 3 MB byte by byte takes vitest a minute.
    const photo = (dataDir: string) => fs.readFileSync(path.join(dataDir, 'photos', 'p1.png'));
    expect(photo(target).equals(photo(source))).toBe(true);
    expect(fs.readFileSync(path.join(target, 'secret'), 'utf8')).toBe('the-token-secret\n');
  });

  it('writes the file chunk by chunk, and never over an existing archive', async () => {
    const source = await filledInstallation();
    const archive = await exportTo(source);
    const lines = zlib.gunzipSync(fs.readFileSync(archive)).toString('utf8').trimEnd().split('\n');
    const file = lines.findIndex((line) => line.includes('"path":"photos/p1.png"'));
    // 3 MiB and 5 bytes: three full chunks and one of five bytes.
    expect(
      lines.slice(file + 1, file + 5).map((line) => Buffer.from(JSON.parse(line) as string, 'base64').length),
    ).toEqual([1024 * 1024, 1024 * 1024, 1024 * 1024, 5]);
    const installation = await openInstallation({ dataDir: source, databaseUrl: null }, 'export', log);
    try {
      await expect(exportInstallation(installation, archive)).rejects.toThrow(/EEXIST/);
    } finally {
      await installation.close();
    }
    // The refused export left the earlier archive whole.
    expect(zlib.gunzipSync(fs.readFileSync(archive)).toString('utf8').trimEnd().split('\n')).toEqual(lines);
  });

  it('refuses an archive of another schema, and a target already holding something', async () => {
    const source = await filledInstallation();
    const archive = await exportTo(source);
    const lines = zlib.gunzipSync(fs.readFileSync(archive)).toString('utf8').split('\n');
    const header = JSON.parse(lines[0] ?? '{}') as { schema: { sqlite: number } };
    header.schema.sqlite -= 1;
    const older = path.join(tempDir(), 'older.gz');
    fs.writeFileSync(older, zlib.gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n')));
    await expect(importInto(tempDir(), older)).rejects.toThrow(
      /^The archive was written by an Empiria with schema \d+ \(SQLite\) \/ \d+ \(PostgreSQL\); this one has/,
    );

    const refused = importInto(source, archive);
    await expect(refused).rejects.toBeInstanceOf(ImportRefusedError);
    await expect(refused).rejects.toThrow(
      /is not empty: boards \(1 rows, SQLite\), .*1 uploaded files under/,
    );
  });

  it('refuses to export a folder that holds no installation, rather than making one', async () => {
    const empty = tempDir();
    await expect(openInstallation({ dataDir: empty, databaseUrl: null }, 'export', log)).rejects.toThrow(
      `There is no Empiria installation in ${empty} (no empiria.sqlite); check DATA_DIR.`,
    );
    expect(fs.readdirSync(empty)).toEqual([]);
  });

  it('moves every table but SQLite’s own and the FTS5 shadow tables, each after those it references', () => {
    const db = openSqliteDatabase(':memory:');
    const layout = readTableLayout(db);
    db.close();
    const names = layout.map((table) => table.name);
    expect(names).not.toContain('schema_migrations');
    expect(names.filter((name) => name.startsWith('sqlite_') || /^search_entries_/.test(name))).toEqual([]);
    for (const [index, table] of layout.entries()) {
      for (const referenced of table.references) expect(names.indexOf(referenced)).toBeLessThan(index);
    }
    expect(layout.find((table) => table.name === 'forum_posts')?.identity).toBe('seq');
    expect(layout.find((table) => table.name === 'people')?.order).toEqual({ by: 'rowid' });
    expect(layout.find((table) => table.name === 'survey_answers')?.order).toEqual({
      by: 'columns',
      columns: ['survey_id', 'answer_key'],
    });
  });
});
