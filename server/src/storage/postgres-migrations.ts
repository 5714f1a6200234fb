/**
 * PostgreSQL's schema, migration N being the N-th entry (schema-migrations.ts). Only the stores
 * already on PostgreSQL have tables here (docs/operations.md, "Engines"); each store that moves
 * adds its tables as a new entry at the end, never by editing a released one.
 */
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
];
