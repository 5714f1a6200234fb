import type { EngineCheck } from '../ops/engine-health';
import type { SqliteDatabase } from './sqlite-database';

/**
 * SQLite answers when a query reads its schema from the file: a closed handle, a deleted or
 * unreadable file, or a corrupt header all throw here. Synchronous and microseconds long.
 */
export function sqliteEngineCheck(db: SqliteDatabase): EngineCheck {
  const query = db.prepare('SELECT count(*) AS tables FROM sqlite_schema');
  return {
    name: 'sqlite',
    check: () => {
      query.get();
      return Promise.resolve();
    },
  };
}
