import type { Identity } from '@empiria/shared';
import { withAuthor } from '../notes/note-meta';
import { withNoteZone } from '../notes/zone-meta';
import type { JsonObject } from '../notes/zone-meta';
import { targetZone } from '../zones/scribe-targets';
import type { ScribeTarget } from '../zones/scribe-targets';

/** `meta.empiria.source` of a note typed in by the room's scribe from a paper note. */
export const ROOM_SOURCE = 'room';

/** Whether a note was written in the room (typed in by the scribe). */
export function isRoomNote(meta: unknown): boolean {
  const empiria = (meta as { empiria?: unknown } | null | undefined)?.empiria;
  return (
    typeof empiria === 'object' &&
    empiria !== null &&
    (empiria as { source?: unknown }).source === ROOM_SOURCE
  );
}

/** The meta of a scribe's note: written in the room, by the scribe, in its zone (cell). */
export function scribeNoteMeta(author: Identity, target: ScribeTarget): JsonObject {
  const stamped = withAuthor(
    { empiria: { source: ROOM_SOURCE } },
    { id: author.id, name: author.name, city: author.city },
  ) as JsonObject;
  return withNoteZone(stamped, targetZone(target));
}
