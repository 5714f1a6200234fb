import path from 'node:path';
import { ConfigError } from '../config';
import type { Logger } from '../log';
import type { EngineCheck } from '../ops/engine-health';
import type { DocumentStore } from './document-store';
import {
  readInstallationLayout,
  recordPostgresqlLayout,
  sqliteHoldsData,
  SQLITE_FILE,
  type InstallationLayout,
} from './installation-layout';
import { openPostgresPool, type PostgresPool } from './postgres-database';
import { PostgresDocumentStore } from './postgres-document-store';
import { PostgresSqlDatabase } from './sql/postgres-sql-database';
import type { SqlDatabase } from './sql/sql-database';
import { SqliteSqlDatabase } from './sql/sqlite-sql-database';
import { openSqliteDatabase } from './sqlite-database';
import { SqliteDocumentStore } from './sqlite-document-store';
import { sqliteEngineCheck } from './sqlite-engine-check';

export type DatabaseEngine = 'sqlite' | 'postgresql';

/**
 * The installation's database, chosen by DATABASE_URL: unset, the SQLite file under DATA_DIR (the
 * default: nothing else to run); `postgres://…`, that PostgreSQL database, for every table — the
 * stores (`sql`) and the Yjs documents alike — so that several processes can serve one
 * installation (docs/operations.md, "Engines"). Changing engines takes `empiria export` and
 * `empiria import`; a changed variable alone is refused (installation-layout.ts).
 */
export interface InstallationDatabase {
  engine: DatabaseEngine;
  sql: SqlDatabase;
  documents: DocumentStore;
  /** What /healthz asks (ops/engine-health.ts). */
  checks: EngineCheck[];
  /** The pool, on PostgreSQL: the rooms' advisory locks open their own session beside it. */
  postgres: PostgresPool | null;
  close(): Promise<void>;
}

export interface InstallationDatabaseSettings {
  dataDir: string;
  databaseUrl: string | null;
}

export async function openInstallationDatabase(
  settings: InstallationDatabaseSettings,
  log: Logger,
): Promise<InstallationDatabase> {
  const layout = readInstallationLayout(settings.dataDir);
  refuseChangedLayout(settings, layout);
  if (!settings.databaseUrl) {
    const db = openSqliteDatabase(path.join(settings.dataDir, SQLITE_FILE));
    const sql = new SqliteSqlDatabase(db);
    return {
      engine: 'sqlite',
      sql,
      documents: new SqliteDocumentStore(db),
      checks: [sqliteEngineCheck(db)],
      postgres: null,
      close: async () => {
        await sql.close();
        db.close();
      },
    };
  }
  const database = describeDatabase(settings.databaseUrl);
  let pool: PostgresPool;
  try {
    pool = await openPostgresPool(settings.databaseUrl, log);
  } catch (err) {
    throw new Error(`could not open the PostgreSQL database ${database}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  if (layout !== 'postgresql') recordPostgresqlLayout(settings.dataDir);
  log.info('database on postgresql', { database });
  const sql = new PostgresSqlDatabase(pool);
  const documents = new PostgresDocumentStore(pool);
  return {
    engine: 'postgresql',
    sql,
    documents,
    // A round trip through the pool (a free connection, or a new one).
    checks: [{ name: 'postgresql', check: async () => void (await pool.query('SELECT 1')) }],
    postgres: pool,
    close: async () => {
      await documents.close();
      await sql.close();
      await pool.end();
    },
  };
}

function refuseChangedLayout(settings: InstallationDatabaseSettings, layout: InstallationLayout): void {
  const sqliteFile = path.join(settings.dataDir, SQLITE_FILE);
  if (layout === 'documents-on-postgresql') {
    throw new ConfigError(
      `This installation was started on PostgreSQL by an earlier release, which kept only the boards' documents ` +
        `there and everything else in ${sqliteFile}. Move it to this release's layout: stop every server process, ` +
        'run `empiria export --out <file>` with this DATA_DIR and DATABASE_URL, then `empiria import --in <file>` ' +
        'into an empty DATA_DIR and an empty database (docs/operations.md, "Moving between engines").',
    );
  }
  if (!settings.databaseUrl && layout === 'postgresql') {
    throw new ConfigError(
      `The data of this installation is in PostgreSQL (${settings.dataDir}); set DATABASE_URL to that database.`,
    );
  }
  if (settings.databaseUrl && layout === 'sqlite' && sqliteHoldsData(settings.dataDir)) {
    throw new ConfigError(
      `DATABASE_URL is set, but the data of this installation is in SQLite (${sqliteFile}); ` +
        'unset DATABASE_URL, or move the installation to PostgreSQL with `empiria export` and `empiria import` ' +
        'into an empty DATA_DIR (docs/operations.md).',
    );
  }
}

/** Host, port and database name: never the password for the log. */
function describeDatabase(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
}
