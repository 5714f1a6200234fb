import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { YKeyValue } from 'y-utility/y-keyvalue';
import {
  CANVAS_RECORDS_ARRAY,
  networkDetailSchema,
  networkListResponseSchema,
  type JoinResponse,
} from '@empiria/shared';
import { createMemoryLogger } from '../../server/src/log';
import { openSqliteDatabase } from '../../server/src/storage/sqlite-database';
import { exportInstallation } from '../../server/src/storage/transfer/export-installation';
import { importInstallation } from '../../server/src/storage/transfer/import-installation';
import { openInstallation, type InstallationSettings } from '../../server/src/storage/transfer/installation';
import { readTableLayout, type TableLayout } from '../../server/src/storage/transfer/table-layout';
import { apiCall, apiRequest, createBoard, inviteToken, join } from '../support/api';
import { pngWithLocation } from '../support/images';
import { samplePdf } from '../support/network-documents-files';
import type { TestDatabase } from '../support/postgres-cluster';
import { testDatabase } from '../support/postgres-database';
import { REPO_ROOT, startServer, type ServerHandle } from '../support/server-process';
import { connectDoc } from '../support/yjs-client';

/**
 * `empiria export` / `empiria import` (server/src/cli.ts, storage/transfer/): an installation
 * filled by the demo loader, a board with a photo and a network document is moved SQLite →
 * archive → PostgreSQL → archive → SQLite and comes back equal row for row and file for file;
 * moved into today's PostgreSQL installation (documents there, the rest in DATA_DIR), a server
 * started on it serves the same board to the same person's session. A damaged, cut or tampered
 * archive, and a target that is not empty, are refused with a clear message and leave it as it was.
 */
const CLI = path.join(REPO_ROOT, 'server/dist/cli.js');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-transfer-'));
const place = (name: string) => path.join(temp, name);

let source: ServerHandle;
let sourceDir: string;
let adminToken: string;
let boardId: string;
let ala: JoinResponse;
let photoUrl: string;
let archive: string;
const databases: TestDatabase[] = [];

