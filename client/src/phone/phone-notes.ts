import type { Editor } from 'tldraw';
import type { Identity } from '@empiria/shared';
import { withAuthor } from '../notes/note-meta';
import { addNoteInTarget } from '../hybrid/scribe-notes';
import type { AddNoteResult } from '../hybrid/scribe-notes';
import { targetZone } from '../zones/scribe-targets';
import type { ScribeTarget } from '../zones/scribe-targets';
import { withNoteZone } from '../notes/zone-meta';

/**
 * A note written on a phone's list: a real sticky note on the canvas, placed in the zone as the
 * scribe's are (a free place, nothing moves), signed by its author. It goes through tldraw like
 * any note the person makes, so during private writing it stays private until the reveal.
 */
export function addPhoneNote(
  editor: Editor,
  target: ScribeTarget,
  text: string,
  author: Identity,
): AddNoteResult {
  const signed = withAuthor({}, { id: author.id, name: author.name, city: author.city });
  return addNoteInTarget(editor, target, text, author, withNoteZone(signed, targetZone(target)));
}
