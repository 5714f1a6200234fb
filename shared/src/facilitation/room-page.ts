import { z } from 'zod';

/**
 * Which page of the room display the facilitator shows (control key `roomPage`, written by the
 * facilitator or expert): when a sheet's notes or the meeting note do not fit the projector at a
 * size the room can read, the display shows them a page at a time. Only the display knows how many
 * pages it has (they depend on its screen), so "next" counts on and the display wraps around; a
 * page asked for another step means the first page.
 */
export const roomPageSchema = z.object({
  stepId: z.string().min(1).max(200),
  page: z.number().int().min(0).max(999),
});
export type RoomPage = z.infer<typeof roomPageSchema>;

/** The page a display with `count` pages shows at `stepId` (0-based). */
export function pageShown(roomPage: RoomPage | null, stepId: string | null, count: number): number {
  if (count <= 1 || !roomPage || roomPage.stepId !== stepId) return 0;
  return roomPage.page % count;
}

/** The facilitator's "next" (+1) or "previous" (−1) page at `stepId`, from what the display was asked. */
export function turnRoomPage(current: RoomPage | null, stepId: string, by: 1 | -1): RoomPage {
  const page = current && current.stepId === stepId ? current.page : 0;
  return { stepId, page: Math.min(999, Math.max(0, page + by)) };
}