async function database(prefix: string): Promise<TestDatabase> {
  const made = await testDatabase(prefix);
  databases.push(made);
  return made;
}

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: { DATA_DIR: string; DATABASE_URL?: string }): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { PATH: process.env.PATH, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

beforeAll(async () => {
  source = await startServer({ env: { RATE_LIMIT_ACT: '1000/1' } });
  sourceDir = source.dataDir;
  adminToken = source.adminToken;
  expect((await apiRequest(source, 'POST', '/api/admin/demo', { token: adminToken })).status).toBe(201);

  // A board of its own, with a person whose session must survive the move, and a photo on it.
  const board = await createBoard(source, 'Tablica do przeniesienia', 'format-2');
  boardId = board.id;
  ala = await join(source, boardId, board.invites.participant, 'Ala', 'Gdańsk');
  const uploaded = await fetch(`${source.baseUrl}/api/boards/${boardId}/photos?stepId=barriers`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', authorization: `Bearer ${ala.sessionToken}` },
    body: new Uint8Array(pngWithLocation()),
  });
  expect(uploaded.status).toBe(201);
  photoUrl = ((await uploaded.json()) as { photo: { url: string } }).photo.url;

  // A document in a demo network's document space, uploaded by its facilitator.
  const networks = networkListResponseSchema.parse(
    await apiCall(source, 'GET', '/api/networks', { token: adminToken }),
  );
  const network = networkDetailSchema.parse(
    await apiCall(source, 'GET', `/api/networks/${networks.networks[0]?.id ?? ''}`, { token: adminToken }),
  );
  const facilitator = network.people.find((person) => person.role === 'facilitator');
  const document = await fetch(`${source.baseUrl}/api/networks/${network.network.id}/documents/files`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${inviteToken(facilitator?.link ?? '')}`,
      'content-type': 'application/pdf',
      'x-file-name': encodeURIComponent('Program spotkania.pdf'),
    },
    body: new Uint8Array(samplePdf('Łódź, 12 marca')),
  });
  expect(document.status).toBe(201);
  // A search ("formularze", a barrier on the first demo network's board) indexes the approved
  // notes and the boards: the FTS5 table has rows to move.
  const searched = (await apiCall(source, 'GET', `/api/search?q=${encodeURIComponent('formularze')}`, {
    token: adminToken,
  })) as { hits: unknown[] };
  expect(searched.hits.length).toBeGreaterThan(0);
  await source.stop();

  archive = place('sqlite.empiria.gz');
  const exported = await cli(['export', '--out', archive], { DATA_DIR: sourceDir });
  expect(exported.stderr).toBe('');
  expect(exported.code).toBe(0);
  expect(exported.stdout).toMatch(/^Exported SQLite in .+: \d+ rows in \d+ tables, 3 files/);
}, 180_000);

afterAll(async () => {
  for (const made of databases) await made.drop();
  fs.rmSync(temp, { recursive: true, force: true });
});

/** Every table's rows in the archive's order, as an SQLite file of DATA_DIR holds them. */
function sqliteRows(dataDir: string): Record<string, unknown[][]> {
  const db = openSqliteDatabase(path.join(dataDir, 'empiria.sqlite'));
  try {
    const rows: Record<string, unknown[][]> = {};
    for (const table of readTableLayout(db))
      rows[table.name] = db.prepare(selectAll(table)).raw(true).all() as unknown[][];
    rows.sqlite_sequence = db
      .prepare('SELECT name, seq FROM sqlite_sequence ORDER BY name')
      .raw(true)
      .all() as unknown[][];
    return rows;
  } finally {
    db.close();
  }
}

function selectAll(table: TableLayout): string {
  const order =
    table.order.by === 'rowid' ? 'rowid' : table.order.columns.map((column) => `"${column}"`).join(', ');
  return `SELECT ${table.columns.map((column) => `"${column.name}"`).join(', ')} FROM "${table.name}" ORDER BY ${order}`;
}

/** DATA_DIR's archived files and their bytes. */
function files(dataDir: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (relative: string) => {
    const absolute = path.join(dataDir, relative);
    if (!fs.existsSync(absolute)) return;
    for (const entry of fs.readdirSync(absolute, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else found[child] = fs.readFileSync(path.join(absolute, entry.name)).toString('base64');
    }
  };
  walk('photos');
  walk('network-documents');
  for (const name of ['secret', 'admin-token']) {
    if (fs.existsSync(path.join(dataDir, name)))
      found[name] = fs.readFileSync(path.join(dataDir, name), 'utf8');
  }
  return found;
}

/** The archive's lines but the header's time and source engine: what two archives of one installation share. */
function archiveLines(file: string): unknown[] {
  return zlib
    .gunzipSync(fs.readFileSync(file))
    .toString('utf8')
    .trimEnd()
    .split('\n')
    .map((line, index) => {
      const value = JSON.parse(line) as Record<string, unknown>;
      if (index > 0) return value;
      const { createdAt: _createdAt, source: _source, ...rest } = value;
      return rest;
    });
}

async function withInstallation<T>(
  settings: InstallationSettings,
  purpose: 'export' | 'import',
  run: (installation: Awaited<ReturnType<typeof openInstallation>>) => Promise<T>,
): Promise<T> {
  const installation = await openInstallation(settings, purpose, createMemoryLogger());
  try {
    return await run(installation);
  } finally {
    await installation.close();
  }
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function postgresCount(url: string, table: string): Promise<number> {
  const result = await withClient(url, (client) =>
    client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table}`),
  );
  return Number(result.rows[0]?.n);
}

