import type { SheetGeometry } from '@empiria/formats';
import type { Follow, Summon, Viewport } from '@empiria/shared';
import { fitCamera } from '../camera/camera';
import type { Box, Camera, Size } from '../camera/camera';

/**
 * What the room display shows, in order of precedence:
 * 1. the facilitator's view while they lead a "follow me" (their viewport, as they publish it);
 * 2. the place of the latest "bring everyone here", until the group moves to another step;
 * 3. the current step's sheet (the first one before the meeting starts);
 * 4. on a board without sheets, everything on it.
 */
export type RoomFocus =
  | { kind: 'leader'; box: Box; name: string | null }
  | { kind: 'summon'; box: Box; name: string }
  | { kind: 'sheet'; box: Box; stepId: string }
  | { kind: 'content'; box: Box }
  | { kind: 'none' };

export interface RoomFocusInput {
  sheets: readonly SheetGeometry[];
  currentIndex: number | null;
  /** When the group moved to the current step (the mover's clock), null before the first step. */
  stepStartedAt: number | null;
  follow: Follow | null;
  /** The follow leader's published viewport, when it has arrived. */
  leaderViewport: Viewport | null;
  summon: Summon | null;
  /** Around every shape on the page; null when empty. */
  contentBounds: Box | null;
}

export function roomFocus(input: RoomFocusInput): RoomFocus {
  const { follow, leaderViewport, summon, sheets, currentIndex, stepStartedAt } = input;
  if (follow?.active && follow.leaderId && leaderViewport) {
    return { kind: 'leader', box: leaderViewport, name: follow.leaderName };
  }
  if (summon && (stepStartedAt === null || summon.at >= stepStartedAt)) {
    return { kind: 'summon', box: summon.viewport, name: summon.byName };
  }
  const sheet = sheets[currentIndex ?? 0];
  if (sheet) return { kind: 'sheet', box: sheet, stepId: sheet.stepId };
  if (input.contentBounds) return { kind: 'content', box: input.contentBounds };
  return { kind: 'none' };
}

/** A stable key of a focus: the camera moves only when it changes. */
export function focusKey(focus: RoomFocus): string {
  if (focus.kind === 'none') return 'none';
  const { x, y, w, h } = focus.box;
  return `${focus.kind}:${Math.round(x)},${Math.round(y)},${Math.round(w)},${Math.round(h)}`;
}

/** Screen pixels kept around what the room display shows. */
export const ROOM_INSET = 12;

/** The camera that shows `box` whole and as large as the room display's canvas allows. */
export function roomCamera(box: Box, viewport: Size, zoom: { min: number; max: number }): Camera {
  return fitCamera(box, viewport, { inset: ROOM_INSET, minZoom: zoom.min, maxZoom: zoom.max });
}

/**
 * What fills the room display's stage. A sheet on the canvas is far too small for a room (a
 * 68×99 sheet on a 1080p projector draws a note's text at ~12 px), so the current sheet is shown
 * as text ("presenter mode": zones, clusters, notes in large type). The canvas shows only what is
 * a place, not a sheet: the facilitator's own view while she leads, a summoned spot, a board
 * without sheets. At the approval step the meeting note takes the stage.
 */
export type RoomStage = 'sheet' | 'note' | 'canvas';

export function roomStage(focus: RoomFocus, stepTools: readonly string[] | null): RoomStage {
  if (focus.kind === 'leader' || focus.kind === 'summon') return 'canvas';
  if (stepTools?.includes('approval')) return 'note';
  if (focus.kind === 'sheet') return 'sheet';
  return 'canvas';
}
