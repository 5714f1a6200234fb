import { z } from 'zod';
import type { JsonObject, JsonValue } from '../documents/json';
import { slugSchema } from '../slug';

/**
 * What Empiria keeps in a tldraw record's `meta.empiria`: the one description of it, read and
 * written through this module by the client, the formats and the server (D23).
 *
 * - Known keys are checked by their schema wherever a record is stored: the server refuses a
 *   member's update that writes a malformed one, and the client undoes such a change before
 *   sending it ([D3], `checkCanvasEntry`).
 * - Unknown keys pass through untouched: a newer client's key survives an older server and an
 *   older client's edit. Only the keys below are Empiria's promise.
 * - Reading is forgiving: `recordMeta` and the named readers give each known key only when it is
 *   well formed, so one odd value never hides the rest of a record.
 *
 * To add a key: add it to `recordMetaShape` (optional, bounded), write it with `withRecordMeta`
 * or `metaWith`, read it with `recordMetaField` or a named reader here, and add it to the test
 * of every key the app writes (`record-meta.test.ts`).
 */

/** Long enough for any id the app makes (shape ids, step ids, people's ids); short enough to bound. */
const idSchema = z.string().min(1).max(200);
/** A person's or a city's name, as identities and earlier records carry them. */
const nameSchema = z.string().max(200);

/** Which part of a sheet a template shape draws. */
const templatePartSchema = z.enum([
  'sheet',
  'badge',
  'title',
  'instruction',
  'zone',
  'zone-label',
  'zone-hint',
  'header',
  'cell',
  'group',
  'arrow',
]);
export type TemplatePart = z.infer<typeof templatePartSchema>;

/**
 * The meta of every template shape: it marks the shape as the format's, not the group's (the
 * client keeps it locked, the summary skips it, [C1] keeps participants off it) and names what it
 * draws. A board keeps the format version it was made with, so a later version never
 * reinterprets old shapes.
 */
const templateMetaSchema = z.object({
  kind: z.literal('template'),
  formatId: idSchema,
  formatVersion: z.number().int().positive(),
  stepId: idSchema,
  part: templatePartSchema,
  zoneId: idSchema.optional(),
  /** For a cell or header: its cell id (as `zoneCells`) or header id. */
  partId: idSchema.optional(),
});
export type TemplateMeta = z.infer<typeof templateMetaSchema>;

/** Who wrote a note: stamped by the author's own client, or by the server for revealed notes. */
const noteAuthorSchema = z.object({
  id: idSchema,
  name: nameSchema,
  /** Notes of the first versions could lack it; read as no city. */
  city: nameSchema.default(''),
});
export type NoteAuthor = z.infer<typeof noteAuthorSchema>;

/** The zone (and cell) of a sheet a note or a cluster lies in; absent outside every zone. */
const noteZoneSchema = z.object({
  stepId: idSchema,
  zoneId: idSchema,
  cellId: idSchema.optional(),
});
export type NoteZone = z.infer<typeof noteZoneSchema>;

/**
 * Where a carried note or cluster lay before: a zone (and cell) of a step's sheet, with the
 * cluster it was in and the votes it had there. `carried.from` lists these, oldest first; the
 * current place is `zone`. Drafting reads a shape into every zone it has lain in, so carrying the
 * barriers on to the grouping sheet does not empty the barriers' list in the meeting notes.
 */
const carryStopSchema = z.object({
  stepId: slugSchema,
  zoneId: slugSchema,
  cellId: z.string().max(80).optional(),
  /** The name of the cluster the note was in there. */
  cluster: z.string().max(200).optional(),
  votes: z.number().int().min(0).optional(),
  place: z.number().int().min(1).optional(),
});
export type CarryStop = z.infer<typeof carryStopSchema>;

/**
 * A note the carry made to stand for another item: a vote's winner (a cluster, or a note) named
 * at the start of a row of the next sheet. It is not the group's material a second time: drafting
 * uses it as the row's title, and leaves it out of the source's zone.
 */
const carryCopySchema = z.object({
  id: z.string().max(200),
  stepId: slugSchema,
  zoneId: slugSchema,
  votes: z.number().int().min(0).optional(),
  place: z.number().int().min(1).optional(),
});
export type CarryCopy = z.infer<typeof carryCopySchema>;

const carriedMetaSchema = z.object({
  from: z.array(carryStopSchema).max(50),
  copyOf: carryCopySchema.optional(),
});
export type CarriedMeta = z.infer<typeof carriedMetaSchema>;

