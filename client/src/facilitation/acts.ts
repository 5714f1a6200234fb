import type { Editor } from 'tldraw';
import { canCastDots, turnRoomPage, writeControlKey, type StepAccess } from '@empiria/shared';
import type { ControlKey, ControlValue, TimerAction, VoteSettingsInput } from '@empiria/shared';
import { ApiRequestError } from '../api/http';
import { useStepStore } from '../control/step-store';
import * as api from './facilitation-api';
import { useFacilitationStore } from './facilitation-store';
import { toggleLock } from './sheet-locks';
import { roundViewport } from '../camera/camera';
import type { BoardSession } from '../session/board-session';
import { ballotErrorKey } from './vote-view';

/**
 * The acts of the facilitation tools, for the components to call. Acts that must not be forged
 * (timer, votes, private notes, hands) go to the server with this person's token; the rest
 * (follow, summon, locks, authors) are written into the control document by the facilitator's
 * own client, which the server accepts only from the facilitator/expert pair ([P2]). Each act
 * takes the board session it acts on.
 */

function writeControl<K extends ControlKey>(
  { control }: BoardSession,
  key: K,
  value: ControlValue<K>,
): boolean {
  if (!control.canWrite) return false;
  writeControlKey(control.doc, key, value);
  return true;
}

const who = ({ join }: BoardSession) => ({ boardId: join.board.id, token: join.sessionToken });

const store = () => useFacilitationStore.getState();
const controlState = () => useStepStore.getState().control;

function currentStepId(): string | null {
  const { format, currentIndex } = useStepStore.getState();
  return format && currentIndex !== null ? (format.steps[currentIndex]?.id ?? null) : null;
}

// ── Timer ──────────────────────────────────────────────────────────────────────────────────────

export function timerAct(session: BoardSession, action: TimerAction): Promise<unknown> {
  const { boardId, token } = who(session);
  return store().run('timer', () => api.postTimer(boardId, token, action));
}

// ── Dot voting ─────────────────────────────────────────────────────────────────────────────────

export function openVoteAct(
  session: BoardSession,
  settings: Omit<VoteSettingsInput, 'stepId'>,
): Promise<unknown> {
  const { boardId, token } = who(session);
  return store().run('vote', async () => {
    const voting = await api.openVote(boardId, token, { ...settings, stepId: currentStepId() });
    useFacilitationStore.setState({ myBallots: null });
    return voting;
  });
}

export function closeVoteAct(session: BoardSession): Promise<unknown> {
  const { boardId, token } = who(session);
  const voting = controlState().voting;
  if (!voting || voting.status !== 'open') return Promise.resolve(null);
  return store().run('vote', () => api.closeVote(boardId, token, voting.sessionId));
}

/** Places or takes back one dot; a refusal is told in plain words, near the pointer's work. */
export function ballotAct(
  session: BoardSession,
  targetId: string,
  kind: 'cast' | 'withdraw',
): Promise<unknown> {
  const { boardId, token } = who(session);
  const voting = controlState().voting;
  if (!voting) return Promise.resolve(null);
  return store().run(
    `ballot:${targetId}`,
    async () => {
      const mine =
        kind === 'cast'
          ? await api.castBallot(boardId, token, voting.sessionId, targetId)
          : await api.withdrawBallot(boardId, token, voting.sessionId, targetId);
      useFacilitationStore.setState({ myBallots: mine });
      return mine;
    },
    (error) => {
      const code = error instanceof ApiRequestError ? (error.isNetworkError ? 'network' : error.code) : '';
      store().say(ballotErrorKey(code), undefined, 'error');
      // The server knows best how many dots are left: ask again after a refusal.
      void refreshMyBallots(session);
      return true;
    },
  );
}

