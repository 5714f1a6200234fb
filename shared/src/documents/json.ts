/**
 * A value JSON can hold, as tldraw's records (and their `meta`) must be. Declared once here so
 * that the code writing a record's metadata on either side needs no copy of its own.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export type JsonObject = { [key: string]: JsonValue };
