import { TEMPLATE_PAGE_ID } from '@empiria/formats';
import type { ControlState } from '@empiria/shared';
import { useStepStore } from '../control/step-store';
import { useFollowStore } from '../follow/follow-store';
import { layoutOf } from '../formats/format-layout';
import type { BoardFeature } from '../session/board-session';
import { bindClusterNames } from './clusters';
import { useFacilitationStore } from './facilitation-store';
import { bindLockGuard } from './lock-guard';
import { bindNoteCreation, bindPasteToNotes, bindQuickNote } from './note-tools';
import { PrivateNotes } from './private-notes';
import { exposeFacilitationTestHooks } from './test-hooks';
import { FOLLOWING_FIELD, LeaderCamera, publishViewport, viewportWanted } from './view-sync';

/**
 * The facilitation tools' bindings to the canvas, one concern each, for the board screen's list
 * of features. Those that write notes bind only for a person who may write the canvas.
 */

const NONE = () => {};
const say: ReturnType<typeof useFacilitationStore.getState>['say'] = (...args) =>
  useFacilitationStore.getState().say(...args);
const privateRound = () => useStepStore.getState().control.privateWriting;

/** Private writing: this person's notes of the round stay on the device until it is revealed. */
export const privateNotesFeature: BoardFeature = {
  name: 'private notes',
  bind(editor, { join, canWrite }) {
    if (!canWrite) return NONE;
    const notes = new PrivateNotes(editor, {
      boardId: join.board.id,
      token: join.sessionToken,
      identity: join.identity,
      round: privateRound,
      onCounts: (mine, unsent) => {
        const state = useFacilitationStore.getState();
        if (state.privateMine !== mine || state.privateUnsent !== unsent)
          useFacilitationStore.setState({ privateMine: mine, privateUnsent: unsent });
      },
    });
    const stop = notes.start();
    const unsubscribe = useStepStore.subscribe((state, previous) => {
      if (state.control.privateWriting !== previous.control.privateWriting) notes.roundChanged();
    });
    return () => {
      unsubscribe();
      stop();
    };
  },
};

/** A new note carries its author (and the private round, while one is being written). */
export const noteStampFeature: BoardFeature = {
  name: 'note stamp',
  bind(editor, { join, canWrite }) {
    if (!canWrite) return NONE;
    return bindNoteCreation(editor, join.identity, () => {
      const state = privateRound();
      return state?.status === 'writing' ? state.roundId : null;
    });
  },
};

/** The N key, pasted lines as notes, and cluster frames named after their notes. */
export const noteToolsFeature: BoardFeature = {
  name: 'note tools',
  bind(editor, { canWrite }) {
    if (!canWrite) return NONE;
    const may = () => canWrite;
    const teardowns = [
      bindQuickNote(editor, may),
      bindPasteToNotes(editor, may, (count) => say('notes.pasted', { count })),
      bindClusterNames(editor),
    ];
    return () => {
      for (const teardown of teardowns.reverse()) teardown();
    };
  },
};

/** Locked sheets refuse changes, except from the pair that locked them. */
export const sheetLocksFeature: BoardFeature = {
  name: 'sheet locks',
  bind(editor, { canWrite, canLead }) {
    if (!canWrite) return NONE;
    let lastRefusal = 0;
    return bindLockGuard(editor, {
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
    });
  },
};

/**
 * This person's viewport in awareness while someone follows them ("follow me", or from the people
 * list); and, while this person follows someone from the people list, whom (so that they publish).
 */
export const viewportFeature: BoardFeature = {
  name: 'viewport',
  bind(editor, { canvas, canWrite, join }) {
    if (!canWrite) return NONE;
    const selfId = join.identity.id;
    const viewport = publishViewport(editor, canvas);
    const refresh = () =>
      viewport.setWanted(
        viewportWanted(selfId, useStepStore.getState().control.follow, canvas.awarenessStates()),
      );
    const announce = () => {
      const follow = useFacilitationStore.getState().follow;
      canvas.setAwarenessField(
        FOLLOWING_FIELD,
        follow.mode !== 'idle' && follow.source === 'personal' ? follow.leader.id : null,
      );
    };
    const offAwareness = canvas.onAwarenessChange(refresh);
    const offControl = useStepStore.subscribe((state, previous) => {
      if (state.control.follow !== previous.control.follow) refresh();
    });
    const offFollow = useFacilitationStore.subscribe((state, previous) => {
      if (state.follow !== previous.follow) announce();
    });
    refresh();
    announce();
    return () => {
      offFollow();
      offControl();
      offAwareness();
      viewport.stop();
    };
  },
};

