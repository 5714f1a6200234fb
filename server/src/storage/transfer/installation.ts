import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { ConfigError } from '../../config';
import type { Logger } from '../../log';
import { readInstallationLayout, recordPostgresqlLayout, SQLITE_FILE } from '../installation-layout';
import { openPostgresPool, type PostgresPool } from '../postgres-database';
import { openSqliteDatabase, type SqliteDatabase } from '../sqlite-database';
import { ARCHIVED_FILES, ARCHIVED_FOLDERS, type Engine } from './archive-format';
import { readTableLayout, type TableLayout } from './table-layout';

/**
 * An installation as `empiria export`/`import` sees it, found the way the server finds it
 * (installation-database.ts, installation-layout.ts): DATA_DIR always (the secrets, the uploaded
 * files), and its tables either in `DATA_DIR/empiria.sqlite` or, when DATABASE_URL is set, in that
 * PostgreSQL database. Export also reads the layout of the release before, whose tables were in
 * SQLite but for the Yjs documents on PostgreSQL (D21), so that such an installation can move to
 * this release's layout; import always writes this release's layout.
 */
export interface InstallationSettings {
  dataDir: string;
  databaseUrl: string | null;
}

/** The tables the release before kept on PostgreSQL (the layout `documents-on-postgresql`). */
const LEGACY_TABLES_ON_POSTGRES: ReadonlySet<string> = new Set(['doc_updates', 'doc_snapshots']);

export interface Installation {
  engine: Engine;
  dataDir: string;
  layout: TableLayout[];
  /** The SQLite file, when any table is there; null on PostgreSQL alone. */
  sqlite: SqliteDatabase | null;
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
  const recorded = readInstallationLayout(dataDir);
  const engine: Engine = settings.databaseUrl ? 'postgresql' : 'sqlite';
  // The server's own refusals (installation-database.ts): the other engine would look empty.
  if (engine === 'sqlite' && recorded !== 'sqlite') {
    throw new ConfigError(
      `The data of this installation is in PostgreSQL (${dataDir}); set DATABASE_URL to that database.`,
    );
  }
  if (purpose === 'export') {
    if (engine === 'sqlite' && !fs.existsSync(sqliteFile)) {
      throw new ConfigError(
        `There is no Empiria installation in ${dataDir} (no ${SQLITE_FILE}); check DATA_DIR.`,
      );
    }
    if (engine === 'postgresql' && recorded === 'sqlite') {
      throw new ConfigError(
        `DATABASE_URL is set, but the data of this installation is in SQLite under ${dataDir}; unset DATABASE_URL to export it.`,
      );
    }
  } else if (recorded === 'documents-on-postgresql') {
    throw new ConfigError(
      `${dataDir} holds an installation of an earlier release (its documents on PostgreSQL); import into an empty DATA_DIR.`,
    );
  }
  // Tables in the SQLite file: all of them on SQLite, all but the documents in the earlier layout.
  const onPostgres = (table: string) =>
    engine === 'postgresql' &&
    (recorded !== 'documents-on-postgresql' || LEGACY_TABLES_ON_POSTGRES.has(table));
  const usesFile = engine === 'sqlite' || recorded === 'documents-on-postgresql';
  // The layout is the schema after every migration, the same on both engines (table-layout.ts): on
  // PostgreSQL alone it is read from a database in memory, so that no SQLite file appears in DATA_DIR.
  const sqlite = openSqliteDatabase(usesFile ? sqliteFile : ':memory:');
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
  const database = settings.databaseUrl ? describeDatabase(settings.databaseUrl) : null;
  return {
    engine,
    dataDir,
    layout,
    sqlite: usesFile ? sqlite : null,
    postgres,
    engineOf: (table) => (onPostgres(table) ? 'postgresql' : 'sqlite'),
    describe: () => (database ? `PostgreSQL ${database} with ${dataDir}` : `SQLite in ${dataDir}`),
    close: async () => {
      postgres?.release();
      await pool?.end();
      sqlite.close();
    },
  };
}

/** After an import into PostgreSQL: the server finds the installation there (installation-layout.ts). */
export function recordEngine(installation: Installation): void {
  if (installation.engine === 'postgresql') recordPostgresqlLayout(installation.dataDir);
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