describe('empiria export and import', () => {
  it('move an installation SQLite → PostgreSQL → SQLite equal row for row and file for file', async () => {
    const before = sqliteRows(sourceDir);
    // Not an empty comparison: the demo's networks and meetings, the documents, the photo.
    expect(before.networks).toHaveLength(8);
    expect(before.meetings?.length).toBeGreaterThanOrEqual(16);
    // The server compacted every document when it stopped: snapshots, and a sequence that must
    // go on above every number a snapshot covers.
    expect(before.doc_snapshots?.length ?? 0).toBeGreaterThan(0);
    const documentsHighWater = Math.max(...(before.doc_snapshots ?? []).map((row) => Number(row[2])));
    expect(before.sqlite_sequence).toContainEqual(['doc_updates', documentsHighWater]);
    expect(before.summary_versions?.length).toBeGreaterThan(0);
    expect(before.photos).toHaveLength(1);
    expect(before.network_file_versions).toHaveLength(1);
    expect(before.search_entries?.length).toBeGreaterThan(0);

    // Into PostgreSQL: every table there.
    const onPostgres = await database('transfer_all');
    const postgresDir = place('postgres-all');
    const all: InstallationSettings = { dataDir: postgresDir, databaseUrl: onPostgres.url };
    const imported = await withInstallation(all, 'import', (target) => importInstallation(target, archive));
    expect(imported.rows.networks).toBe(8);
    expect(await postgresCount(onPostgres.url, 'networks')).toBe(8);
    expect(await postgresCount(onPostgres.url, 'doc_snapshots')).toBe(before.doc_snapshots?.length);
    expect(fs.readFileSync(path.join(postgresDir, 'database-engine'), 'utf8')).toBe('postgresql\n');
    expect(fs.existsSync(path.join(postgresDir, 'empiria.sqlite'))).toBe(false);
    // The search index's rows are searchable on PostgreSQL: its generated tsvector over `folded`.
    const found = await withClient(onPostgres.url, (client) =>
      client.query<{ n: string }>(
        "SELECT COUNT(*) AS n FROM search_entries WHERE search_vector @@ to_tsquery('simple', 'formularz:*')",
      ),
    );
    expect(Number(found.rows[0]?.n)).toBeGreaterThan(0);

    // Out of PostgreSQL: the same archive, line for line.
    const second = place('postgres.empiria.gz');
    await withInstallation(all, 'export', (from) => exportInstallation(from, second));
    expect(archiveLines(second)).toEqual(archiveLines(archive));
    // The next update PostgreSQL numbers is above what the snapshots cover, as SQLite's would be.
    const next = await withClient(onPostgres.url, (client) =>
      client.query<{ seq: string }>("SELECT nextval(pg_get_serial_sequence('doc_updates', 'seq')) AS seq"),
    );
    expect(Number(next.rows[0]?.seq)).toBe(documentsHighWater + 1);

    // And into SQLite again, through the command line: the tables, their sequences, the files.
    const back = place('sqlite-again');
    const result = await cli(['import', '--in', second], { DATA_DIR: back });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Imported ${second} into SQLite in ${back}`);
    expect(sqliteRows(back)).toEqual(before);
    expect(files(back)).toEqual(files(sourceDir));
    expect(Object.keys(files(back))).toHaveLength(3);
  });

  it('into PostgreSQL through the command line: a server started on it serves the board to the same session', async () => {
    const onPostgres = await database('transfer_cli');
    const dataDir = place('postgres-cli');
    const result = await cli(['import', '--in', archive], {
      DATA_DIR: dataDir,
      DATABASE_URL: onPostgres.url,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`into PostgreSQL`);
    // Every table in PostgreSQL, as the server reads them; no SQLite file in DATA_DIR.
    expect(await postgresCount(onPostgres.url, 'doc_snapshots')).toBe(
      sqliteRows(sourceDir).doc_snapshots?.length,
    );
    expect(await postgresCount(onPostgres.url, 'boards')).toBe(sqliteRows(sourceDir).boards?.length);
    expect(fs.existsSync(path.join(dataDir, 'empiria.sqlite'))).toBe(false);

    const server = await startServer({ dataDir, adminToken, env: { DATABASE_URL: onPostgres.url } });
    try {
      const canvas = await connectDoc(server, boardId, 'canvas', ala.sessionToken);
      const records = new YKeyValue<{ type?: string }>(canvas.doc.getArray(CANVAS_RECORDS_ARRAY));
      expect([...records.map.keys()].some((key) => key.startsWith('shape:photo-'))).toBe(true);
      canvas.destroy();
      const photo = await fetch(server.baseUrl + photoUrl, {
        headers: { authorization: `Bearer ${ala.sessionToken}` },
      });
      expect(photo.status).toBe(200);
      expect(
        Buffer.from(await photo.arrayBuffer())
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
      const networks = networkListResponseSchema.parse(
        await apiCall(server, 'GET', '/api/networks', { token: adminToken }),
      );
      expect(networks.networks).toHaveLength(8);
    } finally {
      await server.stop();
    }
  });

  it('out of the earlier layout (documents on PostgreSQL, the rest in SQLite), which the server refuses', async () => {
    // The layout of the release before (D21), made by hand: the documents in PostgreSQL, and
    // everything else in DATA_DIR's SQLite file, whose own documents are gone.
    const legacy = await database('transfer_legacy');
    await withInstallation(
      { dataDir: place('legacy-staging'), databaseUrl: legacy.url },
      'import',
      (target) => importInstallation(target, archive),
    );
    const legacyDir = place('legacy');
    fs.cpSync(sourceDir, legacyDir, { recursive: true });
    const file = openSqliteDatabase(path.join(legacyDir, 'empiria.sqlite'));
    file.exec('DELETE FROM doc_updates; DELETE FROM doc_snapshots;');
    file.close();
    fs.writeFileSync(path.join(legacyDir, 'documents-engine'), 'postgresql\n');

    const server = startServer({ dataDir: legacyDir, adminToken, env: { DATABASE_URL: legacy.url } });
    await expect(server).rejects.toThrow(/started on PostgreSQL by an earlier release/);

    const out = place('legacy.empiria.gz');
    const result = await cli(['export', '--out', out], { DATA_DIR: legacyDir, DATABASE_URL: legacy.url });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // The same installation: the documents read from PostgreSQL, the rest from the file.
    expect(archiveLines(out)).toEqual(archiveLines(archive));
  });

  it('refuse a target that holds anything, and an archive file that exists already', async () => {
    const result = await cli(['import', '--in', archive], { DATA_DIR: sourceDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `The target installation (SQLite in ${sourceDir}) is not empty: boards (`,
    );
    expect(result.stderr).toContain('Nothing was imported.');

    const again = await cli(['export', '--out', archive], { DATA_DIR: sourceDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^Export failed: .*EEXIST/);
  });

  describe('refuse a damaged archive and leave the target empty', () => {
    const gunzipped = () => zlib.gunzipSync(fs.readFileSync(archive)).toString('utf8');

    const cases: [string, () => Buffer, RegExp][] = [
      [
        'cut in half',
        () => fs.readFileSync(archive).subarray(0, Math.floor(fs.statSync(archive).size / 2)),
        /damaged or cut short/,
      ],
      [
        'with bytes overwritten in the middle',
        () => {
          const bytes = Buffer.from(fs.readFileSync(archive));
          bytes.fill(0x55, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 64);
          return bytes;
        },
        /damaged|line \d+/,
      ],
      [
        'ending before its last line',
        () => {
          const lines = gunzipped().trimEnd().split('\n');
          return zlib.gzipSync(lines.slice(0, -1).join('\n') + '\n');
        },
        /ends early, where a file or the end was expected: it is cut short/,
      ],
      [
        'with a row of the wrong type',
        () => {
          const lines = gunzipped().split('\n');
          const boards = lines.findIndex((line) => line.startsWith('{"kind":"table","name":"boards"'));
          const row = JSON.parse(lines[boards + 1] ?? '[]') as unknown[];
          row[6] = 'first';
          lines[boards + 1] = JSON.stringify(row);
          return zlib.gzipSync(lines.join('\n'));
        },
        /archive line \d+: a row of boards was expected \(column format_version \(integer, not null\)/,
      ],
      [
        'with a file whose bytes do not match its hash',
        () => {
          const lines = gunzipped().split('\n');
          const file = lines.findIndex((line) => line.startsWith('{"kind":"file","path":"photos/'));
          const bytes = Buffer.from(JSON.parse(lines[file + 1] ?? '""') as string, 'base64');
          bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
          lines[file + 1] = JSON.stringify(bytes.toString('base64'));
          return zlib.gzipSync(lines.join('\n'));
        },
        /photos\/.+ is damaged \(its SHA-256 differs\)/,
      ],
      [
        'naming a file outside DATA_DIR',
        () => zlib.gzipSync(gunzipped().replace('"path":"photos/', '"path":"photos/../../')),
        /a file was expected \(path: a path under photos\/ or network-documents\//,
      ],
    ];

    it.each(cases)('%s', async (_name, damage, message) => {
      const damaged = place(`damaged-${Math.random().toString(36).slice(2)}.gz`);
      fs.writeFileSync(damaged, damage());
      // Into SQLite through the command line, and into PostgreSQL (every table there).
      const dataDir = place(`target-${Math.random().toString(36).slice(2)}`);
      const result = await cli(['import', '--in', damaged], { DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^Import refused: /);
      expect(result.stderr).toMatch(message);
      const rows = sqliteRows(dataDir);
      expect(Object.entries(rows).filter(([, list]) => list.length > 0)).toEqual([]);
      expect(Object.keys(files(dataDir)).filter((name) => name.includes('/'))).toEqual([]);
      expect(fs.readdirSync(dataDir).filter((name) => name.startsWith('.import-'))).toEqual([]);

      const onPostgres = await database('transfer_damaged');
      const postgresDir = place(`target-pg-${Math.random().toString(36).slice(2)}`);
      const settings: InstallationSettings = { dataDir: postgresDir, databaseUrl: onPostgres.url };
      await expect(
        withInstallation(settings, 'import', (target) => importInstallation(target, damaged)),
      ).rejects.toThrow(message);
      for (const table of ['boards', 'networks', 'doc_updates', 'photos'])
        expect(await postgresCount(onPostgres.url, table)).toBe(0);
      expect(fs.existsSync(path.join(postgresDir, 'database-engine'))).toBe(false);
    });
  });
});
