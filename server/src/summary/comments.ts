import { SUMMARY_COMMENTS, type SummaryComment } from '@empiria/shared';
import { newId } from '../ids';
import type { RoomRegistry } from '../sync/room-registry';

/** The note's comments, oldest first. */
export async function listComments(registry: RoomRegistry, boardId: string): Promise<SummaryComment[]> {
  const room = registry.room({ boardId, doc: 'summary' });
  return room.run(() => room.doc.getArray<SummaryComment>(SUMMARY_COMMENTS).toArray());
}

/** Comments and proposed amendments on the note, written by the server into the summary document. */
export async function addComment(
  registry: RoomRegistry,
  boardId: string,
  comment: Omit<SummaryComment, 'id' | 'at'>,
  now = Date.now(),
): Promise<SummaryComment> {
  const stored: SummaryComment = { ...comment, id: newId(8), at: now };
  await registry.room({ boardId, doc: 'summary' }).transact((doc) => {
    doc.getArray<SummaryComment>(SUMMARY_COMMENTS).push([stored]);
  });
  return stored;
}
