import type { SqlQueries } from './sql-database';

/**
 * Stores the bare board rows a store's contract hangs its own rows on (their foreign keys).
 * Tests only: for `<store>.contract.ts`.
 */
export async function seedBoards(sql: SqlQueries, ...ids: string[]): Promise<void> {
  for (const id of ids) {
    await sql.run('INSERT INTO boards (id, title, format, created_at) VALUES (?, ?, ?, ?)', [
      id,
      'Tablica',
      'format-2',
      '2026-11-30T08:00:00.000Z',
    ]);
  }
}
