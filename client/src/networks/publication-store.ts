import { create } from 'zustand';
import { publicationStateSchema, type PublicationState } from '@empiria/shared';
import { apiRequest } from '../api/http';
import { actionError, type ActionResult } from './network-errors';

/**
 * The network's public page as the network page shows it to the pair (issue #13 item 6, [PUB1]):
 * open or closed, its address, how many notes the groups agreed to publish. Every change answers
 * the whole state, which replaces the one shown.
 */

interface PageAccess {
  token: string;
  networkId: string;
}

interface PublicationStoreState {
  page: PageAccess | null;
  state: PublicationState | null;
  load: (page: PageAccess) => Promise<void>;
  /** [PUB1] opens (true) or closes (false) the public page. */
  setPublic: (open: boolean) => Promise<ActionResult>;
}

const path = (networkId: string) => `/api/networks/${encodeURIComponent(networkId)}/publication`;

export const usePublicationStore = create<PublicationStoreState>()((set, get) => ({
  page: null,
  state: null,

  async load(page) {
    if (get().page?.networkId !== page.networkId) set({ state: null });
    set({ page });
    try {
      const state = await apiRequest(path(page.networkId), {
        token: page.token,
        schema: publicationStateSchema,
      });
      if (get().page?.networkId === page.networkId) set({ state });
    } catch {
      // The section stays hidden: the rest of the network page does not depend on it.
    }
  },

  async setPublic(open) {
    const { page } = get();
    if (!page) return { ok: false, code: 'unauthorized', key: 'networkAdmin.error.unauthorized' };
    try {
      const state = await apiRequest(path(page.networkId), {
        method: 'PUT',
        token: page.token,
        body: { public: open },
        schema: publicationStateSchema,
      });
      set({ state });
      return { ok: true };
    } catch (failure) {
      return { ok: false, ...actionError(failure) };
    }
  },
}));
