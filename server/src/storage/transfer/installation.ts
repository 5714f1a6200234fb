import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { ConfigError } from '../../config';
import type { Logger } from '../../log';
import { DOCUMENTS_ENGINE_MARKER } from '../document-engine';
import { openPostgresPool, type PostgresPool } from '../postgres-database';
import { openSqliteDatabase, type SqliteDatabase } from '../sqlite-database';
import { ARCHIVED_FILES, ARCHIVED_FOLDERS, type Engine } from './archive-format';
import { readTableLayout, type TableLayout } from './table-layout';

/**
 * An installation as `empiria export`/`import` sees it, chosen like the server chooses it
 * (config.ts): DATA_DIR always (the SQLite file, the secrets, the uploaded files), and the
 * PostgreSQL database of DATABASE_URL when it is set, holding the tables the server keeps there.
 */
export interface InstallationSettings {
  dataDir: string;
  databaseUrl: string | null;
  /**
   * The tables on PostgreSQL when DATABASE_URL is set: by default those the server keeps there
   * today (TABLES_ON_POSTGRES); 'all' once every store has moved.
   */
  postgresTables?: readonly string[] | 'all';
}

/**
 * What the server keeps on PostgreSQL today (docs/operations.md, "Engines"): the Yjs documents.
 * A store that moves adds its tables here in the same change, so that export and import keep
 * putting every table where the server reads it.
 */
export const TABLES_ON_POSTGRES: readonly string[] = ['doc_updates', 'doc_snapshots'];

export const SQLITE_FILE = 'empiria.sqlite';

export interface Installation {
  engine: Engine;
  dataDir: string;
  layout: TableLayout[];
  sqlite: SqliteDatabase;
  /** One connection, for one transaction; null on SQLite. */
  postgres: pg.PoolClient | null;
  /** Where each table lives. */
  engineOf(table: string): Engine;
  /** A description for messages: never the password. */
  describe(): string;
  close(): Promise<void>;
}

export type Purpose = 'export' | 'import';

export async function openInstallation(
  settings: InstallationSettings,
  purpose: Purpose,
  log: Logger,
): Promise<Installation> {
  const dataDir = path.resolve(settings.dataDir);
  const sqliteFile = path.join(dataDir, SQLITE_FILE);
  const markerFile = path.join(dataDir, DOCUMENTS_ENGINE_MARKER);
  const recorded = fs.existsSync(markerFile) ? fs.readFileSync(markerFile, 'utf8').trim() : 'sqlite';
  const engine: Engine = settings.databaseUrl ? 'postgresql' : 'sqlite';
  // The server's own refusal (document-engine.ts): the other engine would look empty.
  if (engine === 'sqlite' && recorded === 'postgresql') {
    throw new ConfigError(
      `The documents of this installation are in PostgreSQL (${markerFile}); set DATABASE_URL to that database.`,
    );
  }
  if (purpose === 'export') {
    if (!fs.existsSync(sqliteFile)) {
      throw new ConfigError(
        `There is no Empiria installation in ${dataDir} (no ${SQLITE_FILE}); check DATA_DIR.`,
      );
    }
    if (engine === 'postgresql' && recorded !== 'postgresql') {
      throw new ConfigError(
        `DATABASE_URL is set, but the documents of this installation are in SQLite under ${dataDir}; unset DATABASE_URL to export it.`,
      );
    }
  }
  const sqlite = openSqliteDatabase(sqliteFile);
  let pool = null as PostgresPool | null;
  let postgres: pg.PoolClient | null = null;
  try {
    if (settings.databaseUrl) {
      try {
        pool = await openPostgresPool(settings.databaseUrl, log, { maxConnections: 1 });
        postgres = await pool.connect();
      } catch (err) {
        throw new Error(
          `could not open the PostgreSQL database ${describeDatabase(settings.databaseUrl)}: ${(err as Error).message}`,
          { cause: err },
        );
      }
    }
  } catch (err) {
    sqlite.close();
    await pool?.end();
    throw err;
  }
  const layout = readTableLayout(sqlite);
  const onPostgres =
    engine === 'sqlite'
      ? new Set<string>()
      : new Set(
          settings.postgresTables === 'all'
            ? layout.map((table) => table.name)
            : (settings.postgresTables ?? TABLES_ON_POSTGRES),
        );
  const database = settings.databaseUrl ? describeDatabase(settings.databaseUrl) : null;
  return {
    engine,
    dataDir,
    layout,
    sqlite,
    postgres,
    engineOf: (table) => (onPostgres.has(table) ? 'postgresql' : 'sqlite'),
    describe: () => (database ? `PostgreSQL ${database} with ${dataDir}` : `SQLite in ${dataDir}`),
    close: async () => {
      postgres?.release();
      await pool?.end();
      sqlite.close();
    },
  };
}

/** After an import into PostgreSQL: the server finds the documents there (document-engine.ts). */
export function recordEngine(installation: Installation): void {
  if (installation.engine === 'postgresql') {
    fs.writeFileSync(path.join(installation.dataDir, DOCUMENTS_ENGINE_MARKER), 'postgresql\n');
  }
}

/** Every file of DATA_DIR an archive holds, as `/`-separated paths relative to it, sorted. */
export function archivedFiles(dataDir: string): string[] {
  const found: string[] = [];
  for (const name of ARCHIVED_FILES) {
    if (fs.statSync(path.join(dataDir, name), { throwIfNoEntry: false })?.isFile()) found.push(name);
  }
  for (const folder of ARCHIVED_FOLDERS) walk(dataDir, folder, found);
  return found.sort();
}

function walk(dataDir: string, relative: string, found: string[]): void {
  const absolute = path.join(dataDir, relative);
  if (!fs.existsSync(absolute)) return;
  for (const entry of fs.readdirSync(absolute, { withFileTypes: true })) {
    // Uploads still arriving (network-documents/.incoming) are nobody's file yet.
    if (entry.name.startsWith('.')) continue;
    const child = `${relative}/${entry.name}`;
    if (entry.isDirectory()) walk(dataDir, child, found);
    else if (entry.isFile()) found.push(child);
  }
}

/** Host, port and database name: never the password. */
export function describeDatabase(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
}
