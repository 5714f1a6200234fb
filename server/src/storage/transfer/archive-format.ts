import { z } from 'zod';
import type { ColumnLayout, ColumnType } from './table-layout';

/**
 * The archive `empiria export` writes and `empiria import` reads: gzip'd JSON lines, one value a
 * line, in this order (docs/operations.md, "Export and import"):
 *
 *   {"kind":"empiria-export","formatVersion":1,…,"tables":[…]}   the header
 *   {"kind":"table","name":"boards","identity":null}             then per table, referenced first:
 *   ["b1","Warsztat",…]                                          its rows, one JSON array each
 *   {"kind":"file","path":"photos/p1.jpg","size":123}            then per file under DATA_DIR:
 *   "…base64…"                                                   its bytes in chunks
 *   {"kind":"file-end","sha256":"…"}
 *   {"kind":"end","rows":{"boards":3,…},"files":1}               and the count of everything
 *
 * A row holds its columns in the header's order: text as a string, integer and real as a number,
 * blob as base64, null as null. Every line is checked on import; an archive that stops early has
 * no `end` and is refused.
 */
export const ARCHIVE_KIND = 'empiria-export';
export const ARCHIVE_FORMAT_VERSION = 1;
/** Raw bytes per file chunk line (base64 makes it a third longer). */
export const FILE_CHUNK_BYTES = 1024 * 1024;
/**
 * No line of an archive is longer: a row holding a document snapshot of up to 96 MB (a board's is
 * rarely a few); export refuses a longer row rather than write an archive import would refuse.
 */
export const MAX_LINE_CHARS = 128 * 1024 * 1024;

export const engineSchema = z.enum(['sqlite', 'postgresql']);
export type Engine = z.infer<typeof engineSchema>;

const nameSchema = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'a table or column name');
const columnSchema = z.object({
  name: nameSchema,
  type: z.enum(['text', 'integer', 'real', 'blob']),
  notNull: z.boolean(),
});

export const archiveHeaderSchema = z.object({
  kind: z.literal(ARCHIVE_KIND),
  formatVersion: z.literal(ARCHIVE_FORMAT_VERSION),
  createdAt: z.iso.datetime(),
  source: engineSchema,
  /** The schema versions of the Empiria that wrote it, per engine (one release, both lists). */
  schema: z.object({
    sqlite: z.number().int().min(1),
    postgresql: z.number().int().min(1),
  }),
  tables: z.array(z.object({ name: nameSchema, columns: z.array(columnSchema).min(1) })).min(1),
});
export type ArchiveHeader = z.infer<typeof archiveHeaderSchema>;

export const tableStartSchema = z.object({
  kind: z.literal('table'),
  name: nameSchema,
  /** The AUTOINCREMENT/identity column's high-water mark (0: none drawn yet); null: no such column. */
  identity: z.object({ column: nameSchema, highWater: z.number().int().min(0) }).nullable(),
});
export type TableStart = z.infer<typeof tableStartSchema>;

/**
 * A file's path relative to DATA_DIR, `/`-separated: only under the folders an installation keeps
 * uploads in, or one of its secrets. Nothing that could climb out of DATA_DIR.
 */
export const ARCHIVED_FOLDERS = ['photos', 'network-documents'] as const;
export const ARCHIVED_FILES = ['secret', 'admin-token'] as const;

export const archivedPathSchema = z
  .string()
  .max(1024)
  .refine(
    (value) =>
      (ARCHIVED_FILES as readonly string[]).includes(value) ||
      (ARCHIVED_FOLDERS.some((folder) => value.startsWith(`${folder}/`)) &&
        value
          .split('/')
          .every((part) => part !== '' && part !== '.' && part !== '..' && !part.includes('\\'))),
    'a path under photos/ or network-documents/, or secret or admin-token',
  );

export const fileStartSchema = z.object({
  kind: z.literal('file'),
  path: archivedPathSchema,
  size: z.number().int().min(0),
});
export type FileStart = z.infer<typeof fileStartSchema>;

export const fileEndSchema = z.object({
  kind: z.literal('file-end'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const archiveEndSchema = z.object({
  kind: z.literal('end'),
  rows: z.record(nameSchema, z.number().int().min(0)),
  files: z.number().int().min(0),
});
export type ArchiveEnd = z.infer<typeof archiveEndSchema>;

export const fileChunkSchema = z.base64().max(Math.ceil(FILE_CHUNK_BYTES / 3) * 4);

/** A value as stored in a row line: what `encodeValue` writes for a column of each type. */
export type ArchiveValue = string | number | null;

const safeInteger = z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const valueSchemas: Record<ColumnType, z.ZodType<string | number>> = {
  text: z.string(),
  integer: safeInteger,
  real: z.number(),
  blob: z.base64(),
};

/** The schema of one table's row lines: exactly its columns, each of its type, null only where allowed. */
export function rowSchema(columns: readonly ColumnLayout[]): z.ZodType<ArchiveValue[]> {
  const items = columns.map((column) => {
    const value = valueSchemas[column.type];
    return column.notNull ? value : value.nullable();
  });
  return z.array(z.union([z.string(), z.number(), z.null()])).superRefine((row, context) => {
    if (row.length !== columns.length) {
      context.addIssue({ code: 'custom', message: `${row.length} values for ${columns.length} columns` });
      return;
    }
    row.forEach((value, index) => {
      const column = columns[index] as ColumnLayout;
      const checked = (items[index] as z.ZodType).safeParse(value);
      if (!checked.success) {
        context.addIssue({
          code: 'custom',
          message: `column ${column.name} (${column.type}${column.notNull ? ', not null' : ''}): ${
            value === null ? 'null' : typeof value
          } ${checked.error.issues[0]?.message ?? ''}`.trim(),
        });
      }
    });
  });
}

/** A value read from either engine, as the archive holds it; refuses what the column cannot hold. */
export function encodeValue(table: string, column: ColumnLayout, value: unknown): ArchiveValue {
  const where = `${table}.${column.name}`;
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'text':
      if (typeof value === 'string') return value;
      if (value instanceof Date) return value.toISOString();
      break;
    case 'integer':
      if (
        typeof value === 'bigint' &&
        value <= BigInt(Number.MAX_SAFE_INTEGER) &&
        value >= BigInt(Number.MIN_SAFE_INTEGER)
      ) {
        return Number(value);
      }
      if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
      break;
    case 'real':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      break;
    case 'blob':
      if (value instanceof Uint8Array)
        return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
      break;
  }
  throw new Error(
    `${where} holds ${typeof value === 'object' ? 'an object' : `the ${typeof value} ${String(value).slice(0, 40)}`}, not ${column.type}`,
  );
}

/** A row line's value as the engines take it: blobs back to bytes. */
export function decodeValue(column: ColumnLayout, value: ArchiveValue): string | number | Buffer | null {
  if (value === null) return null;
  if (column.type === 'blob') return Buffer.from(value as string, 'base64');
  return value;
}
