import type { TLCamera, TLInstance, TLInstancePageState, TLInstancePresence, TLPointer } from 'tldraw';

/**
 * What this tab publishes as its tldraw presence: its cursor, selection, brush and scribbles.
 * Not its camera or screen: where a person looks is theirs ("follow me" publishes a viewport on
 * its own, only while someone follows, view-sync.ts), and leaving them out means a camera move
 * changes nothing here. Name, colour and user id are not published either: every receiver takes
 * them from the identity the server stamps (presence.ts).
 */
export type PublishedPresence = Omit<TLInstancePresence, 'id' | 'typeName' | 'userId' | 'userName' | 'color'>;

export interface Point {
  x: number;
  y: number;
}

/** The cursor as last published: where it points on the page, and where it was on the screen. */
export interface CursorTrack {
  page: Point;
  screen: Point;
}

/** Screen pixels under which a pointer counts as not moved (camera arithmetic rounds). */
const STILL_PX = 0.5;
/**
 * A change of nothing but the activity time is sent only this often: peers hide a cursor idle for
 * 60 s (tldraw's collaboratorInactiveTimeoutMs), so someone typing or panning stays shown, without
 * every input in between costing an update.
 */
export const ACTIVITY_REFRESH_MS = 20_000;

/**
 * The cursor to publish, given the pointer's page position and the camera. tldraw re-derives the
 * pointer's page position on every camera move (the pointer now hovers over another part of the
 * page) without the pointer moving: the cursor follows only a pointer that moved on the screen.
 * Between a camera move and tldraw's re-derivation (a tick later), the pointer still has the page
 * position last published, which also counts as not moved.
 */
export function trackCursor(
  previous: CursorTrack | null,
  pointer: Point,
  camera: Pick<TLCamera, 'x' | 'y' | 'z'>,
): CursorTrack {
  const screen = { x: (pointer.x + camera.x) * camera.z, y: (pointer.y + camera.y) * camera.z };
  if (previous) {
    const still =
      Math.abs(screen.x - previous.screen.x) < STILL_PX && Math.abs(screen.y - previous.screen.y) < STILL_PX;
    const samePage = pointer.x === previous.page.x && pointer.y === previous.page.y;
    if (still || samePage) return previous;
  }
  return { page: { x: pointer.x, y: pointer.y }, screen };
}

/** The presence to publish from this tab's tldraw records and its tracked cursor. */
export function presenceFrom(
  instance: TLInstance,
  pageState: TLInstancePageState,
  pointer: TLPointer,
  cursor: CursorTrack,
): PublishedPresence {
  return {
    selectedShapeIds: pageState.selectedShapeIds,
    brush: instance.brush,
    scribbles: instance.scribbles,
    followingUserId: instance.followingUserId,
    camera: null,
    screenBounds: null,
    currentPageId: instance.currentPageId,
    cursor: {
      x: cursor.page.x,
      y: cursor.page.y,
      rotation: instance.cursor.rotation,
      type: instance.cursor.type,
    },
    lastActivityTimestamp: pointer.lastActivityTimestamp,
    chatMessage: instance.chatMessage,
    meta: {},
  };
}

/**
 * Whether `next` is worth an awareness update after `sent`: something a peer sees changed, or
 * only the activity time did, by `ACTIVITY_REFRESH_MS` or more.
 */
export function presenceWorthSending(sent: PublishedPresence | null, next: PublishedPresence): boolean {
  if (!sent) return true;
  const seen =
    sent.currentPageId !== next.currentPageId ||
    sent.followingUserId !== next.followingUserId ||
    sent.chatMessage !== next.chatMessage ||
    !sameCursor(sent.cursor, next.cursor) ||
    !sameBox(sent.brush, next.brush) ||
    // tldraw replaces the scribbles' array whenever one changes.
    (sent.scribbles !== next.scribbles && (sent.scribbles.length > 0 || next.scribbles.length > 0)) ||
    !sameIds(sent.selectedShapeIds, next.selectedShapeIds);
  if (seen) return true;
  return (next.lastActivityTimestamp ?? 0) - (sent.lastActivityTimestamp ?? 0) >= ACTIVITY_REFRESH_MS;
}

function sameCursor(a: PublishedPresence['cursor'], b: PublishedPresence['cursor']): boolean {
  if (!a || !b) return a === b;
  return a.x === b.x && a.y === b.y && a.type === b.type && a.rotation === b.rotation;
}

function sameBox(a: PublishedPresence['brush'], b: PublishedPresence['brush']): boolean {
  if (!a || !b) return a === b;
  return a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((id, i) => id === b[i]));
}
