import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inList, type SqlDatabase } from './sql-database';

/**
 * What every SqlDatabase promises (sql-database.ts), run against SQLite (unit) and PostgreSQL
 * (integration) so a store written once behaves the same on both. `open` gives an empty database;
 * `openPeer`, when the engine has one, a second handle on the same database, as another server
 * process has.
 */
export function sqlDatabaseContract(
  name: string,
  open: () => Promise<{
    db: SqlDatabase;
    openPeer?: () => Promise<SqlDatabase>;
    cleanup?: () => Promise<void>;
  }>,
): void {
  describe(`SqlDatabase contract: ${name}`, () => {
    let db: SqlDatabase;
    let openPeer: (() => Promise<SqlDatabase>) | undefined;
    let cleanup: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      ({ db, openPeer, cleanup } = await open());
      const id =
        db.engine === 'sqlite'
          ? 'INTEGER PRIMARY KEY AUTOINCREMENT'
          : 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY';
      const blob = db.engine === 'sqlite' ? 'BLOB' : 'BYTEA';
      await db.run('DROP TABLE IF EXISTS contract_items');
      await db.run(`CREATE TABLE contract_items (
        id ${id},
        bucket TEXT NOT NULL,
        label TEXT,
        amount BIGINT NOT NULL DEFAULT 0,
        data ${blob}
      )`);
      await db.run('CREATE UNIQUE INDEX contract_items_label ON contract_items (bucket, label)');
    });
    afterEach(async () => {
      await db.close();
      await cleanup?.();
    });

    it('writes and reads text, null, big integers and bytes as the same values', async () => {
      const bytes = new Uint8Array([0, 1, 2, 254, 255]);
      const ms = 1_764_489_600_123; // milliseconds need more than 32 bits
      const { changes } = await db.run(
        'INSERT INTO contract_items (bucket, label, amount, data) VALUES (?, ?, ?, ?)',
        ['a', 'Łódź — zażółć gęślą jaźń', ms, bytes],
      );
      expect(changes).toBe(1);
      await db.run('INSERT INTO contract_items (bucket, label) VALUES (?, ?)', ['a', null]);
      const rows = await db.all<{ label: string | null; amount: number; data: Uint8Array | null }>(
        'SELECT label, amount, data FROM contract_items WHERE bucket = ? ORDER BY id',
        ['a'],
      );
      expect(rows).toHaveLength(2);
      expect(rows[0]?.label).toBe('Łódź — zażółć gęślą jaźń');
      expect(rows[0]?.amount).toBe(ms);
      expect(new Uint8Array(rows[0]?.data ?? [])).toEqual(bytes);
      expect(rows[1]).toMatchObject({ label: null, amount: 0, data: null });
    });

    it('counts and sums as numbers, and misses as undefined', async () => {
      for (const amount of [1, 2, 3]) {
        await db.run('INSERT INTO contract_items (bucket, label, amount) VALUES (?, ?, ?)', [
          'c',
          `x${amount}`,
          amount,
        ]);
      }
      const totals = await db.get<{ n: number; total: number }>(
        'SELECT COUNT(*) AS n, SUM(amount) AS total FROM contract_items WHERE bucket = ?',
        ['c'],
      );
      expect(totals).toEqual({ n: 3, total: 6 });
      expect(await db.get('SELECT * FROM contract_items WHERE bucket = ?', ['none'])).toBeUndefined();
      expect(await db.all('SELECT * FROM contract_items WHERE bucket = ?', ['none'])).toEqual([]);
    });

    it('returns generated ids, upserts, and matches IN lists', async () => {
      const first = await db.get<{ id: number }>(
        'INSERT INTO contract_items (bucket, label, amount) VALUES (?, ?, ?) RETURNING id',
        ['u', 'one', 1],
      );
      expect(typeof first?.id).toBe('number');
      const upsert =
        'INSERT INTO contract_items (bucket, label, amount) VALUES (?, ?, ?) ON CONFLICT (bucket, label) DO UPDATE SET amount = excluded.amount';
      await db.run(upsert, ['u', 'one', 5]);
      await db.run(upsert, ['u', 'two', 7]);
      const ignored = await db.run(
        'INSERT INTO contract_items (bucket, label) VALUES (?, ?) ON CONFLICT (bucket, label) DO NOTHING',
        ['u', 'two'],
      );
      expect(ignored.changes).toBe(0);
      const labels = ['one', 'two', 'three'];
      const rows = await db.all<{ label: string; amount: number }>(
        `SELECT label, amount FROM contract_items WHERE bucket = ? AND label IN ${inList(labels.length)} ORDER BY label`,
        ['u', ...labels],
      );
      expect(rows).toEqual([
        { label: 'one', amount: 5 },
        { label: 'two', amount: 7 },
      ]);
      const updated = await db.run('UPDATE contract_items SET amount = amount + 1 WHERE bucket = ?', ['u']);
      expect(updated.changes).toBe(2);
    });

    it('commits a transaction whole, and undoes it whole when its work throws', async () => {
      const id = await db.transaction(async (tx) => {
        await tx.run('INSERT INTO contract_items (bucket, label) VALUES (?, ?)', ['t', 'kept']);
        return (await tx.get<{ id: number }>('SELECT id FROM contract_items WHERE label = ?', ['kept']))?.id;
      });
      expect(id).toBeTypeOf('number');
      await expect(
        db.transaction(async (tx) => {
          await tx.run('INSERT INTO contract_items (bucket, label) VALUES (?, ?)', ['t', 'lost']);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      // A failing statement undoes the statements before it, too.
      await expect(
        db.transaction(async (tx) => {
          await tx.run('INSERT INTO contract_items (bucket, label) VALUES (?, ?)', ['t', 'also lost']);
          await tx.run('INSERT INTO contract_items (bucket, label) VALUES (?, ?)', ['t', 'kept']);
        }),
      ).rejects.toThrow();
      const labels = await db.all<{ label: string }>(
        'SELECT label FROM contract_items WHERE bucket = ? ORDER BY id',
        ['t'],
      );
      expect(labels.map((row) => row.label)).toEqual(['kept']);
    });

    it('runs concurrent check-then-write transactions as if one after another', async () => {
      const peer = openPeer ? await openPeer() : db;
      try {
        // Twenty requests, over two processes when the engine has them, each taking a place
        // only while fewer than five are taken: exactly five may win.
        const take = (on: SqlDatabase, n: number) =>
          on.transaction(async (tx) => {
            const taken = await tx.get<{ n: number }>(
              'SELECT COUNT(*) AS n FROM contract_items WHERE bucket = ?',
              ['seat'],
            );
            if ((taken?.n ?? 0) >= 5) return false;
            await tx.run('INSERT INTO contract_items (bucket, label) VALUES (?, ?)', ['seat', `p${n}`]);
            return true;
          });
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, n) => take(n % 2 === 0 ? db : peer, n)),
        );
        expect(results.filter(Boolean)).toHaveLength(5);
        const seats = await db.get<{ n: number }>(
          'SELECT COUNT(*) AS n FROM contract_items WHERE bucket = ?',
          ['seat'],
        );
        expect(seats?.n).toBe(5);
      } finally {
        if (peer !== db) await peer.close();
      }
    });

    it('refuses the database itself, or a second transaction, inside a transaction; and a handle after it', async () => {
      await expect(
        db.transaction(async () => db.get('SELECT COUNT(*) AS n FROM contract_items')),
      ).rejects.toThrow('inside a transaction, query through its handle');
      await expect(db.transaction(async () => db.transaction(async () => 1))).rejects.toThrow(
        'a transaction cannot open another one',
      );
      let leaked: Parameters<Parameters<SqlDatabase['transaction']>[0]>[0] | undefined;
      await db.transaction(async (tx) => {
        leaked = tx;
      });
      await expect(leaked?.get('SELECT 1 AS one')).rejects.toThrow('this transaction has ended');
      // Still usable afterwards.
      expect(await db.get<{ one: number }>('SELECT 1 AS one')).toEqual({ one: 1 });
    });

    it('lets queries outside a transaction wait for it rather than see its half-done work', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let inserted!: () => void;
      const insertedOne = new Promise<void>((resolve) => (inserted = resolve));
      const transaction = db.transaction(async (tx) => {
        await tx.run('INSERT INTO contract_items (bucket, label) VALUES (?, ?)', ['w', 'first']);
        inserted();
        // Only a test may wait on something else inside a transaction: it holds the transaction
        // open while the outside reads.
        await held;
        await tx.run('INSERT INTO contract_items (bucket, label) VALUES (?, ?)', ['w', 'second']);
      });
      await insertedOne;
      const read = db.all<{ label: string }>('SELECT label FROM contract_items WHERE bucket = ?', ['w']);
      release();
      await transaction;
      // Never one row out of two: none (PostgreSQL reads the state before) or both (SQLite waits).
      expect([0, 2]).toContain((await read).length);
    });
  });
}
