import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { createMemoryLogger } from '../log';
import { openInstallationDatabase } from './installation-database';
import { readInstallationLayout } from './installation-layout';

/** The engine choice's refusals; opening PostgreSQL itself is tested against a real one (test/integration). */
describe('openInstallationDatabase', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-engine-'));
  });
  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  // Nothing listens there: a refusal must come before any connection attempt.
  const nowhere = 'postgres://empiria@127.0.0.1:1/empiria';
  const log = createMemoryLogger();

  it('without DATABASE_URL everything is in SQLite under DATA_DIR', async () => {
    const database = await openInstallationDatabase({ dataDir, databaseUrl: null }, log);
    expect(database.engine).toBe('sqlite');
    await database.sql.run('INSERT INTO boards (id, title, format, created_at) VALUES (?, ?, ?, ?)', [
      'b1',
      'Tablica',
      'blank',
      '2026-11-30T09:00:00.000Z',
    ]);
    await database.documents.append('b1/canvas', new Uint8Array([1]));
    await database.close();
    expect(fs.existsSync(path.join(dataDir, 'empiria.sqlite'))).toBe(true);
    expect(readInstallationLayout(dataDir)).toBe('sqlite');
  });

  it('refuses to start on PostgreSQL over an installation in SQLite, without touching either', async () => {
    const database = await openInstallationDatabase({ dataDir, databaseUrl: null }, log);
    await database.sql.run('INSERT INTO boards (id, title, format, created_at) VALUES (?, ?, ?, ?)', [
      'b1',
      'Tablica',
      'blank',
      '2026-11-30T09:00:00.000Z',
    ]);
    await database.close();
    const opening = openInstallationDatabase({ dataDir, databaseUrl: nowhere }, log);
    await expect(opening).rejects.toThrow(ConfigError);
    await expect(opening).rejects.toThrow(/data of this installation is in SQLite .*empiria export/);
    expect(readInstallationLayout(dataDir)).toBe('sqlite');
  });

  it('an empty SQLite file (a first start that made nothing) does not stop a move to PostgreSQL', async () => {
    await (await openInstallationDatabase({ dataDir, databaseUrl: null }, log)).close();
    const opening = openInstallationDatabase({ dataDir, databaseUrl: nowhere }, log);
    // It gets as far as connecting: the refusal is the unreachable server, not the layout.
    await expect(opening).rejects.toThrow(/could not open the PostgreSQL database/);
  });

  it('refuses to start without DATABASE_URL once the installation is on PostgreSQL', async () => {
    fs.writeFileSync(path.join(dataDir, 'database-engine'), 'postgresql\n');
    await expect(openInstallationDatabase({ dataDir, databaseUrl: null }, log)).rejects.toThrow(
      /is in PostgreSQL .*; set DATABASE_URL/,
    );
    expect(fs.existsSync(path.join(dataDir, 'empiria.sqlite'))).toBe(false);
  });

  it("refuses the earlier release's layout (documents only on PostgreSQL) and says how to move it", async () => {
    fs.writeFileSync(path.join(dataDir, 'documents-engine'), 'postgresql\n');
    for (const databaseUrl of [null, nowhere]) {
      const opening = openInstallationDatabase({ dataDir, databaseUrl }, log);
      await expect(opening).rejects.toThrow(ConfigError);
      await expect(opening).rejects.toThrow(/earlier release.*empiria export --out.*empiria import --in/s);
    }
  });

  it('an unreachable PostgreSQL stops the start with its address and no password', async () => {
    const opening = openInstallationDatabase(
      { dataDir, databaseUrl: 'postgres://empiria:hunter2@127.0.0.1:1/empiria' },
      log,
    );
    await expect(opening).rejects.toThrow(/could not open the PostgreSQL database 127\.0\.0\.1:1\/empiria: /);
    await expect(opening).rejects.not.toThrow(/hunter2/);
    expect(readInstallationLayout(dataDir)).toBe('sqlite');
  });
});
