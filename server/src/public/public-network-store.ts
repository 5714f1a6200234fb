import type { SqliteDatabase } from '../storage/sqlite-database';

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

export class SqlitePublicNetworkStore {
  readonly #get;
  readonly #open;
  readonly #close;

  constructor(db: SqliteDatabase) {
    this.#get = db.prepare<[string], Row>(
      'SELECT network_id, opened_by, opened_at FROM public_networks WHERE network_id = ?',
    );
    // Opening an open page keeps when it was first opened.
    this.#open = db.prepare<[string, string, string]>(
      'INSERT OR IGNORE INTO public_networks (network_id, opened_by, opened_at) VALUES (?, ?, ?)',
    );
    this.#close = db.prepare<[string]>('DELETE FROM public_networks WHERE network_id = ?');
  }

  get(networkId: string): PublicNetworkRecord | null {
    const row = this.#get.get(networkId);
    return row ? { networkId: row.network_id, openedBy: row.opened_by, openedAt: row.opened_at } : null;
  }

  open(networkId: string, openedBy: string, at: string): void {
    this.#open.run(networkId, openedBy, at);
  }

  close(networkId: string): void {
    this.#close.run(networkId);
  }
}