/** A summon older than this when the page opens is history, not an instruction. */
const SUMMON_FRESH_MS = 15_000;

/** Following someone's view, and the facilitator's "bring everyone here". */
export const groupViewFeature: BoardFeature = {
  name: 'group view',
  bind(editor, { join, canvas }) {
    const { identity } = join;
    const facilitation = () => useFacilitationStore.getState();
    const camera = new LeaderCamera(editor, canvas, {
      leaderId: () => {
        const follow = facilitation().follow;
        return follow.mode === 'following' ? follow.leader.id : null;
      },
      onStepAway: () => facilitation().dispatchFollow({ type: 'user-camera' }),
      onVisible: (visible) => {
        if (facilitation().leaderVisible !== visible)
          useFacilitationStore.setState({ leaderVisible: visible });
      },
      // Summoned, or following the lead's "follow me": still with the group at the next step.
      onPlaced: (kind) => {
        const follow = facilitation().follow;
        if (kind === 'summon' || (follow.mode === 'following' && follow.source === 'group'))
          useFollowStore.getState().movedForGroup();
      },
    });
    const stopCamera = camera.start();
    useFacilitationStore.setState({ followEffect: (effect) => effect === 'move' && camera.moveNow() });

    const summonKey = `empiria.summonSeen.${join.board.id}`;
    const seenSummon = () => {
      try {
        return sessionStorage.getItem(summonKey);
      } catch {
        return null;
      }
    };
    const onControl = (state: ControlState, first: boolean) => {
      facilitation().dispatchFollow({ type: 'group', follow: state.follow, selfId: identity.id });
      const summon = state.summon;
      if (!summon || summon.id === seenSummon()) return;
      try {
        sessionStorage.setItem(summonKey, summon.id);
      } catch {
        // Without storage a reload may move the camera once more; harmless.
      }
      if (first && Date.now() - summon.at > SUMMON_FRESH_MS) return;
      if (summon.id.startsWith(`${identity.id}-`)) return;
      if (editor.getCurrentPageId() !== TEMPLATE_PAGE_ID && editor.getPage(TEMPLATE_PAGE_ID))
        editor.setCurrentPage(TEMPLATE_PAGE_ID);
      const follow = facilitation().follow;
      if (follow.mode === 'following' && follow.source === 'personal')
        facilitation().dispatchFollow({ type: 'stop' });
      camera.show(summon.viewport);
      say('group.summoned', { name: summon.byName });
    };
    onControl(useStepStore.getState().control, true);
    const unsubscribe = useStepStore.subscribe((state, previous) => {
      if (state.control !== previous.control) onControl(state.control, false);
    });
    return () => {
      unsubscribe();
      useFacilitationStore.setState({ followEffect: () => {} });
      stopCamera();
    };
  },
};

/** A vote opens: clicks now place dots, so nothing should stay selected under them. */
export const voteSelectionFeature: BoardFeature = {
  name: 'vote selection',
  bind(editor, { canWrite }) {
    if (!canWrite) return NONE;
    return useStepStore.subscribe((state, previous) => {
      if (state.control.voting?.status === 'open' && previous.control.voting?.status !== 'open')
        editor.selectNone();
    });
  },
};

/** Read-only handles for the end-to-end tests of these tools. */
export const facilitationTestHooksFeature: BoardFeature = {
  name: 'facilitation test hooks',
  bind: (_editor, { canvas }) => exposeFacilitationTestHooks(canvas),
};

/** In the order the board binds them. */
export const facilitationFeatures: readonly BoardFeature[] = [
  facilitationTestHooksFeature,
  privateNotesFeature,
  noteStampFeature,
  noteToolsFeature,
  sheetLocksFeature,
  viewportFeature,
  groupViewFeature,
  voteSelectionFeature,
];
