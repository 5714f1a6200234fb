import { TEMPLATE_PAGE_ID } from '@empiria/formats';
import type { CardField } from '@empiria/formats';
import { createShapeId, startEditingShapeWithRichText, toRichText } from 'tldraw';
import type { Editor, TLShape, TLShapeId, TLTextShape } from 'tldraw';
import { metaWith, noteZoneOf, recordMetaField } from '@empiria/shared';

/**
 * A card template's form field holds its answer as a tldraw text shape, written inside the
 * field below its label and wrapping at the field's width: `meta.empiria.field = true` and the
 * field's `zone` (`cellId` `<card>.<field>`), which the summary reads like a note in that cell.
 * An ordinary record, so it syncs, undoes and passes the server's record rules like any note.
 */
export function isFieldText(shape: TLShape): shape is TLTextShape {
  return shape.type === 'text' && recordMetaField(shape, 'field') === true;
}

/** The field a text fills, as `stepId|zoneId|cellId`. */
export function fieldKeyOf(shape: TLShape): string | null {
  if (!isFieldText(shape)) return null;
  const zone = noteZoneOf(shape);
  return zone?.cellId ? `${zone.stepId}|${zone.zoneId}|${zone.cellId}` : null;
}

export function fieldKey(field: Pick<CardField, 'stepId' | 'zoneId' | 'cellId'>): string {
  return `${field.stepId}|${field.zoneId}|${field.cellId}`;
}

/**
 * The keys of the fields that already hold an answer: a text written with "Fill in", or a note
 * laid on the field by hand (its zone is the field's cell). Either is the answer the summary reads,
 * so the field offers no "Fill in" over it (the button would cover the note).
 */
export function filledFields(editor: Editor): Set<string> {
  const keys = new Set<string>();
  for (const shape of editor.getCurrentPageShapes()) {
    const key = fieldKeyOf(shape) ?? noteCellKey(shape);
    if (key) keys.add(key);
  }
  return keys;
}

/**
 * The fields that show no "Fill in": those holding an answer, and those a note lies over even in
 * part (an HTML button is drawn above every shape, so it would cover the note's text).
 */
export function takenFields(editor: Editor, fields: readonly CardField[]): Set<string> {
  const taken = filledFields(editor);
  const notes = editor
    .getCurrentPageShapes()
    .filter((shape) => shape.type === 'note')
    .map((shape) => editor.getShapePageBounds(shape.id))
    .filter((bounds) => bounds !== undefined);
  for (const field of fields) {
    const box = field.input;
    const covered = notes.some(
      (b) => b.x < box.x + box.w && b.x + b.w > box.x && b.y < box.y + box.h && b.y + b.h > box.y,
    );
    if (covered) taken.add(fieldKey(field));
  }
  return taken;
}

function noteCellKey(shape: TLShape): string | null {
  if (shape.type !== 'note') return null;
  const zone = noteZoneOf(shape);
  return zone?.cellId ? fieldKey({ stepId: zone.stepId, zoneId: zone.zoneId, cellId: zone.cellId }) : null;
}

/** tldraw's text size "m" (24 units): the same reading size as a note's label. */
const FIELD_TEXT_SIZE = 'm' as const;

/** A field's text shape, written at the top of its box. */
export function fieldTextShape(field: CardField, text: string, id: TLShapeId = createShapeId()) {
  return {
    id,
    type: 'text' as const,
    parentId: TEMPLATE_PAGE_ID,
    x: field.input.x,
    y: field.input.y,
    props: {
      richText: toRichText(text),
      w: field.input.w,
      autoSize: false,
      size: FIELD_TEXT_SIZE,
      font: 'sans' as const,
      textAlign: 'start' as const,
      color: 'black' as const,
    },
    meta: metaWith(
      {},
      {
        field: true,
        zone: { stepId: field.stepId, zoneId: field.zoneId, cellId: field.cellId },
      },
    ),
  };
}

/** "Fill in": an empty text in the field, ready to type into. One undo step. */
export function startFillingField(editor: Editor, field: CardField): TLShapeId {
  const id = createShapeId();
  editor.markHistoryStoppingPoint('empiria field');
  editor.createShape<TLTextShape>(fieldTextShape(field, '', id));
  editor.setCurrentTool('select');
  editor.select(id);
  startEditingShapeWithRichText(editor, id);
  return id;
}
