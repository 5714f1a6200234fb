import { ROOM_SOURCE, metaWith, recordMetaField, type Identity, type JsonObject } from '@empiria/shared';
import { withAuthor } from '../notes/note-meta';
import { withNoteZone } from '../notes/zone-meta';
import { targetZone } from '../zones/scribe-targets';
import type { ScribeTarget } from '../zones/scribe-targets';

/** Whether a note was written in the room (typed in by the scribe from a paper note). */
export function isRoomNote(record: { meta?: unknown }): boolean {
  return recordMetaField(record, 'source') === ROOM_SOURCE;
}

/** The meta of a scribe's note: written in the room, by the scribe, in its zone (cell). */
export function scribeNoteMeta(author: Identity, target: ScribeTarget): JsonObject {
  const stamped = withAuthor(metaWith({}, { source: ROOM_SOURCE }), {
    id: author.id,
    name: author.name,
    city: author.city,
  });
  return withNoteZone(stamped, targetZone(target));
}
