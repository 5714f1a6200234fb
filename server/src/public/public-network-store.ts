import type { SqlQueries } from '../storage/sql/sql-database';

/**
 * Which networks have a public page (migration "public networks" in storage/sqlite-database.ts,
 * [PUB1]): a row while the page is open, none once it is closed. Who opened it is kept for the
 * record; the page itself never shows it ([PUB3]).
 */
export interface PublicNetworkRecord {
  networkId: string;
  openedBy: string;
  openedAt: string;
}

interface Row {
  network_id: string;
  opened_by: string;
  opened_at: string;
}

/** The public pages' rows, on either engine. */
export class PublicNetworkStore {
  readonly #sql: SqlQueries;

  constructor(sql: SqlQueries) {
    this.#sql = sql;
  }

  async get(networkId: string): Promise<PublicNetworkRecord | null> {
    const row = await this.#sql.get<Row>(
      'SELECT network_id, opened_by, opened_at FROM public_networks WHERE network_id = ?',
      [networkId],
    );
    return row ? { networkId: row.network_id, openedBy: row.opened_by, openedAt: row.opened_at } : null;
  }

  /** Opening an open page keeps when, and by whom, it was first opened. */
  async open(networkId: string, openedBy: string, at: string): Promise<void> {
    await this.#sql.run(
      `INSERT INTO public_networks (network_id, opened_by, opened_at) VALUES (?, ?, ?)
       ON CONFLICT (network_id) DO NOTHING`,
      [networkId, openedBy, at],
    );
  }

  async close(networkId: string): Promise<void> {
    await this.#sql.run('DELETE FROM public_networks WHERE network_id = ?', [networkId]);
  }
}
