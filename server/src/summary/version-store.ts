import type { ApprovalRule, Decision, MeetingRecord, ShareConsent, SummaryBlock } from '@empiria/shared';
import type { SqliteDatabase } from '../storage/sqlite-database';

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

/** Frozen versions, decisions and consents to share. Versions are never edited, only closed. */
export class SqliteVersionStore {
  readonly #db: SqliteDatabase;
  readonly #s;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#s = {
      insert: db.prepare<[string, string, string, string, string, string, number]>(
        `INSERT INTO summary_versions (id, board_id, hash, content, rule, eligible, status, opened_at)
         VALUES (?, ?, ?, ?, ?, ?, 'open', ?)`,
      ),
      supersedeOpen: db.prepare<[number, string]>(
        "UPDATE summary_versions SET status = 'superseded', closed_at = ? WHERE board_id = ? AND status = 'open'",
      ),
      close: db.prepare<[string, number, string]>(
        "UPDATE summary_versions SET status = ?, closed_at = ? WHERE id = ? AND status = 'open'",
      ),
      get: db.prepare<[string, string], VersionRow>(
        'SELECT * FROM summary_versions WHERE id = ? AND board_id = ?',
      ),
      open: db.prepare<[string], VersionRow>(
        "SELECT * FROM summary_versions WHERE board_id = ? AND status = 'open' ORDER BY opened_at DESC LIMIT 1",
      ),
      latest: db.prepare<[string], VersionRow>(
        'SELECT * FROM summary_versions WHERE board_id = ? ORDER BY opened_at DESC, rowid DESC LIMIT 1',
      ),
      latestApproved: db.prepare<[string], VersionRow>(
        "SELECT * FROM summary_versions WHERE board_id = ? AND status = 'approved' ORDER BY closed_at DESC LIMIT 1",
      ),
      decisions: db.prepare<
        [string],
        {
          person_id: string;
          name: string;
          city: string;
          decision: 'approve' | 'object';
          reason: string | null;
          at: number;
        }
      >('SELECT * FROM summary_decisions WHERE version_id = ? ORDER BY at, rowid'),
      decide: db.prepare<[string, string, string, string, string, string | null, number]>(
        'INSERT INTO summary_decisions (version_id, person_id, name, city, decision, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      consents: db.prepare<[string], { person_id: string; observers: number; public: number }>(
        'SELECT * FROM share_consents WHERE version_id = ? ORDER BY at',
      ),
      consent: db.prepare<[string, string, number, number, number]>(
        `INSERT INTO share_consents (version_id, person_id, observers, public, at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(version_id, person_id) DO UPDATE SET observers = excluded.observers, public = excluded.public, at = excluded.at`,
      ),
    };
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  /** Stores a new open version; any round still open on the board is superseded by it. */
  freeze(version: Omit<SummaryVersion, 'status' | 'closedAt'>): SummaryVersion {
    this.#s.supersedeOpen.run(version.openedAt, version.boardId);
    this.#s.insert.run(
      version.id,
      version.boardId,
      version.hash,
      JSON.stringify(version.content),
      version.rule,
      JSON.stringify(version.eligible),
      version.openedAt,
    );
    return { ...version, status: 'open', closedAt: null };
  }

  get(boardId: string, versionId: string): SummaryVersion | null {
    const row = this.#s.get.get(versionId, boardId);
    return row ? toVersion(row) : null;
  }

  openVersion(boardId: string): SummaryVersion | null {
    const row = this.#s.open.get(boardId);
    return row ? toVersion(row) : null;
  }

  /** The board's latest version, whatever its status: the round the summary document shows. */
  latest(boardId: string): SummaryVersion | null {
    const row = this.#s.latest.get(boardId);
    return row ? toVersion(row) : null;
  }

  latestApproved(boardId: string): SummaryVersion | null {
    const row = this.#s.latestApproved.get(boardId);
    return row ? toVersion(row) : null;
  }

  close(versionId: string, status: 'approved' | 'not-approved', at: number): void {
    this.#s.close.run(status, at, versionId);
  }

  decisions(versionId: string): Decision[] {
    return this.#s.decisions.all(versionId).map((row) => ({
      personId: row.person_id,
      name: row.name,
      city: row.city,
      decision: row.decision,
      reason: row.reason,
      at: row.at,
    }));
  }

  decide(versionId: string, decision: Decision): void {
    this.#s.decide.run(
      versionId,
      decision.personId,
      decision.name,
      decision.city,
      decision.decision,
      decision.reason,
      decision.at,
    );
  }

  consents(versionId: string): ShareConsent[] {
    return this.#s.consents
      .all(versionId)
      .map((row) => ({ personId: row.person_id, observers: row.observers === 1, public: row.public === 1 }));
  }

  consent(versionId: string, consent: ShareConsent, at: number): void {
    this.#s.consent.run(versionId, consent.personId, consent.observers ? 1 : 0, consent.public ? 1 : 0, at);
  }
}
