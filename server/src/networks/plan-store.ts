import {
  planActionStatusSchema,
  planSectionIdSchema,
  type PlanActionStatus,
  type PlanSectionId,
} from '@empiria/shared';
import { inTransaction, type SqlQueries } from '../storage/sql/sql-database';

/**
 * The work plan's tables (migration "plan" in storage/sqlite-database.ts; PostgreSQL's migration
 * 2): each network's section texts with their revisions, its actions, and every status change of
 * an action. Rows are parsed back through the shared enums, so a bad row fails loudly instead of
 * passing as a plan.
 */

export interface SectionRecord {
  section: PlanSectionId;
  text: string;
  revision: number;
  updatedAt: string;
  updatedBy: string;
}

export interface ActionRecord {
  id: string;
  networkId: string;
  ownerCityId: string;
  ownerCity: string;
  title: string;
  deadline: string | null;
  status: PlanActionStatus;
  notes: string;
  decidedMeetingId: string | null;
  createdAt: string;
}

export interface ChangeRecord {
  actionId: string;
  at: string;
  byName: string;
  from: PlanActionStatus | null;
  to: PlanActionStatus;
  meetingId: string | null;
}

interface SectionRow {
  section: string;
  text: string;
  revision: number;
  updated_at: string;
  updated_by: string;
}

interface ActionRow {
  id: string;
  network_id: string;
  owner_city_id: string;
  owner_city: string;
  title: string;
  deadline: string | null;
  status: string;
  notes: string;
  decided_meeting_id: string | null;
  created_at: string;
}

interface ChangeRow {
  action_id: string;
  at: string;
  by_name: string;
  from_status: string | null;
  to_status: string;
  meeting_id: string | null;
}

const toAction = (row: ActionRow): ActionRecord => ({
  id: row.id,
  networkId: row.network_id,
  ownerCityId: row.owner_city_id,
  ownerCity: row.owner_city,
  title: row.title,
  deadline: row.deadline,
  status: planActionStatusSchema.parse(row.status),
  notes: row.notes,
  decidedMeetingId: row.decided_meeting_id,
  createdAt: row.created_at,
});

const ACTION_COLUMNS = `a.id, a.network_id, a.owner_city_id, c.name AS owner_city, a.title, a.deadline, a.status,
  a.notes, a.decided_meeting_id, a.created_at`;

/**
 * The work plan's rows, on either engine. Callers run check-then-write inside `transaction`,
 * whose work gets the store bound to that transaction.
 */
export class PlanStore {
  readonly #sql: SqlQueries;

  constructor(sql: SqlQueries) {
    this.#sql = sql;
  }

  transaction<T>(work: (store: PlanStore) => Promise<T>): Promise<T> {
    return inTransaction(this.#sql, (tx) => work(new PlanStore(tx)));
  }

  /** The sections written so far (a section never written has no row). */
  async sections(networkId: string): Promise<SectionRecord[]> {
    const rows = await this.#sql.all<SectionRow>(
      'SELECT section, text, revision, updated_at, updated_by FROM plan_sections WHERE network_id = ? ORDER BY section',
      [networkId],
    );
    return rows.map((row) => ({
      section: planSectionIdSchema.parse(row.section),
      text: row.text,
      revision: row.revision,
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
    }));
  }

  /** Writes the section at `record.revision`; the caller has checked the revision it replaces. */
  async putSection(networkId: string, record: SectionRecord): Promise<void> {
    await this.#sql.run(
      `INSERT INTO plan_sections (network_id, section, text, revision, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (network_id, section) DO UPDATE SET
         text = excluded.text, revision = excluded.revision,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [networkId, record.section, record.text, record.revision, record.updatedAt, record.updatedBy],
    );
  }

  /** The network's actions in the order they were made. */
  async actions(networkId: string): Promise<ActionRecord[]> {
    const rows = await this.#sql.all<ActionRow>(
      `SELECT ${ACTION_COLUMNS} FROM plan_actions a JOIN cities c ON c.id = a.owner_city_id
       WHERE a.network_id = ? ORDER BY a.created_at, a.id`,
      [networkId],
    );
    return rows.map(toAction);
  }

  async action(actionId: string): Promise<ActionRecord | null> {
    const row = await this.#sql.get<ActionRow>(
      `SELECT ${ACTION_COLUMNS} FROM plan_actions a JOIN cities c ON c.id = a.owner_city_id WHERE a.id = ?`,
      [actionId],
    );
    return row ? toAction(row) : null;
  }

  async insertAction(action: Omit<ActionRecord, 'ownerCity'>): Promise<void> {
    await this.#sql.run(
      `INSERT INTO plan_actions (id, network_id, owner_city_id, title, deadline, status, notes, decided_meeting_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        action.id,
        action.networkId,
        action.ownerCityId,
        action.title,
        action.deadline,
        action.status,
        action.notes,
        action.decidedMeetingId,
        action.createdAt,
      ],
    );
  }

  async updateAction(action: Omit<ActionRecord, 'ownerCity' | 'networkId' | 'createdAt'>): Promise<void> {
    await this.#sql.run(
      `UPDATE plan_actions SET owner_city_id = ?, title = ?, deadline = ?, status = ?, notes = ?,
         decided_meeting_id = ? WHERE id = ?`,
      [
        action.ownerCityId,
        action.title,
        action.deadline,
        action.status,
        action.notes,
        action.decidedMeetingId,
        action.id,
      ],
    );
  }

  /** Records a status change after every change recorded before it. */
  async insertChange(change: ChangeRecord): Promise<void> {
    await this.#sql.run(
      `INSERT INTO plan_action_changes (action_id, at, by_name, from_status, to_status, meeting_id)
       VALUES (?, ?, ?, ?, ?, ?)`,
      [change.actionId, change.at, change.byName, change.from, change.to, change.meetingId],
    );
  }

  /** The network meeting held on a board, if the board is one. */
  async meetingOfBoard(boardId: string): Promise<{ meetingId: string; networkId: string } | null> {
    const row = await this.#sql.get<{ id: string; network_id: string }>(
      'SELECT id, network_id FROM meetings WHERE board_id = ?',
      [boardId],
    );
    return row ? { meetingId: row.id, networkId: row.network_id } : null;
  }

  /** Every status change of the network's actions, oldest first. */
  async changes(networkId: string): Promise<ChangeRecord[]> {
    const rows = await this.#sql.all<ChangeRow>(
      `SELECT ch.action_id, ch.at, ch.by_name, ch.from_status, ch.to_status, ch.meeting_id
       FROM plan_action_changes ch JOIN plan_actions a ON a.id = ch.action_id
       WHERE a.network_id = ? ORDER BY ch.seq`,
      [networkId],
    );
    return rows.map((row) => ({
      actionId: row.action_id,
      at: row.at,
      byName: row.by_name,
      from: row.from_status === null ? null : planActionStatusSchema.parse(row.from_status),
      to: planActionStatusSchema.parse(row.to_status),
      meetingId: row.meeting_id,
    }));
  }
}
