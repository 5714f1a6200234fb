import { create } from 'zustand';
import { revokeInviteResponseSchema } from '@empiria/shared';
import { apiRequest } from '../api/http';

type CopyState = 'idle' | 'copied' | 'copy-failed';

interface GuestInviteState {
  /** The board whose link is shown; a link read for another board is never shown here. */
  boardId: string | null;
  link: string | null;
  loading: boolean;
  failed: boolean;
  copy: CopyState;
  /** Reads the board's current guest link (the pair only, [G1]); it does not replace it. */
  load: (boardId: string, token: string) => Promise<void>;
  copyLink: () => Promise<void>;
}

/** The pair's guest-expert link, read on demand from `GET /api/boards/:id/invites/guest`. */
export const useGuestInviteStore = create<GuestInviteState>((set, get) => ({
  boardId: null,
  link: null,
  loading: false,
  failed: false,
  copy: 'idle',
  async load(boardId, token) {
    set({ boardId, link: null, loading: true, failed: false, copy: 'idle' });
    try {
      const { invite } = await apiRequest(`/api/boards/${encodeURIComponent(boardId)}/invites/guest`, {
        token,
        schema: revokeInviteResponseSchema,
      });
      if (get().boardId === boardId) set({ link: invite, loading: false });
    } catch {
      if (get().boardId === boardId) set({ loading: false, failed: true });
    }
  },
  async copyLink() {
    const link = get().link;
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      set({ copy: 'copied' });
    } catch {
      set({ copy: 'copy-failed' });
    }
  },
}));
