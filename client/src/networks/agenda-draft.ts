import { getFormat } from '@empiria/formats';
import {
  addLocalMinutes,
  localDateTimeSchema,
  type Agenda,
  type AgendaItemInput,
  type OwnAgendaItemKind,
} from '@empiria/shared';

/**
 * The agenda editor's logic, pure (issue #11 item 3): a meeting's agenda while the facilitator
 * builds it — steps of formats 0–3 with their default minutes, own items (break, expert input,
 * funding calls, free discussion), reordering, the running total and the end time. The editor's
 * store keeps a draft; this module decides what every edit makes of it.
 */

export type AgendaFormatId = 'format-0' | 'format-1' | 'format-2' | 'format-3';

/** One row of the draft. `key` only tells React rows apart; the server never sees it. */
export type DraftItem =
  | { key: string; kind: 'step'; format: AgendaFormatId; stepId: string; minutes: number }
  | { key: string; kind: OwnAgendaItemKind; title: string; minutes: number };

export const MIN_ITEM_MINUTES = 1;
export const MAX_ITEM_MINUTES = 480;

/** Minutes an own item starts with, before the facilitator changes them. */
export const OWN_ITEM_DEFAULT_MINUTES: Record<OwnAgendaItemKind, number> = {
  break: 15,
  'expert-input': 20,
  'funding-calls': 30,
  'free-discussion': 30,
  'plan-review': 30,
};

export interface FormatStepChoice {
  stepId: string;
  minutes: number;
}

/** A format's steps in their order, each with the minutes its format plans for it. */
export function formatSteps(format: AgendaFormatId): FormatStepChoice[] {
  return (getFormat(format)?.steps ?? []).map((step) => ({ stepId: step.id, minutes: step.minutes }));
}

/** The format's planned minutes for one step; undefined for a step the format does not have. */
export function defaultStepMinutes(format: AgendaFormatId, stepId: string): number | undefined {
  return formatSteps(format).find((step) => step.stepId === stepId)?.minutes;
}

let keyCounter = 0;
function nextKey(): string {
  keyCounter += 1;
  return `item-${keyCounter}`;
}

/** Steps of a format appended with their default minutes (unknown step ids are skipped). */
export function addSteps(
  draft: readonly DraftItem[],
  format: AgendaFormatId,
  stepIds: readonly string[],
): DraftItem[] {
  const added: DraftItem[] = [];
  for (const stepId of stepIds) {
    const minutes = defaultStepMinutes(format, stepId);
    if (minutes !== undefined) added.push({ key: nextKey(), kind: 'step', format, stepId, minutes });
  }
  return [...draft, ...added];
}

export function addOwnItem(
  draft: readonly DraftItem[],
  kind: OwnAgendaItemKind,
  title: string,
  minutes: number = OWN_ITEM_DEFAULT_MINUTES[kind],
): DraftItem[] {
  return [...draft, { key: nextKey(), kind, title: title.trim(), minutes: clampMinutes(minutes) }];
}

/** Moves the item at `index` one place up (-1) or down (+1); at either end nothing moves. */
export function moveItem(draft: readonly DraftItem[], index: number, direction: -1 | 1): DraftItem[] {
  const target = index + direction;
  if (index < 0 || index >= draft.length || target < 0 || target >= draft.length) return [...draft];
  const next = [...draft];
  const [item] = next.splice(index, 1);
  if (item) next.splice(target, 0, item);
  return next;
}

export function removeItem(draft: readonly DraftItem[], key: string): DraftItem[] {
  return draft.filter((item) => item.key !== key);
}

/** Minutes typed by hand, kept within what the server accepts (1–480 per item). */
export function clampMinutes(minutes: number): number {
  if (!Number.isFinite(minutes)) return MIN_ITEM_MINUTES;
  return Math.min(MAX_ITEM_MINUTES, Math.max(MIN_ITEM_MINUTES, Math.round(minutes)));
}

export function setItemMinutes(draft: readonly DraftItem[], key: string, minutes: number): DraftItem[] {
  return draft.map((item) => (item.key === key ? { ...item, minutes: clampMinutes(minutes) } : item));
}

export function setItemTitle(draft: readonly DraftItem[], key: string, title: string): DraftItem[] {
  return draft.map((item) => (item.key === key && item.kind !== 'step' ? { ...item, title } : item));
}

export function totalMinutes(draft: readonly Pick<DraftItem, 'minutes'>[]): number {
  return draft.reduce((sum, item) => sum + item.minutes, 0);
}

function isLocalDateTime(value: string): boolean {
  return localDateTimeSchema.safeParse(value).success;
}

/** When the meeting ends on the Warsaw wall clock (`2027-03-15T15:30`); null without a start. */
export function endTime(startsAt: string, draft: readonly Pick<DraftItem, 'minutes'>[]): string | null {
  if (!isLocalDateTime(startsAt)) return null;
  return addLocalMinutes(startsAt, totalMinutes(draft));
}

/** Each item's start on the wall clock, for the agenda's time column. */
export function itemStartTimes(
  startsAt: string,
  draft: readonly Pick<DraftItem, 'minutes'>[],
): (string | null)[] {
  const valid = isLocalDateTime(startsAt);
  let elapsed = 0;
  return draft.map((item) => {
    const at = valid ? addLocalMinutes(startsAt, elapsed) : null;
    elapsed += item.minutes;
    return at;
  });
}

/** A stored agenda back into a draft (to edit a planned meeting). */
export function draftFromAgenda(agenda: Agenda): DraftItem[] {
  return agenda.map((entry) =>
    entry.kind === 'step'
      ? { key: nextKey(), kind: 'step', format: entry.format, stepId: entry.stepId, minutes: entry.minutes }
      : { key: nextKey(), kind: entry.kind, title: entry.title, minutes: entry.minutes },
  );
}

/** The draft as the API's agenda: every item with its minutes, keys dropped. */
export function agendaFromDraft(draft: readonly DraftItem[]): AgendaItemInput[] {
  return draft.map((item) =>
    item.kind === 'step'
      ? { kind: 'step', format: item.format, stepId: item.stepId, minutes: item.minutes }
      : { kind: item.kind, title: item.title, minutes: item.minutes },
  );
}
