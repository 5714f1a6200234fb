import { describe, expect, it } from 'vitest';
import { format2, layoutFormat } from '@empiria/formats';
import { visiblePageBox } from '../camera/camera';
import { focusKey, roomCamera, roomFocus, roomStage } from './room-view';
import type { RoomFocusInput } from './room-view';

const { sheets } = layoutFormat(format2);
const base: RoomFocusInput = {
  sheets,
  currentIndex: 2,
  stepStartedAt: 1_000,
  follow: null,
  leaderViewport: null,
  summon: null,
  contentBounds: null,
};
const view = { x: 10, y: 20, w: 1600, h: 900 };

describe('what the room display shows', () => {
  it('the current step’s sheet', () => {
    const focus = roomFocus(base);
    expect(focus).toMatchObject({ kind: 'sheet', stepId: sheets[2]!.stepId });
  });

  it('the first sheet before the meeting starts', () => {
    expect(roomFocus({ ...base, currentIndex: null, stepStartedAt: null })).toMatchObject({
      kind: 'sheet',
      stepId: sheets[0]!.stepId,
    });
  });

  it('the leader’s view during "follow me", once it has arrived', () => {
    const follow = { active: true, leaderId: 'ewa', leaderName: 'Ewa' };
    expect(roomFocus({ ...base, follow }).kind).toBe('sheet');
    expect(roomFocus({ ...base, follow, leaderViewport: view })).toEqual({
      kind: 'leader',
      box: view,
      name: 'Ewa',
    });
    expect(roomFocus({ ...base, follow: { ...follow, active: false }, leaderViewport: view }).kind).toBe(
      'sheet',
    );
  });

  it('a summon until the group moves to another step', () => {
    const summon = { id: 's1', byName: 'Ewa', at: 2_000, viewport: view };
    expect(roomFocus({ ...base, summon })).toEqual({ kind: 'summon', box: view, name: 'Ewa' });
    expect(roomFocus({ ...base, summon, stepStartedAt: 3_000 }).kind).toBe('sheet');
  });

  it('everything on a board without sheets, or nothing on an empty one', () => {
    const content = { x: 0, y: 0, w: 500, h: 300 };
    expect(roomFocus({ ...base, sheets: [], contentBounds: content })).toEqual({
      kind: 'content',
      box: content,
    });
    expect(roomFocus({ ...base, sheets: [] })).toEqual({ kind: 'none' });
  });

  it('keys a focus by where it is, so the camera moves only when that changes', () => {
    expect(focusKey(roomFocus(base))).toBe(focusKey(roomFocus({ ...base, stepStartedAt: 5 })));
    expect(focusKey(roomFocus(base))).not.toBe(focusKey(roomFocus({ ...base, currentIndex: 3 })));
  });
});

describe('the room display’s camera', () => {
  it('shows the whole sheet, centred, filling a canvas of the sheet’s shape', () => {
    const sheet = sheets[1]!;
    const screen = { w: 680, h: 990 };
    const camera = roomCamera(sheet, screen, { min: 0.05, max: 8 });
    const seen = visiblePageBox(camera, screen);
    expect(seen.x).toBeLessThanOrEqual(sheet.x);
    expect(seen.x + seen.w).toBeGreaterThanOrEqual(sheet.x + sheet.w);
    expect(seen.y).toBeLessThanOrEqual(sheet.y);
    expect(seen.y + seen.h).toBeGreaterThanOrEqual(sheet.y + sheet.h);
    // Nearly all of the canvas is the sheet: the neighbours (200 units away) stay out of view.
    expect(seen.w).toBeLessThan(sheet.w + 200);
    expect(camera.z).toBeGreaterThan(0.45);
  });
});

describe('roomStage', () => {
  const box = { x: 0, y: 0, w: 100, h: 100 };
  it('shows the sheet as text, the meeting note at the approval step, the canvas for a place', () => {
    expect(roomStage({ kind: 'sheet', box, stepId: 'barriers' }, ['notes', 'timer'])).toBe('sheet');
    expect(roomStage({ kind: 'sheet', box, stepId: 'approval' }, ['approval'])).toBe('note');
    expect(roomStage({ kind: 'summon', box, name: 'Ewa' }, ['approval'])).toBe('canvas');
    expect(roomStage({ kind: 'leader', box, name: 'Ewa' }, ['notes'])).toBe('canvas');
    expect(roomStage({ kind: 'content', box }, null)).toBe('canvas');
    expect(roomStage({ kind: 'none' }, null)).toBe('canvas');
  });
});
