import { useEffect } from 'react';
import { TEMPLATE_PAGE_ID } from '@empiria/formats';
import { canCastDots, canWriteDoc } from '@empiria/shared';
import type { ControlState, JoinResponse } from '@empiria/shared';
import type { CanvasSync } from '../canvas/canvas-sync';
import type { ControlSync } from '../control/control-sync';
import { useClockSync } from '../clock/use-clock-sync';
import { useStepStore } from '../control/step-store';
import { useEditorStore } from '../board/editor-store';
import { usePresenceStore } from '../board/presence-store';
import { useFollowStore } from '../follow/follow-store';
import { layoutOf } from '../formats/format-layout';
import { refreshMyBallots, setActsControl } from './acts';
import { bindClusterNames } from './clusters';
import { useFacilitationStore } from './facilitation-store';
import { bindLockGuard } from './lock-guard';
import { bindNoteCreation, bindPasteToNotes, bindQuickNote } from './note-tools';
import { PrivateNotes } from './private-notes';
import { parseVisits, recordVisit } from './step-times';
import { useStepVisitsStore } from './step-visits-store';
import { exposeFacilitationTestHooks } from './test-hooks';
import { LeaderCamera, publishViewport } from './view-sync';

/** After the group moves to another step, the step's own camera glides for this long. */
const STEP_CAMERA_MS = 1200;

