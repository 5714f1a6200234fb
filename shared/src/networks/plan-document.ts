import * as Y from 'yjs';
import { textSplice } from '../text/text-splice';
import { PLAN_SECTIONS, type PlanSectionId } from './plan-api';

/**
 * The work plan's sections as the Yjs document its writers share (room `networks/<id>/plan`,
 * decision D19): one top-level map, one Y.Text per section. The server creates all nine texts when
 * it first loads the room, and members only edit inside them: two people who each created "their"
 * text for a section at the same moment would lose one of them.
 */
export const PLAN_DOC_SECTIONS = 'sections';

export function planSectionsMap(doc: Y.Doc): Y.Map<Y.Text> {
  return doc.getMap<Y.Text>(PLAN_DOC_SECTIONS);
}

/** A section's shared text, or null while the server has not created it yet. */
export function planSectionText(doc: Y.Doc, section: PlanSectionId): Y.Text | null {
  const value = planSectionsMap(doc).get(section);
  return value instanceof Y.Text ? value : null;
}

/** Every section's text as it stands ('' for one not created yet). */
export function readPlanTexts(doc: Y.Doc): Record<PlanSectionId, string> {
  const texts = {} as Record<PlanSectionId, string>;
  for (const id of PLAN_SECTIONS) texts[id] = planSectionText(doc, id)?.toString() ?? '';
  return texts;
}

/** Makes the text equal `next` with the smallest edit, so what others type meanwhile survives. */
export function replaceSectionText(text: Y.Text, next: string, caret?: number): void {
  const splice = textSplice(text.toString(), next, caret);
  if (!splice) return;
  text.doc?.transact(() => {
    if (splice.remove > 0) text.delete(splice.index, splice.remove);
    if (splice.insert) text.insert(splice.index, splice.insert);
  });
}
