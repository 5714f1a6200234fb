import type { Editor, TLShape, TLShapeId } from 'tldraw';
import { isTemplateRecord } from '@empiria/shared';

/**
 * The format's template (sheets, titles, instructions, zones) belongs to the facilitators: other
 * people's tldraw cannot move, edit, unlock or delete it, nor select it when a facilitator has
 * unlocked part of it. The shapes are also locked, which already keeps them out of tldraw's
 * selection; this holds even for a shape someone unlocked.
 */

/** A change this person's tldraw wants to make to a shape: kept, or refused (the old record). */
export function guardShapeChange<S extends { meta: unknown }>(prev: S, next: S, mayEditTemplate: boolean): S {
  return !mayEditTemplate && isTemplateRecord(prev) ? prev : next;
}

/** The selection without template shapes, or the same array when it holds none. */
export function withoutTemplates(
  selected: readonly TLShapeId[],
  isTemplate: (id: TLShapeId) => boolean,
): readonly TLShapeId[] {
  return selected.some(isTemplate) ? selected.filter((id) => !isTemplate(id)) : selected;
}

/** Installs the guard for a person who may not edit the template; returns its removal. */
export function guardTemplate(editor: Editor, mayEditTemplate: boolean): () => void {
  if (mayEditTemplate) return () => {};
  const isTemplateId = (id: TLShapeId) => {
    const shape = editor.getShape(id);
    return shape ? isTemplateRecord(shape) : false;
  };
  const offs = [
    editor.sideEffects.registerBeforeChangeHandler('shape', (prev: TLShape, next: TLShape, source) =>
      source === 'user' ? guardShapeChange(prev, next, false) : next,
    ),
    editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) =>
      source === 'user' && isTemplateRecord(shape) ? false : undefined,
    ),
    // Deleting the page would take the template with it.
    editor.sideEffects.registerBeforeDeleteHandler('page', (page, source) =>
      source === 'user' && [...editor.getPageShapeIds(page.id)].some(isTemplateId) ? false : undefined,
    ),
    editor.sideEffects.registerBeforeChangeHandler('instance_page_state', (prev, next, source) => {
      if (source !== 'user') return next;
      const selectedShapeIds = withoutTemplates(next.selectedShapeIds, isTemplateId);
      const editingShapeId =
        next.editingShapeId && isTemplateId(next.editingShapeId) ? null : next.editingShapeId;
      if (selectedShapeIds === next.selectedShapeIds && editingShapeId === next.editingShapeId) return next;
      return { ...next, selectedShapeIds: [...selectedShapeIds], editingShapeId };
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
