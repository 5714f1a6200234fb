import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { pendingMigrations } from './schema-migrations';

/**
 * The embedded database: one SQLite file under DATA_DIR in WAL mode. With WAL and
 * synchronous=NORMAL a committed transaction survives a crash of this process (it is in the OS's
 * page cache); only a power loss may lose the last commits. Migrations run in order at open, each
 * in a transaction that also records it in `schema_migrations` (schema-migrations.ts).
 *
 * **Every schema change is written for both engines**, here and in POSTGRES_MIGRATIONS of
 * postgres-migrations.ts (whose header has the translation rules), in the same commit:
 * test/integration/postgres-schema-parity.test.ts fails when a table or column is on one engine
 * only, and `empiria export`/`import` moves every table between them.
 */
export type SqliteDatabase = Database.Database;

export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE boards (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    format TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE invites (
    id TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE INDEX invites_by_board ON invites(board_id, role);
  CREATE TABLE doc_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_key TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX doc_updates_by_key ON doc_updates(doc_key, seq);
  CREATE TABLE doc_snapshots (
    doc_key TEXT PRIMARY KEY,
    data BLOB NOT NULL,
    upto_seq INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
  // 2: the language a board's template is written in.
  `ALTER TABLE boards ADD COLUMN language TEXT NOT NULL DEFAULT 'pl';`,
  // 3: dot voting and private writing, kept by the server because they must not be forged or
  // read early.
  `
  CREATE TABLE vote_sessions (
    id TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    settings TEXT NOT NULL,
    status TEXT NOT NULL,
    opened_at INTEGER NOT NULL,
    closed_at INTEGER
  );
  CREATE INDEX vote_sessions_by_board ON vote_sessions(board_id, opened_at);
  CREATE TABLE ballots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT NOT NULL REFERENCES vote_sessions(id) ON DELETE CASCADE,
    voter_id TEXT NOT NULL,
    voter_name TEXT NOT NULL,
    voter_city TEXT NOT NULL,
    target_id TEXT NOT NULL,
    cast_at INTEGER NOT NULL
  );
  CREATE INDEX ballots_by_session ON ballots(session_id, voter_id);
  CREATE TABLE private_rounds (
    id TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    step_id TEXT,
    status TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    revealed_at INTEGER
  );
  CREATE INDEX private_rounds_by_board ON private_rounds(board_id, started_at);
  CREATE TABLE private_notes (
    id TEXT NOT NULL,
    round_id TEXT NOT NULL REFERENCES private_rounds(id) ON DELETE CASCADE,
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL,
    author_city TEXT NOT NULL,
    text TEXT NOT NULL,
    x REAL NOT NULL,
    y REAL NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (round_id, id)
  );
  `,
  // 4: attendance (who joined, in the room or online) and the summary note's approval rounds:
  // frozen versions are immutable, with who decided what and when.
  `
  CREATE TABLE attendance (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL,
    name TEXT NOT NULL,
    city TEXT NOT NULL,
    role TEXT NOT NULL,
    location TEXT,
    joined_at INTEGER NOT NULL,
    PRIMARY KEY (board_id, person_id)
  );
  CREATE TABLE summary_versions (
    id TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    hash TEXT NOT NULL,
    content TEXT NOT NULL,
    rule TEXT NOT NULL,
    eligible TEXT NOT NULL,
    status TEXT NOT NULL,
    opened_at INTEGER NOT NULL,
    closed_at INTEGER
  );
  CREATE INDEX summary_versions_by_board ON summary_versions(board_id, opened_at);
  CREATE TABLE summary_decisions (
    version_id TEXT NOT NULL REFERENCES summary_versions(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL,
    name TEXT NOT NULL,
    city TEXT NOT NULL,
    decision TEXT NOT NULL,
    reason TEXT,
    at INTEGER NOT NULL
  );
  CREATE INDEX summary_decisions_by_version ON summary_decisions(version_id, at);
  CREATE TABLE share_consents (
    version_id TEXT NOT NULL REFERENCES summary_versions(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL,
    observers INTEGER NOT NULL,
    public INTEGER NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (version_id, person_id)
  );
  `,
  // 5: photos of paper sheets (the files live under DATA_DIR/photos).
  `
  CREATE TABLE photos (
    id TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    step_id TEXT,
    mime TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    orientation INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX photos_by_board ON photos(board_id, step_id, created_at);
  `,
  // 6: the people of each board ([I1]–[I3]): a browser that joins again with its device secret
  // (kept here only as a hash) is the same person; the facilitator merges a human's two devices
  // or removes an identity. People who joined before this migration are taken from the
  // attendance, so their sessions keep working.
  `
  CREATE TABLE people (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    role TEXT NOT NULL,
    invite_id TEXT,
    secret_hash TEXT,
    name TEXT NOT NULL,
    city TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_joined_at INTEGER NOT NULL,
    removed_at INTEGER,
    merged_into TEXT,
    PRIMARY KEY (board_id, id)
  );
  CREATE UNIQUE INDEX people_by_secret ON people(board_id, role, secret_hash) WHERE secret_hash IS NOT NULL;
  INSERT INTO people (board_id, id, role, name, city, created_at, last_joined_at)
    SELECT board_id, person_id, role, name, city, joined_at, joined_at FROM attendance;
  `,
  // 7: records the server set aside when it loaded a document ([D6]): kept for the facilitator
  // (and an administrator) to look at, never sent to the board's clients.
  `
  CREATE TABLE set_aside_records (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id TEXT NOT NULL,
    doc TEXT NOT NULL,
    record_key TEXT,
    reason TEXT NOT NULL,
    data TEXT NOT NULL,
    set_aside_at INTEGER NOT NULL
  );
  CREATE INDEX set_aside_by_board ON set_aside_records(board_id, set_aside_at);
  `,
  // 8: networks (issue #11): cities and people are shared by every network they belong to; a
  // meeting is a network's and owns one board. Boards made before this stay standalone (no
  // meeting row), so none is lost. `name_key` is a city's name folded for comparison.
  `
  CREATE TABLE cities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );
  CREATE TABLE networks (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    theme TEXT NOT NULL,
    description TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE network_members (
    network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    city_id TEXT NOT NULL REFERENCES cities(id),
    membership TEXT NOT NULL,
    joined_at TEXT NOT NULL,
    PRIMARY KEY (network_id, city_id)
  );
  CREATE TABLE persons (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT,
    city_id TEXT REFERENCES cities(id),
    created_at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX persons_by_email ON persons(email) WHERE email IS NOT NULL;
  CREATE TABLE network_people (
    network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id),
    role TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (network_id, person_id)
  );
  CREATE TABLE personal_links (
    id TEXT PRIMARY KEY,
    network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id),
    created_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE UNIQUE INDEX personal_links_active ON personal_links(network_id, person_id) WHERE revoked_at IS NULL;
  CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    board_id TEXT NOT NULL UNIQUE REFERENCES boards(id),
    title TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    mode TEXT NOT NULL,
    host_city_id TEXT REFERENCES cities(id),
    venue TEXT NOT NULL,
    room TEXT NOT NULL,
    catering_notes TEXT NOT NULL,
    agenda TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX meetings_by_network ON meetings(network_id, starts_at);
  CREATE TABLE invitations (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id),
    substitute_for TEXT,
    answer TEXT,
    substitute_id TEXT,
    answered_at TEXT,
    PRIMARY KEY (meeting_id, person_id)
  );
  `,
  // The search index of networks' notes (server/src/networks/archive-store.ts): FTS5 over text
  // folded for case and Polish diacritics (ł too, which remove_diacritics keeps), one row per note
  // section or board note; and what each board's rows were made from, so stale boards are re-read.
  `
  CREATE VIRTUAL TABLE search_entries USING fts5(
    folded, board_id UNINDEXED, source UNINDEXED, kind UNINDEXED, place UNINDEXED, text UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 0'
  );
  CREATE TABLE search_marks (
    board_id TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('note', 'board')),
    mark TEXT NOT NULL,
    indexed_at TEXT NOT NULL,
    PRIMARY KEY (board_id, source)
  );
  `,
  // A meeting's board keeps the agenda its steps are composed from (D16): JSON of a BoardAgenda,
  // validated when read; null for every other board (and every board made before this).
  `ALTER TABLE boards ADD COLUMN agenda TEXT;`,
  // 9: every invitation e-mail attempt (server/src/mail/invitation-mail-log.ts): who, which meeting
  // and which version of it (its calendar SEQUENCE), when, the Message-ID and the outcome.
  `
  CREATE TABLE invitation_mails (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id),
    email TEXT,
    revision INTEGER NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'no-email', 'failed')),
    message_id TEXT,
    reason TEXT,
    at TEXT NOT NULL
  );
  CREATE INDEX invitation_mails_by_meeting ON invitation_mails(meeting_id, person_id, revision);
  `,
  // The organiser's attendance list of each meeting (issue #12 item 4, [N19]): a mark per entry
  // (`person:<id>` an invitee, `board:<id>` someone who joined the board uninvited), people added by
  // hand (a member city's substitute, or an outside guest by institution); and the meetings for
  // which the pair let the organiser edit the invitee list and send the invitations ([N18]).
  `
  CREATE TABLE attendance_marks (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    entry_key TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('room', 'online', 'absent')),
    marked_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, entry_key)
  );
  CREATE TABLE attendance_walk_ins (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('substitute', 'guest')),
    name TEXT NOT NULL,
    city_id TEXT REFERENCES cities(id),
    institution TEXT,
    status TEXT NOT NULL CHECK (status IN ('room', 'online')),
    added_at TEXT NOT NULL,
    CHECK ((kind = 'substitute') = (city_id IS NOT NULL AND institution IS NULL))
  );
  CREATE INDEX attendance_walk_ins_by_meeting ON attendance_walk_ins(meeting_id, added_at);
  CREATE TABLE organiser_invite_grants (
    meeting_id TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    granted_at TEXT NOT NULL
  );
  `,
  // The network forum (server/src/networks/forum-store.ts, issue #12): threads of a network and
  // their posts (the first is the opening post), plain text only; `seq` orders every post and is
  // what a person's read mark per thread counts in; what a thread became (an agenda item; work-plan
  // actions of issue #13 will add their kind, with no meeting).
  `
  CREATE TABLE forum_threads (
    id TEXT PRIMARY KEY,
    network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('material', 'question', 'need')),
    title TEXT NOT NULL,
    author_id TEXT NOT NULL REFERENCES persons(id),
    created_at TEXT NOT NULL,
    last_post_at TEXT NOT NULL
  );
  CREATE INDEX forum_threads_by_network ON forum_threads(network_id, last_post_at);
  CREATE TABLE forum_posts (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    thread_id TEXT NOT NULL REFERENCES forum_threads(id) ON DELETE CASCADE,
    author_id TEXT NOT NULL REFERENCES persons(id),
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    edited_at TEXT,
    hidden_at TEXT,
    hidden_by TEXT
  );
  CREATE INDEX forum_posts_by_thread ON forum_posts(thread_id, seq);
  CREATE TABLE forum_reads (
    thread_id TEXT NOT NULL REFERENCES forum_threads(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id),
    read_seq INTEGER NOT NULL,
    PRIMARY KEY (thread_id, person_id)
  );
  CREATE TABLE forum_conversions (
    thread_id TEXT NOT NULL REFERENCES forum_threads(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('agenda-item')),
    meeting_id TEXT REFERENCES meetings(id) ON DELETE CASCADE,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (thread_id, kind),
    CHECK (kind <> 'agenda-item' OR meeting_id IS NOT NULL)
  );
  `,
  // The networks whose public page the pair opened (server/src/public/public-network-store.ts,
  // issue #13 item 6, [PUB1]): a row while it is open. What the page lists is each note's own
  // group consent to publish, read on every request, never stored here.
  `
  CREATE TABLE public_networks (
    network_id TEXT PRIMARY KEY REFERENCES networks(id) ON DELETE CASCADE,
    opened_by TEXT NOT NULL,
    opened_at TEXT NOT NULL
  );
  `,
  // The facilitators' reports after each meeting (server/src/networks/meeting-report-store.ts, issue
  // #13 item 2, [FR1]–[FR4]): one row per meeting once the pair first saves it; `content` is the
  // form as JSON (zod-checked on every read and write), `revision` raised by every save.
  `
  CREATE TABLE meeting_reports (
    meeting_id TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    revision INTEGER NOT NULL CHECK (revision > 0),
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    content TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    submitted_at TEXT,
    submitted_by TEXT,
    returned_at TEXT,
    returned_reason TEXT,
    CHECK (status <> 'submitted' OR submitted_at IS NOT NULL)
  );
  `,
  // The network's work plan (server/src/networks/plan-store.ts, issue #13 item 1, [W1]–[W5]): the
  // nine sections' text with a revision each (a save on an older revision is refused), the actions
  // owned by member cities, and every status change with who, when and at which meeting.
  `
  CREATE TABLE plan_sections (
    network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    section TEXT NOT NULL CHECK (section IN ('composition', 'resources', 'partners', 'challenges', 'goals', 'actions', 'implementation', 'sharing', 'organisation')),
    text TEXT NOT NULL,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (network_id, section)
  );
  CREATE TABLE plan_actions (
    id TEXT PRIMARY KEY,
    network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    owner_city_id TEXT NOT NULL REFERENCES cities(id),
    title TEXT NOT NULL,
    deadline TEXT,
    status TEXT NOT NULL CHECK (status IN ('planned', 'in-progress', 'done', 'dropped')),
    notes TEXT NOT NULL,
    decided_meeting_id TEXT REFERENCES meetings(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX plan_actions_by_network ON plan_actions(network_id, created_at);
  CREATE TABLE plan_action_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    action_id TEXT NOT NULL REFERENCES plan_actions(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    by_name TEXT NOT NULL,
    from_status TEXT CHECK (from_status IS NULL OR from_status IN ('planned', 'in-progress', 'done', 'dropped')),
    to_status TEXT NOT NULL CHECK (to_status IN ('planned', 'in-progress', 'done', 'dropped')),
    meeting_id TEXT REFERENCES meetings(id) ON DELETE SET NULL
  );
  CREATE INDEX plan_action_changes_by_action ON plan_action_changes(action_id, seq);
  `,
  // A network's surveys (server/src/networks/survey-store.ts, issue #13 item 3, [SV3]): who has
  // answered and what was answered are two tables sharing nothing but the survey, with no times,
  // WITHOUT ROWID and keyed by person id / a random key, so their stored order is not the order
  // of arrival and an anonymous answer cannot be joined back to a person.
  `
  CREATE TABLE surveys (
    id TEXT PRIMARY KEY,
    network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    meeting_id TEXT REFERENCES meetings(id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('trust', 'expectations', 'evaluation')),
    status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
    anonymous INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
    observers_may_answer INTEGER NOT NULL CHECK (observers_may_answer IN (0, 1)),
    questions TEXT NOT NULL,
    created_at TEXT NOT NULL,
    opened_at TEXT,
    closed_at TEXT
  );
  CREATE INDEX surveys_by_network ON surveys(network_id, created_at);
  CREATE TABLE survey_respondents (
    survey_id TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id),
    PRIMARY KEY (survey_id, person_id)
  ) WITHOUT ROWID;
  CREATE TABLE survey_answers (
    survey_id TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    answer_key TEXT NOT NULL,
    person_id TEXT REFERENCES persons(id),
    answers TEXT NOT NULL,
    PRIMARY KEY (survey_id, answer_key)
  ) WITHOUT ROWID;
  `,
  // A network's document space (server/src/networks/network-documents-store.ts, issue #13 item 5,
  // [DOC1]–[DOC5]): folders, files (a live name is unique in its folder; a deleted file keeps its
  // row and versions and frees its name) and every version, whose bytes live under
  // DATA_DIR/network-documents/<storage_key> (network-documents-file-store.ts), never named by people.
  `
  CREATE TABLE network_folders (
    id TEXT PRIMARY KEY,
    network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    shared_with_observers INTEGER NOT NULL DEFAULT 0 CHECK (shared_with_observers IN (0, 1)),
    created_by TEXT REFERENCES persons(id),
    created_at TEXT NOT NULL,
    UNIQUE (network_id, name_key)
  );
  CREATE TABLE network_files (
    id TEXT PRIMARY KEY,
    network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    folder_id TEXT REFERENCES network_folders(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('pdf', 'docx', 'xlsx', 'png', 'jpeg', 'webp')),
    shared_with_observers INTEGER NOT NULL DEFAULT 0 CHECK (shared_with_observers IN (0, 1)),
    created_at TEXT NOT NULL,
    deleted_at TEXT,
    deleted_by TEXT REFERENCES persons(id)
  );
  CREATE UNIQUE INDEX network_files_live_name
    ON network_files(network_id, IFNULL(folder_id, ''), name_key) WHERE deleted_at IS NULL;
  CREATE TABLE network_file_versions (
    file_id TEXT NOT NULL REFERENCES network_files(id) ON DELETE CASCADE,
    version INTEGER NOT NULL CHECK (version >= 1),
    storage_key TEXT NOT NULL UNIQUE,
    bytes INTEGER NOT NULL CHECK (bytes >= 0),
    uploaded_by TEXT REFERENCES persons(id),
    uploaded_at TEXT NOT NULL,
    PRIMARY KEY (file_id, version)
  );
`,
  // The expert's office hours (server/src/networks/office-hours-store.ts, issue #13 item 4): a
  // series the pair publishes, its slots in Warsaw wall-clock time, and at most one booking per
  // slot (the primary key: two simultaneous bookings cannot both land), whose answer makes it an
  // entry of the network's Q&A log.
  `
  CREATE TABLE office_hours_series (
    id TEXT PRIMARY KEY,
    network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    host_id TEXT NOT NULL REFERENCES persons(id),
    rule TEXT NOT NULL,
    location TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE office_hours_slots (
    id TEXT PRIMARY KEY,
    series_id TEXT NOT NULL REFERENCES office_hours_series(id) ON DELETE CASCADE,
    network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    cancelled_at TEXT,
    UNIQUE (series_id, starts_at)
  );
  CREATE INDEX office_hours_slots_by_network ON office_hours_slots(network_id, starts_at);
  CREATE TABLE office_hours_bookings (
    slot_id TEXT PRIMARY KEY REFERENCES office_hours_slots(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id),
    question TEXT NOT NULL,
    booked_at TEXT NOT NULL,
    answer TEXT,
    answered_by TEXT REFERENCES persons(id),
    answered_at TEXT,
    CHECK ((answer IS NULL) = (answered_at IS NULL))
  );
  `,
  // The version of its format a board was made with, read by every server site through
  // `formatOfBoard` (D26). Every board stored before this was made with version 1: no format had
  // another version until then.
  `ALTER TABLE boards ADD COLUMN format_version INTEGER NOT NULL DEFAULT 1 CHECK (format_version >= 1);`,
  // A private note's height once revealed, as its author's screen measured it (tldraw's `growY`
  // and `fontSizeAdjustment`, D54); null for notes sent without it, which the reveal estimates.
  `
  ALTER TABLE private_notes ADD COLUMN grow_y REAL;
  ALTER TABLE private_notes ADD COLUMN font_size_adjustment REAL;
  `,
];

export function openSqliteDatabase(file: string): SqliteDatabase {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/**
 * Releases before `schema_migrations` kept the schema's version in `PRAGMA user_version` only: a
 * database without rows there counts its first `user_version` migrations as applied (applied_at
 * unknown: NULL). `user_version` is still kept in step, so such a release refuses a newer database
 * instead of migrating it a second time.
 */
function migrate(db: SqliteDatabase): void {
  const legacyVersion = db.pragma('user_version', { simple: true }) as number;
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    applied_at TEXT
  )`);
  let applied = db
    .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
    .all()
    .map((row) => row.version);
  if (applied.length === 0 && legacyVersion > 0) {
    applied = Array.from({ length: legacyVersion }, (_, index) => index + 1);
    if (legacyVersion <= MIGRATIONS.length) {
      const record = db.prepare<[number]>(
        'INSERT INTO schema_migrations (version, applied_at) VALUES (?, NULL)',
      );
      db.transaction(() => applied.forEach((version) => record.run(version)))();
    }
  }
  if (legacyVersion > MIGRATIONS.length) applied.push(legacyVersion);
  const record = db.prepare<[number, string]>(
    'INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)',
  );
  for (const migration of pendingMigrations('SQLite', MIGRATIONS, applied)) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, new Date().toISOString());
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
