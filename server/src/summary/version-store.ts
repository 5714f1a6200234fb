import type { ApprovalRule, Decision, MeetingRecord, ShareConsent, SummaryBlock } from '@empiria/shared';
import { inTransaction, type SqlQueries } from '../storage/sql/sql-database';

export type VersionStatus = 'open' | 'approved' | 'not-approved' | 'superseded';

/** A person asked in a round, as frozen with the version ([I5]). */
export interface Eligible {
  personId: string;
  name: string;
  city: string;
}

/** A frozen version of the note: immutable content with its hash, and its approval round. */
export interface SummaryVersion {
  id: string;
  boardId: string;
  hash: string;
  content: { record: MeetingRecord; blocks: SummaryBlock[] };
  rule: ApprovalRule;
  eligible: Eligible[];
  status: VersionStatus;
  openedAt: number;
  closedAt: number | null;
}

interface VersionRow {
  id: string;
  board_id: string;
  hash: string;
  content: string;
  rule: ApprovalRule;
  eligible: string;
  status: VersionStatus;
  opened_at: number;
  closed_at: number | null;
}

/** A `summary_versions` row as a version. */
const toVersion = (row: VersionRow): SummaryVersion => ({
  id: row.id,
  boardId: row.board_id,
  hash: row.hash,
  content: JSON.parse(row.content) as SummaryVersion['content'],
  rule: row.rule,
  eligible: JSON.parse(row.eligible) as Eligible[],
  status: row.status,
  openedAt: row.opened_at,
  closedAt: row.closed_at,
});

interface DecisionRow {
  person_id: string;
  name: string;
  city: string;
  decision: 'approve' | 'object';
  reason: string | null;
  at: number;
}

/**
 * Frozen versions, decisions and consents to share (tables `summary_versions`,
 * `summary_decisions`, `share_consents`), on either engine. Versions are never edited, only
 * closed. Callers run check-then-write inside `transaction`, whose work gets the store bound to
 * that transaction.
 */
export class VersionStore {
  readonly #sql: SqlQueries;

  constructor(sql: SqlQueries) {
    this.#sql = sql;
  }

  transaction<T>(work: (store: VersionStore) => Promise<T>): Promise<T> {
    return inTransaction(this.#sql, (tx) => work(new VersionStore(tx)));
  }

  /**
   * Stores a new open version; any round still open on the board is superseded by it. Both in one
   * transaction, so a board never has two open rounds (a store given to a transaction's work joins
   * that transaction instead).
   */
  async freeze(version: Omit<SummaryVersion, 'status' | 'closedAt'>): Promise<SummaryVersion> {
    const write = async (sql: SqlQueries) => {
      await sql.run(
        "UPDATE summary_versions SET status = 'superseded', closed_at = ? WHERE board_id = ? AND status = 'open'",
        [version.openedAt, version.boardId],
      );
      await sql.run(
        `INSERT INTO summary_versions (id, board_id, hash, content, rule, eligible, status, opened_at)
         VALUES (?, ?, ?, ?, ?, ?, 'open', ?)`,
        [
          version.id,
          version.boardId,
          version.hash,
          JSON.stringify(version.content),
          version.rule,
          JSON.stringify(version.eligible),
          version.openedAt,
        ],
      );
    };
    await ('transaction' in this.#sql ? inTransaction(this.#sql, write) : write(this.#sql));
    return { ...version, status: 'open', closedAt: null };
  }

  async get(boardId: string, versionId: string): Promise<SummaryVersion | null> {
    const row = await this.#sql.get<VersionRow>(
      'SELECT * FROM summary_versions WHERE id = ? AND board_id = ?',
      [versionId, boardId],
    );
    return row ? toVersion(row) : null;
  }

  async openVersion(boardId: string): Promise<SummaryVersion | null> {
    const row = await this.#sql.get<VersionRow>(
      "SELECT * FROM summary_versions WHERE board_id = ? AND status = 'open' ORDER BY opened_at DESC LIMIT 1",
      [boardId],
    );
    return row ? toVersion(row) : null;
  }

  /** The board's latest version, whatever its status: the round the summary document shows. */
  async latest(boardId: string): Promise<SummaryVersion | null> {
    // `rowid` breaks ties within a millisecond: SQLite's own, a column of the same name on PostgreSQL.
    const row = await this.#sql.get<VersionRow>(
      'SELECT * FROM summary_versions WHERE board_id = ? ORDER BY opened_at DESC, rowid DESC LIMIT 1',
      [boardId],
    );
    return row ? toVersion(row) : null;
  }

  /** The version approved last (by the time its round closed). */
  async latestApproved(boardId: string): Promise<SummaryVersion | null> {
    const row = await this.#sql.get<VersionRow>(
      "SELECT * FROM summary_versions WHERE board_id = ? AND status = 'approved' ORDER BY closed_at DESC, rowid DESC LIMIT 1",
      [boardId],
    );
    return row ? toVersion(row) : null;
  }

  /** Closes an open version with its outcome; a version no longer open is left as it is. */
  async close(versionId: string, status: 'approved' | 'not-approved', at: number): Promise<void> {
    await this.#sql.run(
      "UPDATE summary_versions SET status = ?, closed_at = ? WHERE id = ? AND status = 'open'",
      [status, at, versionId],
    );
  }

  /** Every decision given on the version, in the order given. */
  async decisions(versionId: string): Promise<Decision[]> {
    const rows = await this.#sql.all<DecisionRow>(
      'SELECT * FROM summary_decisions WHERE version_id = ? ORDER BY at, rowid',
      [versionId],
    );
    return rows.map((row) => ({
      personId: row.person_id,
      name: row.name,
      city: row.city,
      decision: row.decision,
      reason: row.reason,
      at: row.at,
    }));
  }

  async decide(versionId: string, decision: Decision): Promise<void> {
    await this.#sql.run(
      'INSERT INTO summary_decisions (version_id, person_id, name, city, decision, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [
        versionId,
        decision.personId,
        decision.name,
        decision.city,
        decision.decision,
        decision.reason,
        decision.at,
      ],
    );
  }

  /** One consent per person and version, the latest answer. */
  async consents(versionId: string): Promise<ShareConsent[]> {
    const rows = await this.#sql.all<{ person_id: string; observers: number; public: number }>(
      'SELECT person_id, observers, public FROM share_consents WHERE version_id = ? ORDER BY at, person_id',
      [versionId],
    );
    return rows.map((row) => ({
      personId: row.person_id,
      observers: row.observers === 1,
      public: row.public === 1,
    }));
  }

  async consent(versionId: string, consent: ShareConsent, at: number): Promise<void> {
    await this.#sql.run(
      `INSERT INTO share_consents (version_id, person_id, observers, public, at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (version_id, person_id) DO UPDATE SET observers = excluded.observers, public = excluded.public, at = excluded.at`,
      [versionId, consent.personId, consent.observers ? 1 : 0, consent.public ? 1 : 0, at],
    );
  }
}
