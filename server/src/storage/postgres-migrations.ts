/**
 * PostgreSQL's schema, migration N being the N-th entry (schema-migrations.ts), never edited once
 * released: a change is a new entry at the end.
 *
 * **Every schema change is written for both engines**, here and in MIGRATIONS of
 * sqlite-database.ts, in the same commit: the same tables with the same columns in the same order,
 * nullability, defaults, keys, checks and indexes, translated (INTEGER PRIMARY KEY AUTOINCREMENT →
 * BIGINT GENERATED ALWAYS AS IDENTITY, BLOB → BYTEA, REAL → DOUBLE PRECISION, milliseconds and
 * byte counts → BIGINT, IFNULL → COALESCE). test/integration/postgres-schema-parity.test.ts fails
 * on any difference, and `empiria export`/`import` (storage/transfer/) relies on it to move an
 * installation between the engines. What PostgreSQL has beyond SQLite only stands in for an
 * SQLite feature, and the parity test knows each kind:
 * - a `rowid` identity column, last, on the tables in POSTGRES_ROWID_TABLES: their stores break
 *   ties in insertion order with SQLite's implicit rowid (`ORDER BY created_at, rowid`), which
 *   PostgreSQL does not have; with a column of that name the same SQL reads the same on both;
 * - a generated column (the full-text `search_vector` of `search_entries`, SQLite's FTS5 table).
 */
export const POSTGRES_ROWID_TABLES: readonly string[] = [
  'invites',
  'vote_sessions',
  'summary_versions',
  'summary_decisions',
  'people',
  'network_members',
  'network_people',
];

