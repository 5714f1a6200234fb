/**
 * The layout of a board's `canvas` Yjs document, shared by the client that binds tldraw to it and
 * the server that writes templates and results into it:
 * - `records`: a Y.Array holding a YKeyValue (y-utility) of tldraw records by id. YKeyValue, not a
 *   Y.Map, because a Y.Map keeps every overwritten value and grows without bound under dragging;
 * - `meta`: a Y.Map; `schema` holds the serialized tldraw schema the records were written with, so
 *   a newer client can migrate an older board.
 */
export const CANVAS_RECORDS_ARRAY = 'records';
export const CANVAS_META_MAP = 'meta';
export const CANVAS_SCHEMA_KEY = 'schema';
