import type { TLComponents } from 'tldraw';
import type { JoinResponse } from '@empiria/shared';
import type { CanvasSync } from '../canvas/canvas-sync';
import type { ControlSync } from '../control/control-sync';
import { ActivityBanners } from './ActivityBanners';
import { CanvasOverlay } from './CanvasOverlay';
import { useFacilitation } from './use-facilitation';
import './facilitation.css';

/**
 * The facilitation tools on the board: wires them (use-facilitation.ts) and shows what is going
 * on over the canvas. Mounted inside the board's canvas area; the console and the top bar's
 * timer are mounted by the board screen and the top bar.
 */
export function FacilitationLayer({
  session,
  sync,
  control,
}: {
  session: JoinResponse;
  sync: CanvasSync | null;
  control: ControlSync | null;
}) {
  useFacilitation(session, sync, control);
  return <ActivityBanners />;
}

/** tldraw components the facilitation tools add (vote dots, authors, locks, cluster buttons). */
export const facilitationCanvasComponents: TLComponents = { InFrontOfTheCanvas: CanvasOverlay };
