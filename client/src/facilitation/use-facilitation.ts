import { useEffect } from 'react';
import type { ControlState } from '@empiria/shared';
import { useStepStore } from '../control/step-store';
import type { BoardSession } from '../session/board-session';
import { usePresenceStore } from '../session/presence-store';
import { refreshMyBallots } from './acts';
import { useFacilitationStore } from './facilitation-store';
import { parseVisits, recordVisit } from './step-times';
import { useStepVisitsStore } from './step-visits-store';

/**
 * The facilitation tools' wiring outside the canvas, one hook a concern; FacilitationLayer calls
 * them all. What binds to the canvas itself is in canvas-features.ts.
 */

/** What this person did on the board (their dots, their private notes) goes with the board. */
export function useForgetOnLeave(boardId: string): void {
  useEffect(
    () => () => useFacilitationStore.setState({ myBallots: null, privateMine: 0, privateUnsent: 0 }),
    [boardId],
  );
}

/** The console and the people list share the right side of the board: one at a time. */
export function useConsoleOrPeople(canLead: boolean): void {
  useEffect(() => {
    if (!canLead) return;
    const closePeople = () => {
      if (usePresenceStore.getState().panelOpen) usePresenceStore.getState().togglePanel();
    };
    if (useFacilitationStore.getState().consoleOpen) closePeople();
    return usePresenceStore.subscribe((state, previous) => {
      if (state.panelOpen && !previous.panelOpen) useFacilitationStore.getState().setConsoleOpen(false);
    });
  }, [canLead]);
}

/** Keeps the planned-vs-actual log of step moves seen on this device (per board). */
export function useStepVisits(boardId: string): void {
  useEffect(() => {
    const key = `empiria.stepVisits.${boardId}`;
    let visits = (() => {
      try {
        return parseVisits(localStorage.getItem(key));
      } catch {
        return [];
      }
    })();
    const record = (control: ControlState) => {
      // The group's log of moves (shared by everyone) and the current step: a device that joined
      // late knows the earlier steps' times too.
      let next = visits;
      for (const move of control.stepLog)
        next = recordVisit(next, { index: 0, id: move.stepId, startedAt: move.startedAt });
      next = recordVisit(next, control.step);
      if (next.length === visits.length && next.every((v, i) => v === visits[i])) return;
      visits = next;
      useStepVisitsStore.setState({ visits });
      try {
        localStorage.setItem(key, JSON.stringify(visits));
      } catch {
        // Storage off: the log lives for this tab.
      }
    };
    useStepVisitsStore.setState({ visits });
    record(useStepStore.getState().control);
    const unsubscribe = useStepStore.subscribe((state, previous) => {
      if (
        state.control.step !== previous.control.step ||
        state.control.stepLog !== previous.control.stepLog
      ) {
        record(state.control);
      }
    });
    return () => {
      unsubscribe();
      useStepVisitsStore.setState({ visits: [] });
    };
  }, [boardId]);
}

/** This person's dots follow the vote: reloaded for a new vote, or after a reload. */
export function useMyBallots(session: BoardSession): void {
  useEffect(() => {
    void refreshMyBallots(session);
    return useStepStore.subscribe((state, previous) => {
      if (state.control.voting?.sessionId !== previous.control.voting?.sessionId) {
        useFacilitationStore.setState({ myBallots: null });
        void refreshMyBallots(session);
      }
    });
  }, [session]);
}

/** A refusal about the last vote means nothing once that vote is over. */
export function useVoteNotices(): void {
  useEffect(
    () =>
      useStepStore.subscribe((state, previous) => {
        const closed =
          state.control.voting?.status === 'closed' && previous.control.voting?.status === 'open';
        const notice = useFacilitationStore.getState().notice;
        if (closed && notice?.key.startsWith('vote.error.'))
          useFacilitationStore.getState().dismissNotice(notice.id);
      }),
    [],
  );
}

/** While following someone (or away from them), the step's "Back to the group" would only confuse. */
export function useFollowingClass(): void {
  const following = useFacilitationStore((state) => state.follow.mode !== 'idle');
  useEffect(() => {
    document.body.classList.toggle('empiria-following-leader', following);
    return () => document.body.classList.remove('empiria-following-leader');
  }, [following]);
}
