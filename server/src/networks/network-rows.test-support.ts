import type { MembershipType, NetworkRole } from '@empiria/shared';
import type { SqlQueries } from '../storage/sql/sql-database';

/**
 * Rows of the network core (networks, cities, persons, memberships, meetings and their boards)
 * written straight into a stores' database, for the contract suites of the stores that hang off
 * a network (forum, office hours, documents, surveys, plan). Only the columns those stores read;
 * the network core's own store is tested by its own contract.
 */
export class NetworkRows {
  readonly #sql: SqlQueries;

  constructor(sql: SqlQueries) {
    this.#sql = sql;
  }

  /**
   * The neighbourhood most of these suites start from: network `net-1` with Gdynia a core member
   * (`programme-laureate`) and Radom an observer, and a second network `net-2` to keep apart.
   */
  async twoNetworksWithGdyniaAndRadom(): Promise<void> {
    await this.network('net-1');
    await this.network('net-2', 'Wodna');
    await this.city('c-gdynia', 'Gdynia');
    await this.city('c-radom', 'Radom');
    await this.member('net-1', 'c-gdynia', 'programme-laureate');
    await this.member('net-1', 'c-radom', 'observer');
  }

  async network(id: string, name = 'Zielona'): Promise<void> {
    await this.#sql.run(
      'INSERT INTO networks (id, name, theme, description, created_at) VALUES (?, ?, ?, ?, ?)',
      [id, name, 'Zieleń w mieście', '', '2026-11-01T08:00:00.000Z'],
    );
  }

  async city(id: string, name: string): Promise<void> {
    await this.#sql.run('INSERT INTO cities (id, name, name_key, created_at) VALUES (?, ?, ?, ?)', [
      id,
      name,
      name.toLowerCase(),
      '2026-11-01T08:00:00.000Z',
    ]);
  }

  async member(networkId: string, cityId: string, membership: MembershipType): Promise<void> {
    await this.#sql.run(
      'INSERT INTO network_members (network_id, city_id, membership, joined_at) VALUES (?, ?, ?, ?)',
      [networkId, cityId, membership, '2026-11-01T08:00:00.000Z'],
    );
  }

  /** A person, in `networkId` with `role` when given. */
  async person(
    id: string,
    name: string,
    options: { cityId?: string; networkId?: string; role?: NetworkRole } = {},
  ): Promise<void> {
    await this.#sql.run('INSERT INTO persons (id, name, email, city_id, created_at) VALUES (?, ?, ?, ?, ?)', [
      id,
      name,
      null,
      options.cityId ?? null,
      '2026-11-01T08:00:00.000Z',
    ]);
    if (options.networkId && options.role) {
      await this.#sql.run(
        'INSERT INTO network_people (network_id, person_id, role, added_at) VALUES (?, ?, ?, ?)',
        [options.networkId, id, options.role, '2026-11-01T08:00:00.000Z'],
      );
    }
  }

  /** A meeting of the network with its board (`board-<id>`). */
  async meeting(id: string, networkId: string, title = 'Spotkanie'): Promise<void> {
    const boardId = `board-${id}`;
    await this.#sql.run('INSERT INTO boards (id, title, format, created_at) VALUES (?, ?, ?, ?)', [
      boardId,
      title,
      'format-0',
      '2026-11-01T08:00:00.000Z',
    ]);
    await this.#sql.run(
      `INSERT INTO meetings (id, network_id, board_id, title, starts_at, mode, host_city_id, venue, room,
         catering_notes, agenda, sequence, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, networkId, boardId, title, '2026-12-01T10:00', 'online', null, '', '', '', '[]', 0, '2026-11-01'],
    );
  }
}
