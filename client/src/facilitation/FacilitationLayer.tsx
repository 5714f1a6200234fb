import type { TLComponents } from 'tldraw';
import { useSession } from '../session/board-context';
import { ActivityBanners } from './ActivityBanners';
import { CanvasOverlay } from './CanvasOverlay';
import {
  useConsoleOrPeople,
  useFollowingClass,
  useForgetOnLeave,
  useMyBallots,
  useStepVisits,
  useVoteNotices,
} from './use-facilitation';
import './facilitation.css';

/**
 * The facilitation tools on the board: their wiring outside the canvas (use-facilitation.ts; the
 * canvas bindings are features, canvas-features.ts) and what is going on, over the canvas.
 * Mounted inside the board's canvas area; the console and the top bar's timer are mounted by the
 * board screen and the top bar.
 */
export function FacilitationLayer() {
  const session = useSession();
  useForgetOnLeave(session.join.board.id);
  useConsoleOrPeople(session.canLead);
  useStepVisits(session.join.board.id);
  useMyBallots(session);
  useVoteNotices();
  useFollowingClass();
  return <ActivityBanners />;
}

/** tldraw components the facilitation tools add (vote dots, authors, locks, cluster buttons). */
export const facilitationCanvasComponents: TLComponents = { InFrontOfTheCanvas: CanvasOverlay };
