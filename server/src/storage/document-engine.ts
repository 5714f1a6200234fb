import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config';
import type { Logger } from '../log';
import type { EngineCheck } from '../ops/engine-health';
import type { DocumentStore } from './document-store';
import { openPostgresPool } from './postgres-database';
import { PostgresDocumentStore } from './postgres-document-store';
import type { SqliteDatabase } from './sqlite-database';
import { SqliteDocumentStore } from './sqlite-document-store';

/**
 * Where the Yjs documents live, chosen by DATABASE_URL: unset, in the SQLite database under
 * DATA_DIR (the default); `postgres://…`, in that PostgreSQL database. The other stores stay in
 * SQLite either way for now (docs/operations.md, "Engines").
 *
 * An installation must not change engines by a changed variable alone: its boards stay in SQLite
 * while their documents would be looked for in the other engine, and every board would open empty.
 * The first start on PostgreSQL writes DATA_DIR/documents-engine; a start without DATABASE_URL on
 * such a DATA_DIR is refused, and so is a first start on PostgreSQL over documents already in
 * SQLite.
 */
export type DocumentEngine = 'sqlite' | 'postgresql';

export const DOCUMENTS_ENGINE_MARKER = 'documents-engine';

export interface DocumentEngineSettings {
  dataDir: string;
  databaseUrl: string | null;
}

export async function openDocumentStore(
  settings: DocumentEngineSettings,
  sqlite: SqliteDatabase,
  log: Logger,
): Promise<{ engine: DocumentEngine; store: DocumentStore; checks: EngineCheck[] }> {
  const markerFile = path.join(settings.dataDir, DOCUMENTS_ENGINE_MARKER);
  const recorded = fs.existsSync(markerFile) ? fs.readFileSync(markerFile, 'utf8').trim() : 'sqlite';
  if (!settings.databaseUrl) {
    if (recorded === 'postgresql') {
      throw new ConfigError(
        `The documents of this installation are in PostgreSQL (${markerFile}); set DATABASE_URL to that database.`,
      );
    }
    return { engine: 'sqlite', store: new SqliteDocumentStore(sqlite), checks: [] };
  }
  if (recorded !== 'postgresql' && sqliteHoldsDocuments(sqlite)) {
    throw new ConfigError(
      `DATABASE_URL is set, but the documents of this installation are in SQLite under ${settings.dataDir}; ` +
        'unset DATABASE_URL, or move the installation to PostgreSQL with `empiria export` and `empiria import` into an empty DATA_DIR (docs/operations.md).',
    );
  }
  const database = describeDatabase(settings.databaseUrl);
  let pool;
  try {
    pool = await openPostgresPool(settings.databaseUrl, log);
  } catch (err) {
    throw new Error(`could not open the PostgreSQL database ${database}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  if (recorded !== 'postgresql') fs.writeFileSync(markerFile, 'postgresql\n');
  log.info('documents on postgresql', { database });
  const postgres = pool;
  // For /healthz: a round trip through the pool (a free connection, or a new one).
  const check: EngineCheck = {
    name: 'postgresql',
    check: async () => {
      await postgres.query('SELECT 1');
    },
  };
  return {
    engine: 'postgresql',
    store: new PostgresDocumentStore(pool, { ownsPool: true }),
    checks: [check],
  };
}

function sqliteHoldsDocuments(db: SqliteDatabase): boolean {
  return (
    db
      .prepare('SELECT EXISTS (SELECT 1 FROM doc_updates) OR EXISTS (SELECT 1 FROM doc_snapshots)')
      .pluck()
      .get() === 1
  );
}

/** Host, port and database name: never the password for the log. */
function describeDatabase(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
}
