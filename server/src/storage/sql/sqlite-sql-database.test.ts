import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteDatabase } from '../sqlite-database';
import { sqlDatabaseContract } from './sql-database.contract';
import { SqliteSqlDatabase } from './sqlite-sql-database';

sqlDatabaseContract('sqlite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-sql-'));
  const file = path.join(dir, 'contract.sqlite');
  const connection = openSqliteDatabase(file);
  // No peer: a second connection in the same process would wait synchronously (busy_timeout) for
  // a lock the first can only release once the event loop runs again. Processes sharing one SQLite
  // file are not a supported installation (docs/operations.md): several processes use PostgreSQL.
  return {
    db: new SqliteSqlDatabase(connection),
    cleanup: async () => {
      connection.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});
