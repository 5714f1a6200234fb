import { isShared, type Decision, type ShareConsent } from '@empiria/shared';
import { toPerson, type PersonRow } from '../boards/people-store';
import { voterResolverOf } from '../boards/people-service';
import type { SqliteDatabase } from '../storage/sqlite-database';
import { sharingInputOf } from './approval-service';
import { toVersion, type DecisionRow, type VersionRow } from './version-store';

/**
 * Whether a board has an approved note `audience` may read — ApprovalService.hasApprovedNote,
 * answered synchronously from the SQLite file. Interim, and SQLite only: the networks' meeting
 * views (networks/meeting-service.ts, `MeetingBoards.noteApproved`) are still built synchronously
 * and cannot await the approval store yet. It reads the same tables and counts through the same
 * rules (`sharingInputOf`, `voterResolverOf`); it goes when the meeting views become async, before
 * the stores' database is switched to PostgreSQL.
 */
export function approvedNoteStatus(
  db: SqliteDatabase,
): (boardId: string, audience: 'members' | 'observers') => boolean {
  const latestApproved = db.prepare<[string], VersionRow>(
    "SELECT * FROM summary_versions WHERE board_id = ? AND status = 'approved' ORDER BY closed_at DESC, rowid DESC LIMIT 1",
  );
  const people = db.prepare<[string], PersonRow>(
    'SELECT * FROM people WHERE board_id = ? ORDER BY created_at, rowid',
  );
  const decisions = db.prepare<[string], DecisionRow>(
    'SELECT * FROM summary_decisions WHERE version_id = ? ORDER BY at, rowid',
  );
  const consents = db.prepare<[string], { person_id: string; observers: number; public: number }>(
    'SELECT person_id, observers, public FROM share_consents WHERE version_id = ? ORDER BY at, person_id',
  );
  return (boardId, audience) => {
    const row = latestApproved.get(boardId);
    if (!row) return false;
    if (audience === 'members') return true;
    const version = toVersion(row);
    const decided: Decision[] = decisions.all(version.id).map((d) => ({
      personId: d.person_id,
      name: d.name,
      city: d.city,
      decision: d.decision,
      reason: d.reason,
      at: d.at,
    }));
    const consented: ShareConsent[] = consents.all(version.id).map((c) => ({
      personId: c.person_id,
      observers: c.observers === 1,
      public: c.public === 1,
    }));
    const resolve = voterResolverOf(people.all(boardId).map(toPerson));
    return isShared(sharingInputOf(version, resolve, decided, consented), 'observers');
  };
}