/** A cluster: a frame whose visible title is the group's name for the notes in it. */
const clusterMetaSchema = z.object({ name: z.string().max(1000).default('') });
export type ClusterMeta = z.infer<typeof clusterMetaSchema>;

/** Where a case card's answers were brought from: an earlier meeting's approved notes. */
const caseSourceSchema = z.object({
  meetingId: idSchema,
  meetingTitle: z.string().max(1000),
  startsAt: z.string().max(100),
});
export type CaseSource = z.infer<typeof caseSourceSchema>;

/** A photo put on the board from a phone: the step it was taken for, and who took it. */
const photoMetaSchema = z.object({
  stepId: idSchema.nullable(),
  author: z.object({ id: idSchema, name: nameSchema }),
});
export type PhotoMeta = z.infer<typeof photoMetaSchema>;

/** Where a note was written, when not on someone's own screen: `room`, typed in by the scribe. */
const noteSourceSchema = z.enum(['room']);
export type NoteSource = z.infer<typeof noteSourceSchema>;
export const ROOM_SOURCE: NoteSource = 'room';

/** Every key Empiria writes into `meta.empiria`, each optional: a record carries those it needs. */
const recordMetaShape = {
  // A template shape's (all of `templateMetaSchema` when `kind` is there).
  kind: templateMetaSchema.shape.kind,
  formatId: templateMetaSchema.shape.formatId,
  formatVersion: templateMetaSchema.shape.formatVersion,
  stepId: templateMetaSchema.shape.stepId,
  part: templateMetaSchema.shape.part,
  zoneId: idSchema,
  partId: idSchema,
  // A note's, a cluster's or a field text's.
  author: noteAuthorSchema,
  /** The private-writing round of a note still on its author's screen only (never synced). */
  private: idSchema,
  /** The private-writing round a note was revealed from (written by the server). */
  privateRound: idSchema,
  zone: noteZoneSchema,
  carried: carriedMetaSchema,
  cluster: clusterMetaSchema,
  source: noteSourceSchema,
  /** One of a meeting's agenda items, written on the welcome sheet by the server. */
  agendaItem: z.boolean(),
  /** A text written into a card template's form field: read like a note in the field's cell. */
  field: z.boolean(),
  broughtFrom: caseSourceSchema,
  photo: photoMetaSchema,
} as const;

type Shape = typeof recordMetaShape;
export type RecordMetaKey = keyof Shape;

/** `meta.empiria` of a record: the known keys checked, unknown keys kept (see above). */
export const recordMetaSchema = z
  .looseObject(
    Object.fromEntries(Object.entries(recordMetaShape).map(([key, schema]) => [key, schema.optional()])) as {
      [K in RecordMetaKey]: z.ZodOptional<Shape[K]>;
    },
  )
  .superRefine((meta, ctx) => {
    if (meta.kind === undefined) return;
    // A shape that says it is the template's is the template's whole: [C1] reads only `kind`.
    for (const issue of templateMetaSchema.safeParse(meta).error?.issues ?? [])
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  });
export type RecordMeta = z.infer<typeof recordMetaSchema>;

/** A change to `meta.empiria`: a key set to a value is written, a key set to undefined removed. */
export type RecordMetaPatch = { [K in RecordMetaKey]?: z.input<Shape[K]> | undefined };

interface WithMeta {
  meta?: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rawEmpiria(record: WithMeta | null | undefined): Record<string, unknown> | null {
  const meta = record?.meta;
  if (!isObject(meta)) return null;
  return isObject(meta.empiria) ? meta.empiria : null;
}

/** One known key of a record's `meta.empiria`, when it is there and well formed; else undefined. */
export function recordMetaField<K extends RecordMetaKey>(
  record: WithMeta | null | undefined,
  key: K,
): z.output<Shape[K]> | undefined {
  const raw = rawEmpiria(record);
  if (!raw || !Object.hasOwn(raw, key)) return undefined;
  const parsed = recordMetaShape[key].safeParse(raw[key]);
  return parsed.success ? (parsed.data as z.output<Shape[K]>) : undefined;
}

/**
 * A record's `meta.empiria` as readers see it: each known key when well formed, unknown keys as
 * stored, `{}` for a record without one.
 */
export function recordMeta(record: WithMeta | null | undefined): RecordMeta {
  const raw = rawEmpiria(record);
  if (!raw) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(recordMetaShape, key)) {
      out[key] = value;
      continue;
    }
    const field = recordMetaField(record, key as RecordMetaKey);
    if (field !== undefined) out[key] = field;
  }
  return out as RecordMeta;
}

