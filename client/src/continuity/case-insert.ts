import { cardFields, type CardField, type FormatDefinition, type Step } from '@empiria/formats';
import { CASE_FIELD_IDS, metaWith, type CaseFields, type CaseSource } from '@empiria/shared';
import { createShapeId } from 'tldraw';
import type { Editor, TLTextShape } from 'tldraw';
import { layoutOf } from '../formats/format-layout';
import { fieldTextShape, takenFields, fieldKey } from '../notes/card-field-texts';

/** Format 3's case cards step and its cards zone (formats/src/definitions/format-3.ts). */
const CASE_STEP_ID = 'case-cards';
const CASE_ZONE_ID = 'cases';
/** A composed agenda board names a repeated step `case-cards-2`… (agendaFormat's uniqueId). */
const CASE_STEP_PATTERN = /^case-cards(-\d+)?$/;

/**
 * Whether `step` is Format 3's "case cards": on its own board by its format and step id, on a
 * meeting's board (an agenda) by the step id agendaFormat kept and the zone ids it keeps as they are.
 */
export function isCaseCardsStep(format: FormatDefinition, step: Step): boolean {
  const zone = step.zones.find((z) => z.id === CASE_ZONE_ID);
  if (zone?.kind !== 'cards') return false;
  if (format.id === 'format-3') return step.id === CASE_STEP_ID;
  return (
    CASE_STEP_PATTERN.test(step.id) && CASE_FIELD_IDS.every((id) => zone.fields.some((f) => f.id === id))
  );
}

/** The step's card fields grouped by card (`<card>.<field>`), in the cards' order. */
export function fieldsByCard(fields: readonly CardField[]): Map<string, CardField[]> {
  const cards = new Map<string, CardField[]>();
  for (const field of fields) {
    const card = field.cellId.split('.')[0] ?? field.cellId;
    cards.set(card, [...(cards.get(card) ?? []), field]);
  }
  return cards;
}

/** The first card none of whose fields holds an answer (a text, or a note lying on it). */
export function firstFreeCard(fields: readonly CardField[], taken: ReadonlySet<string>): CardField[] | null {
  for (const card of fieldsByCard(fields).values()) {
    if (card.every((field) => !taken.has(fieldKey(field)))) return card;
  }
  return null;
}

/**
 * "Insert on a free card": the case's answers written into the first free card of the step's
 * sheet as field texts, in one undo step, each text's meta naming the meeting it was brought from
 * (`empiria.broughtFrom`), as carrying names where a note came from. Returns the card's number,
 * or null when every card already holds something (nothing is written then).
 */
export function insertCaseOnFreeCard(
  editor: Editor,
  format: FormatDefinition,
  stepId: string,
  fields: CaseFields,
  source: CaseSource,
): string | null {
  const stepFields = cardFields(layoutOf(format), stepId).filter((field) => field.zoneId === CASE_ZONE_ID);
  const card = firstFreeCard(stepFields, takenFields(editor, stepFields));
  if (!card) return null;
  const shapes = card.flatMap((field) => {
    const id = CASE_FIELD_IDS.find((known) => field.cellId.endsWith(`.${known}`));
    const text = id ? fields[id].trim() : '';
    if (!text) return [];
    const shape = fieldTextShape(field, text, createShapeId());
    return [{ ...shape, meta: metaWith(shape.meta, { broughtFrom: source }) }];
  });
  editor.markHistoryStoppingPoint('empiria case brought in');
  editor.run(() => editor.createShapes<TLTextShape>(shapes));
  return card[0]?.cellId.split('.')[0] ?? null;
}
