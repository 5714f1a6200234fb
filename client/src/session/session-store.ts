import { create } from 'zustand';
import type { BoardInfo, JoinRequest, JoinResponse, MessageKey, Role } from '@empiria/shared';
import { fetchBoardAccess, joinBoard } from '../api/endpoints';
import { ApiRequestError } from '../api/http';
import {
  deviceSecret,
  forgetSession,
  readProfile,
  readSession,
  saveProfile,
  saveSession,
} from './session-storage';
import type { Profile } from './session-storage';

/**
 * Where a person stands with one board:
 * - `checking`: looking at the stored session or the invite link;
 * - `join`: the invite is valid, the form for name and city is shown;
 * - `joined`: a session exists, the board is shown;
 * - `invalid`: the link cannot work (revoked, incomplete, unknown board);
 * - `unreachable`: the server could not be reached and there is no session to fall back on.
 */
export type SessionPhase =
  | { kind: 'checking' }
  | { kind: 'join'; board: BoardInfo; role: Role; profile: Profile | null; notice: MessageKey | null }
  | { kind: 'joined'; session: JoinResponse }
  | { kind: 'invalid'; reason: 'link' | 'not-found' }
  | { kind: 'unreachable' };

interface SessionState {
  boardId: string | null;
  inviteToken: string | null;
  phase: SessionPhase;
  joining: boolean;
  joinError: MessageKey | null;
  open(boardId: string, inviteToken: string | null): Promise<void>;
  /**
   * Joins with a name, a city and where the person is (room or online). `remember: false` keeps
   * the device's remembered name and city as they are (the room display joins under its own).
   */
  join(request: JoinRequest, options?: { remember?: boolean }): Promise<void>;
  /** The server refused the session (expired or revoked): back to the join form. */
  sessionEnded(): Promise<void>;
}

export const useSessionStore = create<SessionState>((set, get) => {
  async function showJoinForm(notice: MessageKey | null): Promise<void> {
    const { boardId, inviteToken } = get();
    if (!boardId || !inviteToken) {
      set({ phase: { kind: 'invalid', reason: 'link' } });
      return;
    }
    try {
      const access = await fetchBoardAccess(boardId, inviteToken);
      if (!access.role) {
        set({ phase: { kind: 'invalid', reason: 'link' } });
        return;
      }
      set({
        phase: { kind: 'join', board: access.board, role: access.role, profile: readProfile(), notice },
      });
    } catch (error) {
      set({ phase: phaseForFailure(error) });
    }
  }

  return {
    boardId: null,
    inviteToken: null,
    phase: { kind: 'checking' },
    joining: false,
    joinError: null,

    async open(boardId, inviteToken) {
      set({ boardId, inviteToken, phase: { kind: 'checking' }, joinError: null });
      const stored = readSession(boardId);
      if (!stored) return showJoinForm(null);
      try {
        const access = await fetchBoardAccess(boardId, stored.sessionToken);
        const session = { ...stored, board: access.board };
        saveSession(session);
        set({ phase: { kind: 'joined', session } });
      } catch (error) {
        if (error instanceof ApiRequestError && (error.status === 401 || error.status === 403)) {
          forgetSession(boardId);
          return showJoinForm('join.sessionEnded');
        }
        // Offline or server down: the board still opens from this device's copy.
        set({ phase: { kind: 'joined', session: stored } });
      }
    },

    async join(request, options) {
      const { boardId, inviteToken } = get();
      if (!boardId || !inviteToken) return;
      set({ joining: true, joinError: null });
      try {
        const secret = deviceSecret(boardId);
        const session = await joinBoard(boardId, inviteToken, {
          ...request,
          ...(secret ? { deviceSecret: secret } : {}),
        });
        saveSession(session);
        if (options?.remember !== false) saveProfile({ name: request.name, city: request.city });
        set({ joining: false, phase: { kind: 'joined', session } });
      } catch (error) {
        if (error instanceof ApiRequestError && error.code === 'person_removed') {
          set({ joining: false, joinError: 'join.removed' });
          return;
        }
        const network = error instanceof ApiRequestError && error.isNetworkError;
        if (error instanceof ApiRequestError && (error.status === 401 || error.status === 404)) {
          set({ joining: false, phase: phaseForFailure(error) });
          return;
        }
        set({ joining: false, joinError: network ? 'common.error.network' : 'common.error.generic' });
      }
    },

    async sessionEnded() {
      const { boardId } = get();
      if (boardId) forgetSession(boardId);
      return showJoinForm('join.sessionEnded');
    },
  };
});

function phaseForFailure(error: unknown): SessionPhase {
  if (error instanceof ApiRequestError) {
    if (error.status === 404) return { kind: 'invalid', reason: 'not-found' };
    if (error.status === 401 || error.status === 403) return { kind: 'invalid', reason: 'link' };
  }
  return { kind: 'unreachable' };
}
