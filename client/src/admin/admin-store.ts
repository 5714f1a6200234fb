import { create } from 'zustand';
import type { AdminBoard, MessageKey, Role, BoardFormat } from '@empiria/shared';
import { createBoard, listBoards, revokeInvite } from '../api/endpoints';
import { ApiRequestError } from '../api/http';
import { forgetAdminToken, readAdminToken } from '../session/admin-token';

interface AdminState {
  token: string | null;
  boards: AdminBoard[] | null;
  loading: boolean;
  error: MessageKey | null;
  creating: boolean;
  load(): Promise<void>;
  create(title: string, format: BoardFormat): Promise<boolean>;
  revoke(boardId: string, role: Role): Promise<boolean>;
  signOut(): void;
  /** Re-reads the stored token (after `takeAdminTokenFromUrl` at boot). */
  refreshToken(): void;
}

function errorKey(error: unknown): MessageKey {
  if (error instanceof ApiRequestError) {
    if (error.isNetworkError) return 'common.error.network';
    if (error.status === 401 || error.status === 403) return 'admin.badToken';
  }
  return 'common.error.generic';
}

/** The admin home's state: the boards, and the create/revoke actions on them. */
export const useAdminStore = create<AdminState>((set, get) => ({
  token: readAdminToken(),
  boards: null,
  loading: false,
  error: null,
  creating: false,

  async load() {
    const { token } = get();
    if (!token) return;
    set({ loading: true, error: null });
    try {
      const { boards } = await listBoards(token);
      set({ boards, loading: false });
    } catch (error) {
      set({ loading: false, error: errorKey(error) });
    }
  },

  async create(title, format) {
    const { token } = get();
    if (!token) return false;
    set({ creating: true, error: null });
    try {
      await createBoard(token, { title, format });
      set({ creating: false });
      await get().load();
      return true;
    } catch (error) {
      set({ creating: false, error: errorKey(error) });
      return false;
    }
  },

  async revoke(boardId, role) {
    const { token } = get();
    if (!token) return false;
    try {
      const { invite } = await revokeInvite(boardId, role, token);
      set((state) => ({
        boards:
          state.boards?.map((board) =>
            board.id === boardId ? { ...board, invites: { ...board.invites, [role]: invite } } : board,
          ) ?? null,
      }));
      return true;
    } catch (error) {
      set({ error: errorKey(error) });
      return false;
    }
  },

  refreshToken() {
    set({ token: readAdminToken() });
  },

  signOut() {
    forgetAdminToken();
    set({ token: null, boards: null, error: null });
  },
}));