/** Reloads this person's dots in the current vote (after a reload, or a refusal). */
export async function refreshMyBallots(session: BoardSession): Promise<void> {
  const voting = controlState().voting;
  if (!canCastDots(session.join.identity.role) || !voting) return;
  const { boardId, token } = who(session);
  try {
    const mine = await api.fetchMyBallots(boardId, token, voting.sessionId);
    useFacilitationStore.setState({ myBallots: mine });
  } catch (error) {
    console.warn('[empiria] could not read my ballots', error);
  }
}

// ── Private writing ────────────────────────────────────────────────────────────────────────────

export function startPrivateAct(session: BoardSession): Promise<unknown> {
  const { boardId, token } = who(session);
  return store().run('private', () => api.startPrivateWriting(boardId, token, currentStepId()));
}

export function revealPrivateAct(session: BoardSession): Promise<unknown> {
  const { boardId, token } = who(session);
  return store().run('private', async () => {
    const state = await api.revealPrivateWriting(boardId, token);
    store().say('private.revealed');
    return state;
  });
}

// ── Raised hands ───────────────────────────────────────────────────────────────────────────────

export function raiseHandAct(session: BoardSession, raised: boolean): Promise<unknown> {
  const { boardId, token } = who(session);
  return store().run('hand', () => api.setHand(boardId, token, raised));
}

export function lowerHandAct(session: BoardSession, personId: string): Promise<unknown> {
  const { boardId, token } = who(session);
  return store().run(`lower:${personId}`, () => api.lowerHand(boardId, token, personId));
}

// ── The group's view ───────────────────────────────────────────────────────────────────────────

/** "Bring everyone here": everyone's camera moves, once, to what the facilitator sees now. */
export function summonAct(session: BoardSession, editor: Editor): boolean {
  const { identity } = session.join;
  const view = editor.getViewportPageBounds();
  const written = writeControl(session, 'summon', {
    id: `${identity.id}-${Date.now().toString(36)}`,
    byName: identity.name,
    at: Date.now(),
    viewport: roundViewport({ x: view.x, y: view.y, w: view.w, h: view.h }),
  });
  if (written) store().say('group.summonDone');
  return written;
}

/** "Follow me" on or off; the viewport itself travels in awareness. */
export function followMeAct(session: BoardSession, active: boolean): boolean {
  const { identity } = session.join;
  return writeControl(
    session,
    'follow',
    active
      ? { active: true, leaderId: identity.id, leaderName: identity.name }
      : { active: false, leaderId: null, leaderName: null },
  );
}

/** Turns the room display's page at the current step, when what it shows takes more than one. */
export function turnRoomPageAct(session: BoardSession, by: 1 | -1): boolean {
  const { format, currentIndex, control: state } = useStepStore.getState();
  const stepId = format && currentIndex !== null ? format.steps[currentIndex]?.id : undefined;
  if (!stepId) return false;
  return writeControl(session, 'roomPage', turnRoomPage(state.roomPage, stepId, by));
}

// ── Sheets and notes ───────────────────────────────────────────────────────────────────────────

export function lockSheetAct(session: BoardSession, stepId: string, locked: boolean): boolean {
  const { format, control: state } = useStepStore.getState();
  const order = format?.steps.map((step) => step.id) ?? [];
  return writeControl(session, 'lockedSteps', toggleLock(state.lockedSteps, stepId, locked, order));
}

export function showAuthorsAct(session: BoardSession, show: boolean): boolean {
  return writeControl(session, 'showAuthors', show);
}

/**
 * Opens or closes a step to observer cities for this meeting ([P7]). Only a change from the
 * format's choice is kept, so a step set back to its default follows its format again.
 */
export function observerAccessAct(session: BoardSession, stepId: string, access: StepAccess): boolean {
  const { format, control: state } = useStepStore.getState();
  const step = format?.steps.find((candidate) => candidate.id === stepId);
  if (!step) return false;
  const { [stepId]: _previous, ...others } = state.observerAccess;
  const byFormat = step.observers ?? 'closed';
  return writeControl(
    session,
    'observerAccess',
    access === byFormat ? others : { ...others, [stepId]: access },
  );
}
