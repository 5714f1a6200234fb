import { describe, expect, it } from 'vitest';
import { InstancePageStateRecordType, PageRecordType, PointerRecordType, TLINSTANCE_ID } from 'tldraw';
import type { TLInstance, TLInstancePageState, TLPointer } from 'tldraw';
import { ACTIVITY_REFRESH_MS, presenceFrom, presenceWorthSending, trackCursor } from './presence-state';

const pageId = PageRecordType.createId('page');

function records(patch: { selected?: string[]; pointer?: Partial<TLPointer> } = {}) {
  // The fields presence reads; tldraw makes the instance record with the editor's styles.
  const instance = {
    id: TLINSTANCE_ID,
    typeName: 'instance',
    currentPageId: pageId,
    brush: null,
    scribbles: [],
    followingUserId: null,
    chatMessage: '',
    cursor: { type: 'default', rotation: 0 },
  } as unknown as TLInstance;
  const pageState: TLInstancePageState = InstancePageStateRecordType.create({
    pageId,
    selectedShapeIds: (patch.selected ?? []) as TLInstancePageState['selectedShapeIds'],
  });
  const pointer: TLPointer = PointerRecordType.create({
    x: 100,
    y: 50,
    lastActivityTimestamp: 1_000,
    ...patch.pointer,
  });
  return { instance, pageState, pointer };
}

describe('trackCursor', () => {
  it('follows a pointer that moves on the screen', () => {
    const camera = { x: 0, y: 0, z: 1 };
    const first = trackCursor(null, { x: 100, y: 50 }, camera);
    const moved = trackCursor(first, { x: 140, y: 50 }, camera);
    expect(moved.page).toEqual({ x: 140, y: 50 });
  });

  it('stays put when only the camera moved, before and after tldraw re-derives the pointer', () => {
    const before = { x: 0, y: 0, z: 0.5 };
    const first = trackCursor(null, { x: 100, y: 50 }, before);
    // The camera panned 300 page units; tldraw has not re-derived the pointer yet.
    const after = { x: -300, y: 0, z: 0.5 };
    const midway = trackCursor(first, { x: 100, y: 50 }, after);
    expect(midway).toBe(first);
    // Re-derived: the same screen point, over another part of the page.
    const rederived = trackCursor(midway, { x: 400, y: 50 }, after);
    expect(rederived).toBe(first);
    // A zoom around the pointer alike.
    const zoomed = { x: -300 + 50, y: 25, z: 0.4 };
    const screen = first.screen;
    const underPointer = { x: screen.x / zoomed.z - zoomed.x, y: screen.y / zoomed.z - zoomed.y };
    expect(trackCursor(first, underPointer, zoomed)).toBe(first);
  });
});

describe('presenceFrom', () => {
  it('publishes cursor, selection and page, and no camera or screen', () => {
    const { instance, pageState, pointer } = records({ selected: ['shape:a'] });
    const presence = presenceFrom(
      instance,
      pageState,
      pointer,
      trackCursor(null, pointer, { x: 0, y: 0, z: 1 }),
    );
    expect(presence.camera).toBeNull();
    expect(presence.screenBounds).toBeNull();
    expect(presence.cursor).toMatchObject({ x: 100, y: 50 });
    expect(presence.selectedShapeIds).toEqual(['shape:a']);
    expect(presence.currentPageId).toBe(pageId);
    expect(presence).not.toHaveProperty('userName');
  });
});

describe('presenceWorthSending', () => {
  const camera = { x: 0, y: 0, z: 1 };
  const build = (patch: Parameters<typeof records>[0] = {}) => {
    const { instance, pageState, pointer } = records(patch);
    return presenceFrom(instance, pageState, pointer, trackCursor(null, pointer, camera));
  };

  it('sends the first presence, a moved cursor and a changed selection', () => {
    const sent = build();
    expect(presenceWorthSending(null, sent)).toBe(true);
    expect(presenceWorthSending(sent, build({ pointer: { x: 101 } }))).toBe(true);
    expect(presenceWorthSending(sent, build({ selected: ['shape:b'] }))).toBe(true);
  });

  it('sends nothing for an equal presence, built anew', () => {
    expect(presenceWorthSending(build({ selected: ['shape:a'] }), build({ selected: ['shape:a'] }))).toBe(
      false,
    );
  });

  it('sends a change of the activity time alone only every ACTIVITY_REFRESH_MS', () => {
    const sent = build();
    expect(presenceWorthSending(sent, build({ pointer: { lastActivityTimestamp: 2_000 } }))).toBe(false);
    expect(
      presenceWorthSending(sent, build({ pointer: { lastActivityTimestamp: 1_000 + ACTIVITY_REFRESH_MS } })),
    ).toBe(true);
  });
});
