import { create } from 'zustand';
import { fetchUnread } from './forum-api';

interface ForumUnreadState {
  /** Unread posts per network, once known (a failed count shows the plain link). */
  unread: Record<string, number>;
  load(networkId: string, personalToken: string): Promise<void>;
}

/** The forum's notification on the home and the network page: unread posts in the link's network ([F5]). */
export const useForumUnreadStore = create<ForumUnreadState>((set) => ({
  unread: {},
  async load(networkId, personalToken) {
    try {
      const answer = await fetchUnread(personalToken);
      if (answer.networkId !== networkId) return;
      set((state) => ({ unread: { ...state.unread, [networkId]: answer.unreadPosts } }));
    } catch {
      // The link still opens the forum; only the count is missing.
    }
  },
}));
