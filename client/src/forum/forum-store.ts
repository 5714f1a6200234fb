import { create } from 'zustand';
import {
  FORUM_AGENDA_MINUTES_DEFAULT,
  type ForumResponse,
  type ForumThreadKind,
  type ForumThreadResponse,
  type MessageKey,
} from '@empiria/shared';
import { networkPageToken, type NetworkPageToken } from '../session/network-token';
import * as api from './forum-api';
import { actErrorKey, loadErrorKey } from './forum-errors';

type Phase =
  | { kind: 'loading' }
  | { kind: 'failed'; error: MessageKey }
  | { kind: 'list'; forum: ForumResponse }
  | { kind: 'thread'; thread: ForumThreadResponse };

export interface ThreadDraft {
  kind: ForumThreadKind;
  title: string;
  body: string;
}

export interface AgendaDraft {
  meetingId: string;
  minutes: number;
}

interface ForumState {
  networkId: string | null;
  threadId: string | null;
  access: NetworkPageToken | null;
  phase: Phase;
  /** An action under way (buttons wait), and the last action's refusal. */
  busy: boolean;
  error: MessageKey | null;
  filter: ForumThreadKind | 'all';
  /** The new-thread form, open or not, and what is typed in it. */
  composing: boolean;
  draft: ThreadDraft;
  reply: string;
  /** The post being edited and its text; the post whose deletion waits for a second click. */
  editing: { postId: string; body: string } | null;
  confirmingDelete: string | null;
  agenda: AgendaDraft;

  open(networkId: string, threadId: string | null): Promise<void>;
  setFilter(filter: ForumThreadKind | 'all'): void;
  compose(open: boolean): void;
  setDraft(patch: Partial<ThreadDraft>): void;
  publish(): Promise<void>;
  setReply(text: string): void;
  sendReply(): Promise<void>;
  startEdit(postId: string, body: string): void;
  setEditBody(body: string): void;
  cancelEdit(): void;
  saveEdit(): Promise<void>;
  askDelete(postId: string | null): void;
  deletePost(postId: string): Promise<void>;
  setHidden(postId: string, hidden: boolean): Promise<void>;
  setAgenda(patch: Partial<AgendaDraft>): void;
  putOnAgenda(): Promise<void>;
}

const EMPTY_DRAFT: ThreadDraft = { kind: 'question', title: '', body: '' };

/** Where a thread lives: each has its own address, so a link to it can be passed on. */
export function threadPath(networkId: string, threadId: string): string {
  return `/n/${encodeURIComponent(networkId)}/forum/${encodeURIComponent(threadId)}`;
}

export function forumPath(networkId: string): string {
  return `/n/${encodeURIComponent(networkId)}/forum`;
}

/**
 * A network's forum page (`/n/<id>/forum`, a thread at `/n/<id>/forum/<threadId>`): the thread
 * list, or one thread with its posts, and every act on them. The token is the network pages' own:
 * a personal link of this network, else the office's admin token.
 */
