import { isStreamDoc, type DocKind } from './rooms';
import { isReadOnlyRole, type Role } from './roles';

/**
 * Who may write which document. The rules are numbered in docs/permissions.md and the tests cite
 * them; the server enforces them, the client only uses them to hide what would be refused.
 */
const WRITERS: Record<DocKind, readonly Role[]> = {
  // [P1] the canvas is written by everyone who works on the board
  canvas: ['facilitator', 'expert', 'organiser', 'participant', 'guest'],
  // [P2] the control document (step, timer, votes…) only by the facilitator/expert pair
  control: ['facilitator', 'expert'],
  // [P3] the summary text only by the pair; others act on it through the HTTP API
  summary: ['facilitator', 'expert'],
  // [P7] the observers' stream only by the server, from the canvas and the control document
  'stream-canvas': [],
  'stream-control': [],
};

export function canWriteDoc(role: Role, doc: DocKind): boolean {
  return WRITERS[doc].includes(role);
}

/**
 * [P6] Observers read only the stream: the open parts of the meeting, as the server projects them
 * ([P7]). The canvas, the control document (hands, private writing, who voted for what) and the
 * summary (drafts) never reach them; the group's approved notes come through the API once shared.
 * Everyone else reads every document, the stream included (the pair checks what observers see).
 */
export function canReadDoc(role: Role, doc: DocKind): boolean {
  return role === 'observer' ? isStreamDoc(doc) : true;
}

/**
 * [P4] Read-only roles send no presence either: an observer or the room display is not a cursor.
 * Nobody has presence in the stream ([P7]): it is a broadcast, not a meeting place.
 */
export function canSendAwareness(role: Role, doc: DocKind): boolean {
  if (isStreamDoc(doc)) return false;
  return !isReadOnlyRole(role) && (canWriteDoc(role, doc) || doc !== 'canvas');
}

/**
 * [P4] What a connection's awareness may carry in a room: its own presence with the server-stamped
 * identity ('presence'), or nothing at all ('none': the room display, observers, the stream).
 */
export type AwarenessRight = 'presence' | 'none';

export function awarenessRight(role: Role, doc: DocKind): AwarenessRight {
  return canSendAwareness(role, doc) ? 'presence' : 'none';
}

/** [P5] Only the pair and the admin manage invites. */
export function canManageBoard(role: Role): boolean {
  return role === 'facilitator' || role === 'expert';
}