export const POSTGRES_MIGRATIONS: readonly string[] = [
  // 1: the Yjs documents (postgres-document-store.ts): the update log, whose identity gives the
  // sequence numbers, and one snapshot per document covering the log up to `upto_seq`.
  `
  CREATE TABLE doc_updates (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_key TEXT NOT NULL,
    data BYTEA NOT NULL
  );
  CREATE INDEX doc_updates_by_key ON doc_updates (doc_key, seq);
  CREATE TABLE doc_snapshots (
    doc_key TEXT PRIMARY KEY,
    data BYTEA NOT NULL,
    upto_seq BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
  );
  `,
  // 2: every other table of the SQLite schema (its MIGRATIONS 1–25), so that each store can move
  // (issue #14) and `empiria export`/`import` can move a whole installation. Timestamps stay as
  // each SQLite table has them: ISO text where it has TEXT, milliseconds where it has INTEGER.
  // Booleans stay INTEGER 0/1 with their checks, so a store's SQL reads the same on both engines.
  // `search_entries` is SQLite's FTS5 table made plain: `folded` is already lowercased and stripped
  // of Polish diacritics (ł too) by shared/src/networks/text-folding.ts before it is stored, so the
  // 'simple' configuration (lowercase, no stemming, no stop words) matches it as FTS5's
  // `remove_diacritics 0` does, without the `unaccent` extension (which needs a superuser; D30).
  // `survey_respondents`/`survey_answers` were SQLite WITHOUT ROWID tables so that their stored
  // order is not arrival order ([SV3]); PostgreSQL has no such tables, see docs/operations.md.
  `
  CREATE TABLE boards (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    format TEXT NOT NULL,
    created_at TEXT NOT NULL,
    language TEXT NOT NULL DEFAULT 'pl',
    agenda TEXT,
    format_version INTEGER NOT NULL DEFAULT 1 CHECK (format_version >= 1)
  );
  CREATE TABLE invites (
    id TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT,
    rowid BIGINT GENERATED ALWAYS AS IDENTITY
  );
  CREATE INDEX invites_by_board ON invites (board_id, role);

  CREATE TABLE vote_sessions (
    id TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    settings TEXT NOT NULL,
    status TEXT NOT NULL,
    opened_at BIGINT NOT NULL,
    closed_at BIGINT,
    rowid BIGINT GENERATED ALWAYS AS IDENTITY
  );
  CREATE INDEX vote_sessions_by_board ON vote_sessions (board_id, opened_at);
  CREATE TABLE ballots (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES vote_sessions(id) ON DELETE CASCADE,
    voter_id TEXT NOT NULL,
    voter_name TEXT NOT NULL,
    voter_city TEXT NOT NULL,
    target_id TEXT NOT NULL,
    cast_at BIGINT NOT NULL
  );
  CREATE INDEX ballots_by_session ON ballots (session_id, voter_id);
  CREATE TABLE private_rounds (
    id TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    step_id TEXT,
    status TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    revealed_at BIGINT
  );
  CREATE INDEX private_rounds_by_board ON private_rounds (board_id, started_at);
  CREATE TABLE private_notes (
    id TEXT NOT NULL,
    round_id TEXT NOT NULL REFERENCES private_rounds(id) ON DELETE CASCADE,
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL,
    author_city TEXT NOT NULL,
    text TEXT NOT NULL,
    x DOUBLE PRECISION NOT NULL,
    y DOUBLE PRECISION NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (round_id, id)
  );

  CREATE TABLE attendance (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL,
    name TEXT NOT NULL,
    city TEXT NOT NULL,
    role TEXT NOT NULL,
    location TEXT,
    joined_at BIGINT NOT NULL,
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
    opened_at BIGINT NOT NULL,
    closed_at BIGINT,
    rowid BIGINT GENERATED ALWAYS AS IDENTITY
  );
  CREATE INDEX summary_versions_by_board ON summary_versions (board_id, opened_at);
  CREATE TABLE summary_decisions (
    version_id TEXT NOT NULL REFERENCES summary_versions(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL,
    name TEXT NOT NULL,
    city TEXT NOT NULL,
    decision TEXT NOT NULL,
    reason TEXT,
    at BIGINT NOT NULL,
    rowid BIGINT GENERATED ALWAYS AS IDENTITY
  );
  CREATE INDEX summary_decisions_by_version ON summary_decisions (version_id, at);
  CREATE TABLE share_consents (
    version_id TEXT NOT NULL REFERENCES summary_versions(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL,
    observers INTEGER NOT NULL,
    public INTEGER NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (version_id, person_id)
  );

  CREATE TABLE photos (
    id TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    step_id TEXT,
    mime TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    orientation INTEGER NOT NULL,
    bytes BIGINT NOT NULL,
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX photos_by_board ON photos (board_id, step_id, created_at);

  CREATE TABLE people (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    role TEXT NOT NULL,
    invite_id TEXT,
    secret_hash TEXT,
    name TEXT NOT NULL,
    city TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_joined_at BIGINT NOT NULL,
    removed_at BIGINT,
    merged_into TEXT,
    rowid BIGINT GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (board_id, id)
  );
  CREATE UNIQUE INDEX people_by_secret ON people (board_id, role, secret_hash) WHERE secret_hash IS NOT NULL;

  CREATE TABLE set_aside_records (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    board_id TEXT NOT NULL,
    doc TEXT NOT NULL,
    record_key TEXT,
    reason TEXT NOT NULL,
    data TEXT NOT NULL,
    set_aside_at BIGINT NOT NULL
  );
  CREATE INDEX set_aside_by_board ON set_aside_records (board_id, set_aside_at);

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
    rowid BIGINT GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (network_id, city_id)
  );
  CREATE TABLE persons (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT,
    city_id TEXT REFERENCES cities(id),
    created_at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX persons_by_email ON persons (email) WHERE email IS NOT NULL;
  CREATE TABLE network_people (
    network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id),
    role TEXT NOT NULL,
    added_at TEXT NOT NULL,
    rowid BIGINT GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (network_id, person_id)
  );
  CREATE TABLE personal_links (
    id TEXT PRIMARY KEY,
    network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id),
    created_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE UNIQUE INDEX personal_links_active ON personal_links (network_id, person_id) WHERE revoked_at IS NULL;
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
  CREATE INDEX meetings_by_network ON meetings (network_id, starts_at);
  CREATE TABLE invitations (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id),
    substitute_for TEXT,
    answer TEXT,
    substitute_id TEXT,
    answered_at TEXT,
    PRIMARY KEY (meeting_id, person_id)
  );

  CREATE TABLE search_entries (
    folded TEXT,
    board_id TEXT,
    source TEXT,
    kind TEXT,
    place TEXT,
    text TEXT,
    search_vector TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, COALESCE(folded, ''))) STORED
  );
  CREATE INDEX search_entries_by_words ON search_entries USING GIN (search_vector);
  CREATE INDEX search_entries_by_board ON search_entries (board_id, source);
  CREATE TABLE search_marks (
    board_id TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('note', 'board')),
    mark TEXT NOT NULL,
    indexed_at TEXT NOT NULL,
    PRIMARY KEY (board_id, source)
  );

  CREATE TABLE invitation_mails (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id),
    email TEXT,
    revision INTEGER NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'no-email', 'failed')),
    message_id TEXT,
    reason TEXT,
    at TEXT NOT NULL
  );
  CREATE INDEX invitation_mails_by_meeting ON invitation_mails (meeting_id, person_id, revision);

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
  CREATE INDEX attendance_walk_ins_by_meeting ON attendance_walk_ins (meeting_id, added_at);
  CREATE TABLE organiser_invite_grants (
    meeting_id TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    granted_at TEXT NOT NULL
  );

  CREATE TABLE forum_threads (
    id TEXT PRIMARY KEY,
    network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('material', 'question', 'need')),
    title TEXT NOT NULL,
    author_id TEXT NOT NULL REFERENCES persons(id),
    created_at TEXT NOT NULL,
    last_post_at TEXT NOT NULL
  );
  CREATE INDEX forum_threads_by_network ON forum_threads (network_id, last_post_at);
  CREATE TABLE forum_posts (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    thread_id TEXT NOT NULL REFERENCES forum_threads(id) ON DELETE CASCADE,
    author_id TEXT NOT NULL REFERENCES persons(id),
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    edited_at TEXT,
    hidden_at TEXT,
    hidden_by TEXT
  );
  CREATE INDEX forum_posts_by_thread ON forum_posts (thread_id, seq);
  CREATE TABLE forum_reads (
    thread_id TEXT NOT NULL REFERENCES forum_threads(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id),
    read_seq BIGINT NOT NULL,
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

  CREATE TABLE public_networks (
    network_id TEXT PRIMARY KEY REFERENCES networks(id) ON DELETE CASCADE,
    opened_by TEXT NOT NULL,
    opened_at TEXT NOT NULL
  );

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
  CREATE INDEX plan_actions_by_network ON plan_actions (network_id, created_at);
  CREATE TABLE plan_action_changes (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    action_id TEXT NOT NULL REFERENCES plan_actions(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    by_name TEXT NOT NULL,
    from_status TEXT CHECK (from_status IS NULL OR from_status IN ('planned', 'in-progress', 'done', 'dropped')),
    to_status TEXT NOT NULL CHECK (to_status IN ('planned', 'in-progress', 'done', 'dropped')),
    meeting_id TEXT REFERENCES meetings(id) ON DELETE SET NULL
  );
  CREATE INDEX plan_action_changes_by_action ON plan_action_changes (action_id, seq);

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
  CREATE INDEX surveys_by_network ON surveys (network_id, created_at);
  CREATE TABLE survey_respondents (
    survey_id TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id),
    PRIMARY KEY (survey_id, person_id)
  );
  CREATE TABLE survey_answers (
    survey_id TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    answer_key TEXT NOT NULL,
    person_id TEXT REFERENCES persons(id),
    answers TEXT NOT NULL,
    PRIMARY KEY (survey_id, answer_key)
  );

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
    ON network_files (network_id, COALESCE(folder_id, ''), name_key) WHERE deleted_at IS NULL;
  CREATE TABLE network_file_versions (
    file_id TEXT NOT NULL REFERENCES network_files(id) ON DELETE CASCADE,
    version INTEGER NOT NULL CHECK (version >= 1),
    storage_key TEXT NOT NULL UNIQUE,
    bytes BIGINT NOT NULL CHECK (bytes >= 0),
    uploaded_by TEXT REFERENCES persons(id),
    uploaded_at TEXT NOT NULL,
    PRIMARY KEY (file_id, version)
  );

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
  CREATE INDEX office_hours_slots_by_network ON office_hours_slots (network_id, starts_at);
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
  // 3: a private note's height once revealed, as its author's screen measured it (tldraw's `growY`
  // and `fontSizeAdjustment`, D54); null for notes sent without it, which the reveal estimates.
  `
  ALTER TABLE private_notes ADD COLUMN grow_y DOUBLE PRECISION;
  ALTER TABLE private_notes ADD COLUMN font_size_adjustment DOUBLE PRECISION;
  `,
];