export const useForumStore = create<ForumState>((set, get) => {
  /** Runs an act; on success reloads what the page shows, on refusal says why. */
  const act = async (work: (token: string, networkId: string) => Promise<void>): Promise<boolean> => {
    const { access, networkId, busy } = get();
    if (!access || !networkId || busy) return false;
    set({ busy: true, error: null });
    try {
      await work(access.token, networkId);
      set({ busy: false });
      return true;
    } catch (error) {
      set({ busy: false, error: actErrorKey(error) });
      return false;
    }
  };

  const reload = async (): Promise<void> => {
    const { access, networkId, threadId } = get();
    if (!access || !networkId) return;
    if (threadId === null) {
      const forum = await api.fetchForum(networkId, access.token);
      if (get().threadId === null) set({ phase: { kind: 'list', forum } });
      return;
    }
    const thread = await api.fetchThread(networkId, threadId, access.token);
    if (get().threadId !== threadId) return;
    const planned = thread.plannedMeetings[0];
    set((state) => ({
      phase: { kind: 'thread', thread },
      agenda:
        state.agenda.meetingId === '' && planned ? { ...state.agenda, meetingId: planned.id } : state.agenda,
    }));
    // [F5] what is on screen is read: the home's count goes down (the office keeps no marks).
    const last = thread.posts.at(-1)?.seq;
    if (access.kind === 'personal' && last !== undefined && thread.thread.unread > 0) {
      await api.markRead(networkId, threadId, last, access.token).catch(() => undefined);
    }
  };

  return {
    networkId: null,
    threadId: null,
    access: null,
    phase: { kind: 'loading' },
    busy: false,
    error: null,
    filter: 'all',
    composing: false,
    draft: EMPTY_DRAFT,
    reply: '',
    editing: null,
    confirmingDelete: null,
    agenda: { meetingId: '', minutes: FORUM_AGENDA_MINUTES_DEFAULT },

    async open(networkId, threadId) {
      const access = networkPageToken(networkId);
      set({ networkId, threadId, access, phase: { kind: 'loading' }, error: null });
      if (!access) {
        set({ phase: { kind: 'failed', error: 'forum.error.noToken' } });
        return;
      }
      try {
        await reload();
      } catch (error) {
        const key =
          threadId !== null && loadErrorKey(error) === 'forum.error.notFound'
            ? 'forum.thread.notFound'
            : loadErrorKey(error);
        set({ phase: { kind: 'failed', error: key } });
      }
    },

    setFilter: (filter) => set({ filter }),
    compose: (open) => set({ composing: open, error: null }),
    setDraft: (patch) => set((state) => ({ draft: { ...state.draft, ...patch } })),

    async publish() {
      const { draft } = get();
      let created: string | null = null;
      const ok = await act(async (token, networkId) => {
        created = (await api.openThread(networkId, draft, token)).threadId;
      });
      const { networkId } = get();
      if (ok && created !== null && networkId) {
        set({ composing: false, draft: EMPTY_DRAFT });
        window.location.assign(threadPath(networkId, created));
      }
    },

    setReply: (reply) => set({ reply }),
    async sendReply() {
      const { reply, threadId } = get();
      if (threadId === null) return;
      await act(async (token, networkId) => {
        await api.replyTo(networkId, threadId, reply, token);
        set({ reply: '' });
        await reload();
      });
    },

    startEdit: (postId, body) => set({ editing: { postId, body }, confirmingDelete: null, error: null }),
    setEditBody: (body) => set((state) => ({ editing: state.editing ? { ...state.editing, body } : null })),
    cancelEdit: () => set({ editing: null }),
    async saveEdit() {
      const { editing } = get();
      if (!editing) return;
      await act(async (token, networkId) => {
        await api.editPost(networkId, editing.postId, editing.body, token);
        set({ editing: null });
        await reload();
      });
    },

    askDelete: (postId) => set({ confirmingDelete: postId, editing: null, error: null }),
    async deletePost(postId) {
      let threadGone = false;
      await act(async (token, networkId) => {
        threadGone = (await api.deletePost(networkId, postId, token)).threadDeleted;
        set({ confirmingDelete: null });
        if (!threadGone) await reload();
      });
      const { networkId } = get();
      if (threadGone && networkId) window.location.assign(forumPath(networkId));
    },

    async setHidden(postId, hidden) {
      await act(async (token, networkId) => {
        await api.setPostHidden(networkId, postId, hidden, token);
        await reload();
      });
    },

    setAgenda: (patch) => set((state) => ({ agenda: { ...state.agenda, ...patch } })),
    async putOnAgenda() {
      const { agenda, threadId } = get();
      if (threadId === null || agenda.meetingId === '') return;
      await act(async (token, networkId) => {
        await api.putOnAgenda(networkId, threadId, agenda, token);
        await reload();
      });
    },
  };
});