/**
 * Why a record's `meta` holds a malformed `meta.empiria`, or null when it holds a well-formed one
 * or none. The one rule the server (and the client before sending) applies to every record.
 */
export function recordMetaProblem(meta: unknown): string | null {
  if (!isObject(meta) || !Object.hasOwn(meta, 'empiria')) return null;
  const parsed = recordMetaSchema.safeParse(meta.empiria);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const path = ['meta', 'empiria', ...(issue?.path ?? [])].map(String).join('.');
  return `${path}: ${issue?.message ?? 'malformed'}`;
}

/** A value without the keys JSON cannot hold as `undefined` (tldraw's meta is JSON). */
function toJson(value: unknown): JsonValue {
  if (Array.isArray(value)) return value.map(toJson);
  if (!isObject(value)) return value as JsonValue;
  const out: JsonObject = {};
  for (const [key, inner] of Object.entries(value)) if (inner !== undefined) out[key] = toJson(inner);
  return out;
}

/**
 * A tldraw `meta` with `empiria` changed by `patch`, every other key (of `meta` and of `empiria`)
 * kept; `empiria` left out when nothing remains in it. The same object when nothing changes, so
 * an unchanged record is not written again.
 */
export function metaWith(meta: unknown, patch: RecordMetaPatch): JsonObject {
  const outer = isObject(meta) ? (meta as JsonObject) : {};
  const before = isObject(outer.empiria) ? outer.empiria : {};
  const after: JsonObject = { ...before };
  let changed = !isObject(meta);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) {
      if (!Object.hasOwn(after, key)) continue;
      delete after[key];
      changed = true;
      continue;
    }
    const json = toJson(value);
    if (JSON.stringify(after[key]) === JSON.stringify(json)) continue;
    after[key] = json;
    changed = true;
  }
  if (!changed) return outer;
  const { empiria: _empiria, ...rest } = outer;
  return Object.keys(after).length > 0 ? { ...rest, empiria: after } : rest;
}

/**
 * A tldraw `meta` whose `meta.empiria` keeps only what readers read: the malformed known keys are
 * taken out (unknown keys stay), a `meta.empiria` that is no object at all with them. The same
 * object when there is nothing to take out.
 */
export function metaWithoutMalformed(meta: unknown): JsonObject {
  if (isObject(meta) && Object.hasOwn(meta, 'empiria') && !isObject(meta.empiria)) {
    const { empiria: _malformed, ...rest } = meta as JsonObject;
    return rest;
  }
  const raw = rawEmpiria({ meta });
  const readable = recordMeta({ meta });
  const malformed = Object.keys(raw ?? {}).filter((key) => !Object.hasOwn(readable, key));
  const patch: RecordMetaPatch = Object.fromEntries(malformed.map((key) => [key, undefined]));
  return metaWith(meta, patch);
}

/** The record with its `meta.empiria` changed by `patch` (see `metaWith`); itself when unchanged. */
export function withRecordMeta<R extends WithMeta>(record: R, patch: RecordMetaPatch): R {
  const meta = metaWith(record.meta, patch);
  return meta === record.meta ? record : { ...record, meta };
}

/**
 * Whether a record is the format's template. Only `kind` counts, so a record that claims to be
 * the template is treated as one ([C1]) even before its other keys are checked.
 */
export function isTemplateRecord(record: unknown): boolean {
  return rawEmpiria(record as WithMeta)?.kind === 'template';
}

/** The template meta of a shape, or null when it is not (or not a well-formed) part of a template. */
export function templateMetaOf(record: WithMeta | null | undefined): TemplateMeta | null {
  const parsed = templateMetaSchema.safeParse(rawEmpiria(record));
  return parsed.success ? parsed.data : null;
}

export function noteAuthorOf(record: WithMeta | null | undefined): NoteAuthor | null {
  return recordMetaField(record, 'author') ?? null;
}

/** The private-writing round of a note still private to its author; null for any other record. */
export function privateRoundOf(record: WithMeta | null | undefined): string | null {
  return recordMetaField(record, 'private') ?? null;
}

export function noteZoneOf(record: WithMeta | null | undefined): NoteZone | null {
  return recordMetaField(record, 'zone') ?? null;
}

/** The cluster a frame stands for, or null for any other record. */
export function clusterMetaOf(record: WithMeta | null | undefined): ClusterMeta | null {
  return recordMetaField(record, 'cluster') ?? null;
}

export function carriedOf(record: WithMeta | null | undefined): CarriedMeta | null {
  return recordMetaField(record, 'carried') ?? null;
}
