import { z } from 'zod';
import { slugSchema } from '@empiria/shared';
import { localizedTextSchema } from './localized-text';

/** A named part of a zone (a column, a row, a matrix axis entry, a card field, a poll option). */
export const zonePartSchema = z.object({
  id: slugSchema,
  label: localizedTextSchema,
  hint: localizedTextSchema.optional(),
});
export type ZonePart = z.infer<typeof zonePartSchema>;

const parts = (min: number) => z.array(zonePartSchema).min(min);

/** The structure inside a zone; the geometry layer turns each kind into cells. */
export const zoneKindSchema = z.discriminatedUnion('kind', [
  /** A free labelled region. */
  z.object({ kind: z.literal('area') }),
  /** Side by side; `perRow` wraps them into a grid (e.g. 2×2). `flow` draws arrows between headers. */
  z.object({
    kind: z.literal('columns'),
    columns: parts(2),
    perRow: z.number().int().min(1).optional(),
    flow: z.boolean().optional(),
  }),
  /** Stacked, each with its label on the left. */
  z.object({ kind: z.literal('rows'), rows: parts(2) }),
  /** Row labels × column labels; the axes name what the labels measure. */
  z.object({
    kind: z.literal('matrix'),
    rows: parts(2),
    columns: parts(2),
    rowAxis: localizedTextSchema.optional(),
    columnAxis: localizedTextSchema.optional(),
  }),
  /** A swimlane: phases follow each other down the portrait sheet, lanes say who acts. */
  z.object({ kind: z.literal('timeline'), phases: parts(2), lanes: parts(1) }),
  /** `count` copies of a card with named fields. */
  z.object({
    kind: z.literal('cards'),
    card: localizedTextSchema,
    fields: parts(1),
    count: z.number().int().min(1).max(24),
  }),
  /** `count` rows of left → right pairs (e.g. threat → solution). */
  z.object({
    kind: z.literal('pairs'),
    left: zonePartSchema,
    right: zonePartSchema,
    count: z.number().int().min(1).max(12),
  }),
  /** A quick poll: one box per option, where people put a dot or the client shows the count. */
  z.object({ kind: z.literal('poll'), options: parts(2) }),
]);
export type ZoneKind = z.infer<typeof zoneKindSchema>['kind'];

export const zoneSchema = z.intersection(
  z.object({
    id: slugSchema,
    label: localizedTextSchema,
    hint: localizedTextSchema.optional(),
    /** Share of the sheet's free height, relative to the other zones of the step (default 1). */
    weight: z.number().positive().max(10).optional(),
  }),
  zoneKindSchema,
);
export type Zone = z.infer<typeof zoneSchema>;

/** A cell of a zone: where a note lands. Ids are stable: a summary mapping may name them. */
export interface ZoneCell {
  cellId: string;
  label: { pl: string; en: string };
}

/**
 * The cells a zone is made of, in reading order. An area has none (the whole zone is one place).
 * Composite ids join part ids with a dot (`high-impact.low-effort`, `2.city`), which a slug never
 * contains.
 */
export function zoneCells(zone: Zone): ZoneCell[] {
  const join = (a: string, b: string) => `${a}.${b}`;
  switch (zone.kind) {
    case 'area':
      return [];
    case 'columns':
      return zone.columns.map((c) => ({ cellId: c.id, label: c.label }));
    case 'rows':
      return zone.rows.map((r) => ({ cellId: r.id, label: r.label }));
    case 'poll':
      return zone.options.map((o) => ({ cellId: o.id, label: o.label }));
    case 'matrix':
      return zone.rows.flatMap((r) =>
        zone.columns.map((c) => ({ cellId: join(r.id, c.id), label: pairLabel(r.label, c.label) })),
      );
    case 'timeline':
      return zone.phases.flatMap((p) =>
        zone.lanes.map((l) => ({ cellId: join(p.id, l.id), label: pairLabel(p.label, l.label) })),
      );
    case 'cards':
      return range(zone.count).flatMap((n) =>
        zone.fields.map((f) => ({
          cellId: join(String(n), f.id),
          label: pairLabel(numbered(zone.card, n), f.label),
        })),
      );
    case 'pairs':
      return range(zone.count).flatMap((n) =>
        [zone.left, zone.right].map((side) => ({
          cellId: join(String(n), side.id),
          label: pairLabel({ pl: String(n), en: String(n) }, side.label),
        })),
      );
  }
}

/** 1..count, the numbering people see on cards and pairs. */
export function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}

export function numbered(text: { pl: string; en: string }, n: number): { pl: string; en: string } {
  return { pl: `${text.pl} ${n}`, en: `${text.en} ${n}` };
}

function pairLabel(a: { pl: string; en: string }, b: { pl: string; en: string }) {
  return { pl: `${a.pl} · ${b.pl}`, en: `${a.en} · ${b.en}` };
}
