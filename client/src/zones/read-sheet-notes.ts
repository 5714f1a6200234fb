import type { Editor, TLNoteShape, TLShapeId } from 'tldraw';
import { clusterMetaOf, noteZoneOf } from '@empiria/shared';
import { isFieldText } from '../notes/card-field-texts';
import type { SheetNote } from './sheet-contents';

/**
 * Every sticky note of the current page with a zone of `stepId`, and every card field's answer,
 * as `sheetContents` reads them. Reading it inside tldraw's `useValue` makes a screen follow the
 * canvas live.
 */
export function readSheetNotes(editor: Editor, stepId: string): SheetNote[] {
  const notes: SheetNote[] = [];
  for (const shape of editor.getCurrentPageShapes()) {
    const answer = isFieldText(shape);
    if (shape.type !== 'note' && !answer) continue;
    const zone = noteZoneOf(shape);
    if (!zone || zone.stepId !== stepId) continue;
    const bounds = editor.getShapePageBounds(shape.id);
    const parent = editor.getShape(shape.parentId as TLShapeId);
    const cluster = parent?.type === 'frame' ? clusterMetaOf(parent) : null;
    const text = (editor.getShapeUtil(shape).getText?.(shape) ?? '').replace(/\s+/g, ' ').trim();
    if (answer && text === '') continue;
    notes.push({
      id: shape.id,
      kind: answer ? 'answer' : 'note',
      text,
      color: answer ? 'white' : (shape as TLNoteShape).props.color,
      zone,
      cluster: parent && cluster ? { id: parent.id, name: cluster.name } : null,
      x: bounds?.x ?? shape.x,
      y: bounds?.y ?? shape.y,
    });
  }
  return notes;
}