/** Keeps the planned-vs-actual log of step moves seen on this device (per board). */
function useStepVisits(boardId: string): void {
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

/**
 * Wires the facilitation tools to the board: the context (who, which board), the control
 * document for the facilitator's writes, the server clock, and — once tldraw is mounted — the
 * canvas bindings (note stamping, the N key, paste, locks, private notes, clusters, the viewport
 * in awareness, following and summons).
 */
export function useFacilitation(
  session: JoinResponse,
  sync: CanvasSync | null,
  control: ControlSync | null,
): void {
  const editor = useEditorStore((state) => state.editor);
  const { identity, sessionToken: token, board } = session;

  useEffect(() => {
    useFacilitationStore.setState({
      context: {
        boardId: board.id,
        token,
        identity,
        canLead: canWriteDoc(identity.role, 'control'),
        canWork: canWriteDoc(identity.role, 'canvas'),
        canVote: canCastDots(identity.role),
      },
    });
    return () =>
      useFacilitationStore.setState({ context: null, myBallots: null, privateMine: 0, privateUnsent: 0 });
  }, [board.id, token, identity]);

  // The console and the people list share the right side of the board: one at a time.
  useEffect(() => {
    if (!canWriteDoc(identity.role, 'control')) return;
    const closePeople = () => {
      if (usePresenceStore.getState().panelOpen) usePresenceStore.getState().togglePanel();
    };
    if (useFacilitationStore.getState().consoleOpen) closePeople();
    return usePresenceStore.subscribe((state, previous) => {
      if (state.panelOpen && !previous.panelOpen) useFacilitationStore.getState().setConsoleOpen(false);
    });
  }, [identity.role]);

  useEffect(() => {
    setActsControl(control);
    return () => setActsControl(null);
  }, [control]);

  useClockSync();
  useStepVisits(board.id);

  // This person's dots follow the vote: reloaded for a new vote, or after a reload.
  useEffect(() => {
    void refreshMyBallots();
    return useStepStore.subscribe((state, previous) => {
      if (state.control.voting?.sessionId !== previous.control.voting?.sessionId) {
        useFacilitationStore.setState({ myBallots: null });
        void refreshMyBallots();
      }
    });
  }, [board.id]);

  useEffect(() => {
    if (!editor || !sync) return;
    const canWrite = canWriteDoc(identity.role, 'canvas');
    const canLead = canWriteDoc(identity.role, 'control');
    const say = useFacilitationStore.getState().say;
    const round = () => useStepStore.getState().control.privateWriting;
    const disposers: Array<() => void> = [exposeFacilitationTestHooks(sync)];

    if (canWrite) {
      const privateNotes = new PrivateNotes(editor, {
        boardId: board.id,
        token,
        identity,
        round,
        onCounts: (mine, unsent) => {
          const state = useFacilitationStore.getState();
          if (state.privateMine !== mine || state.privateUnsent !== unsent)
            useFacilitationStore.setState({ privateMine: mine, privateUnsent: unsent });
        },
      });
      disposers.push(privateNotes.start());
      disposers.push(
        useStepStore.subscribe((state, previous) => {
          if (state.control.privateWriting !== previous.control.privateWriting) privateNotes.roundChanged();
        }),
      );
      disposers.push(
        bindNoteCreation(editor, identity, () => {
          const state = round();
          return state?.status === 'writing' ? state.roundId : null;
        }),
      );
      disposers.push(bindQuickNote(editor, () => canWrite));
      disposers.push(
        bindPasteToNotes(
          editor,
          () => canWrite,
          (count) => say('notes.pasted', { count }),
        ),
      );
      disposers.push(bindClusterNames(editor));
      let lastRefusal = 0;
      disposers.push(
        bindLockGuard(editor, {
          sheets: () => {
            const { format } = useStepStore.getState();
            return format && format.steps.length > 0 ? layoutOf(format).sheets : [];
          },
          lockedSteps: () => useStepStore.getState().control.lockedSteps,
          exempt: () => canLead,
          onRefused: () => {
            if (Date.now() - lastRefusal < 3000) return;
            lastRefusal = Date.now();
            say('sheets.lockedNotice', undefined, 'error');
          },
        }),
      );
      disposers.push(publishViewport(editor, sync));
    }

    // Following someone's view, and the facilitator's summons.
    let stepMovedAt = 0;
    const camera = new LeaderCamera(editor, sync, {
      leaderId: () => {
        const follow = useFacilitationStore.getState().follow;
        return follow.mode === 'following' ? follow.leader.id : null;
      },
      onStepAway: () => useFacilitationStore.getState().dispatchFollow({ type: 'user-camera' }),
      onVisible: (visible) => {
        if (useFacilitationStore.getState().leaderVisible !== visible)
          useFacilitationStore.setState({ leaderVisible: visible });
      },
      othersMayMoveUntil: () => stepMovedAt + STEP_CAMERA_MS,
      // Summoned, or following the lead's "follow me": still with the group at the next step.
      onPlaced: (kind) => {
        const follow = useFacilitationStore.getState().follow;
        if (kind === 'summon' || (follow.mode === 'following' && follow.source === 'group'))
          useFollowStore.getState().movedForGroup();
      },
    });
    disposers.push(camera.start());
    useFacilitationStore.setState({ followEffect: (effect) => effect === 'move' && camera.moveNow() });
    disposers.push(() => useFacilitationStore.setState({ followEffect: () => {} }));

    const summonKey = `empiria.summonSeen.${board.id}`;
    const seenSummon = () => {
      try {
        return sessionStorage.getItem(summonKey);
      } catch {
        return null;
      }
    };
    const onControl = (state: ControlState, first: boolean) => {
      useFacilitationStore
        .getState()
        .dispatchFollow({ type: 'group', follow: state.follow, selfId: identity.id });
      const summon = state.summon;
      if (!summon || summon.id === seenSummon()) return;
      try {
        sessionStorage.setItem(summonKey, summon.id);
      } catch {
        // Without storage a reload may move the camera once more; harmless.
      }
      // A summon from before this page opened is history, not an instruction.
      if (first && Date.now() - summon.at > 15_000) return;
      if (summon.id.startsWith(`${identity.id}-`)) return;
      if (editor.getCurrentPageId() !== TEMPLATE_PAGE_ID && editor.getPage(TEMPLATE_PAGE_ID))
        editor.setCurrentPage(TEMPLATE_PAGE_ID);
      const follow = useFacilitationStore.getState().follow;
      if (follow.mode === 'following' && follow.source === 'personal')
        useFacilitationStore.getState().dispatchFollow({ type: 'stop' });
      camera.show(summon.viewport);
      say('group.summoned', { name: summon.byName });
    };
    onControl(useStepStore.getState().control, true);
    disposers.push(
      useStepStore.subscribe((state, previous) => {
        if (state.currentIndex !== previous.currentIndex) stepMovedAt = Date.now();
        // A vote opens: clicks now place dots, so nothing should stay selected under them.
        const opened = state.control.voting?.status === 'open' && previous.control.voting?.status !== 'open';
        if (opened && canWrite) editor.selectNone();
        // A refusal about the last vote means nothing once that vote is over.
        const closed =
          state.control.voting?.status === 'closed' && previous.control.voting?.status === 'open';
        const notice = useFacilitationStore.getState().notice;
        if (closed && notice?.key.startsWith('vote.error.'))
          useFacilitationStore.getState().dismissNotice(notice.id);
        if (state.control !== previous.control) onControl(state.control, false);
      }),
    );

    return () => {
      for (const dispose of disposers.splice(0).reverse()) dispose();
    };
  }, [editor, sync, board.id, token, identity]);

  // While following someone (or away from them), the step's "Back to the group" would only confuse.
  const following = useFacilitationStore((state) => state.follow.mode !== 'idle');
  useEffect(() => {
    document.body.classList.toggle('empiria-following-leader', following);
    return () => document.body.classList.remove('empiria-following-leader');
  }, [following]);
}
