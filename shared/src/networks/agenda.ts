import { z } from 'zod';
import type { BoardFormat } from '../board-format';

/**
 * A meeting's agenda (issue #11, item 3): steps of one or more formats, in the order the meeting
 * runs them, and items of the facilitator's own between them. Real meetings run 4–9 hours, so
 * every item carries its minutes; the sum is the meeting's length (and its calendar entry's end).
 * Pure: the server checks step ids against the formats package, which `shared` does not import.
 */

/** Formats whose steps an agenda can hold (a blank board has none). */
export const AGENDA_FORMATS = ['format-0', 'format-1', 'format-2', 'format-3'] as const;
export const agendaFormatSchema = z.enum(AGENDA_FORMATS);

/**
 * The facilitator's own items: a break, an expert's input, a review of funding calls, free
 * discussion, and a review of the network's work plan (its open actions beside the board, #13).
 */
export const OWN_AGENDA_ITEMS = [
  'break',
  'expert-input',
  'funding-calls',
  'free-discussion',
  'plan-review',
] as const;
export const ownAgendaItemKindSchema = z.enum(OWN_AGENDA_ITEMS);
export type OwnAgendaItemKind = z.infer<typeof ownAgendaItemKindSchema>;

const minutesSchema = z.number().int().min(1).max(480);

const stepItemInputSchema = z.object({
  kind: z.literal('step'),
  format: agendaFormatSchema,
  stepId: z.string().regex(/^[a-z0-9-]{1,60}$/, 'not a step id'),
  /** Absent: the step's own minutes from its format. */
  minutes: minutesSchema.optional(),
});
const ownItemSchema = z.object({
  kind: ownAgendaItemKindSchema,
  /** Empty: the item's kind names it (translated in the UI). */
  title: z.string().trim().max(200).default(''),
  minutes: minutesSchema,
});

/** An agenda item as a request gives it. */
export const agendaItemSchema = z.discriminatedUnion('kind', [stepItemInputSchema, ownItemSchema]);
export type AgendaItemInput = z.input<typeof agendaItemSchema>;

/** An agenda item as stored: every item has its minutes. */
export const agendaEntrySchema = z.discriminatedUnion('kind', [
  stepItemInputSchema.extend({ minutes: minutesSchema }),
  ownItemSchema,
]);
export type AgendaEntry = z.infer<typeof agendaEntrySchema>;

export const agendaSchema = z.array(agendaEntrySchema);
export type Agenda = z.infer<typeof agendaSchema>;

/** The meeting's length: the sum of its items' minutes. */
export function agendaMinutes(agenda: Agenda): number {
  return agenda.reduce((sum, item) => sum + item.minutes, 0);
}

/** The board's template comes from the agenda's first format; an agenda of own items gets a blank board. */
export function firstFormat(agenda: readonly AgendaItemInput[]): BoardFormat {
  for (const item of agenda) if (item.kind === 'step') return item.format;
  return 'blank';
}

/**
 * `2027-03-15T10:00` plus minutes, on the wall clock. The meeting's times are Warsaw wall-clock
 * times; a meeting never spans the 2–3 a.m. change of clocks, so plain arithmetic is right.
 */
export function addLocalMinutes(localDateTime: string, minutes: number): string {
  const at = new Date(`${localDateTime}:00Z`).getTime() + minutes * 60_000;
  return new Date(at).toISOString().slice(0, 16);
}
