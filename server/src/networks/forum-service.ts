import {
  FORUM_ERROR_CODES,
  mayChangePost,
  mayForum,
  maySeePost,
  type AgendaItemInput,
  type CreateForumThreadRequest,
  type ForumAct,
  type ForumAuthor,
  type ForumConversion,
  type ForumCreatedResponse,
  type ForumPlannedMeeting,
  type ForumPost,
  type ForumResponse,
  type ForumThreadResponse,
  type ForumThreadSummary,
  type ForumUnreadResponse,
  type ForumViewer,
  type Meeting,
  type NetworkActor,
} from '@empiria/shared';
import { newId } from '../ids';
import type { PersonActor } from './home-access';
import type { MeetingService } from './meeting-service';
import type { NetworkService } from './network-service';
import { ForumStore, type PostRecord, type ThreadRecord } from './forum-store';
import type { NetworkServices } from './network-services';
import type { SqlDatabase } from '../storage/sql/sql-database';
import { warsawLocalTime } from './warsaw-time';
import { DomainError } from '../domain-error';

const noSuch = (what: string) => new DomainError('not_found', 'not_found', `No such ${what}.`);

/** An opening post as the request gives it, after the schema (trimmed, bounded). */
type NewThread = Required<CreateForumThreadRequest>;

/**
 * A network's forum (issue #12 item 5; rules F1–F5 in docs/permissions.md): threads of three
 * kinds with their posts, moderation by the pair, a read mark per person and thread for the
 * personal home's unread counts, and a need turned into an agenda item of a planned meeting. Every
 * change is one transaction ([N11]); the agenda item is written through the meetings'
 * own rules (the board is rewritten, or the change refused with 409 `board_in_use`).
 */
export class ForumService {
  readonly #store: ForumStore;
  readonly #networks: NetworkService;
  readonly #meetings: MeetingService;
  readonly #now: () => Date;
  /** Threads being put on an agenda now: a second click meanwhile is refused, not doubled. */
  readonly #converting = new Set<string>();

  constructor(
    store: ForumStore,
    networks: NetworkService,
    meetings: MeetingService,
    now: () => Date = () => new Date(),
  ) {
    this.#store = store;
    this.#networks = networks;
    this.#meetings = meetings;
    this.#now = now;
  }

  /** The threads the caller may read, most recently active first, with their unread counts. */
  async list(actor: NetworkActor, networkId: string): Promise<ForumResponse> {
    this.#require(actor, 'forum.read', networkId);
    const network = await this.#networks.get(networkId);
    return {
      network: { id: network.id, name: network.name, theme: network.theme },
      viewer: this.#viewer(actor, networkId),
      threads: await this.#summaries(actor, networkId),
      plannedMeetings: await this.#plannedMeetings(actor, networkId),
    };
  }

  /** One thread and the posts the caller may see; a thread hidden from them is "no such thread". */
  async thread(actor: NetworkActor, networkId: string, threadId: string): Promise<ForumThreadResponse> {
    this.#require(actor, 'forum.read', networkId);
    const network = await this.#networks.get(networkId);
    const thread = (await this.#summaries(actor, networkId)).find((candidate) => candidate.id === threadId);
    if (!thread) throw noSuch('thread');
    const authors = await this.#store.authors(networkId);
    const posts = (await this.#store.posts(threadId))
      .filter((post) => maySeePost(actor, networkId, post))
      .map((post) => toForumPost(post, authors));
    return {
      network: { id: network.id, name: network.name, theme: network.theme },
      viewer: this.#viewer(actor, networkId),
      thread,
      posts,
      plannedMeetings: await this.#plannedMeetings(actor, networkId),
    };
  }

  async createThread(
    actor: NetworkActor,
    networkId: string,
    request: NewThread,
  ): Promise<ForumCreatedResponse> {
    const author = this.#poster(actor, networkId);
    await this.#networks.get(networkId);
    const at = this.#now().toISOString();
    const thread: ThreadRecord = {
      id: newId(9),
      networkId,
      kind: request.kind,
      title: request.title,
      authorId: author.personId,
      createdAt: at,
      lastPostAt: at,
    };
    const postId = newId(9);
    await this.#store.transaction(async (store) => {
      await store.insertThread(thread);
      await store.insertPost({
        id: postId,
        threadId: thread.id,
        authorId: author.personId,
        body: request.body,
        createdAt: at,
      });
      // The author has read what they wrote.
      await markToEnd(store, thread.id, author.personId);
    });
    return { threadId: thread.id, postId };
  }

  async reply(
    actor: NetworkActor,
    networkId: string,
    threadId: string,
    body: string,
  ): Promise<ForumCreatedResponse> {
    const author = this.#poster(actor, networkId);
    const at = this.#now().toISOString();
    const postId = newId(9);
    await this.#store.transaction(async (store) => {
      await visibleThread(store, actor, networkId, threadId);
      await store.insertPost({ id: postId, threadId, authorId: author.personId, body, createdAt: at });
      await store.touchThread(threadId, at);
      await markToEnd(store, threadId, author.personId);
    });
    return { threadId, postId };
  }

  /** [F3] the author rewrites their own post; the edit is marked with its time. */
  async editPost(actor: NetworkActor, networkId: string, postId: string, body: string): Promise<void> {
    this.#require(actor, 'forum.post', networkId);
    const at = this.#now().toISOString();
    await this.#store.transaction(async (store) => {
      const post = await ownPost(store, actor, networkId, postId);
      await store.editPost(post.id, body, at);
    });
  }

  /**
   * [F3] the author deletes their own post; a thread's opening post takes the thread with it, so
   * it goes only while nobody has answered (409 `thread_has_replies`: the answers are others').
   */
  async deletePost(
    actor: NetworkActor,
    networkId: string,
    postId: string,
  ): Promise<{ threadDeleted: boolean }> {
    this.#require(actor, 'forum.post', networkId);
    return this.#store.transaction(async (store) => {
      const post = await ownPost(store, actor, networkId, postId);
      const posts = await store.posts(post.threadId);
      if (posts[0]?.id !== post.id) {
        await store.deletePost(post.id);
        return { threadDeleted: false };
      }
      if (posts.length > 1) {
        throw new DomainError(
          'conflict',
          FORUM_ERROR_CODES.threadHasReplies,
          'Others have answered in this thread: edit your post instead of deleting it.',
        );
      }
      await store.deleteThread(post.threadId);
      return { threadDeleted: true };
    });
  }

  /** [F3] the pair hides a post from everyone but the pair, the office and its author, or shows it again. */
  async setHidden(actor: NetworkActor, networkId: string, postId: string, hidden: boolean): Promise<void> {
    this.#require(actor, 'forum.moderate', networkId);
    const at = this.#now().toISOString();
    await this.#store.transaction(async (store) => {
      const post = await postOf(store, networkId, postId);
      const by = actor.kind === 'person' ? actor.personId : 'office';
      await store.setHidden(post.id, hidden ? { at, by } : null);
    });
  }

  /** [F5] the reader has seen the thread up to `upToSeq` (never beyond its last post). */
  async markRead(actor: NetworkActor, networkId: string, threadId: string, upToSeq: number): Promise<void> {
    this.#require(actor, 'forum.read', networkId);
    if (actor.kind !== 'person') {
      throw new DomainError('forbidden', 'forbidden', 'The office keeps no read marks: it has no home.');
    }
    const personId = actor.personId;
    await this.#store.transaction(async (store) => {
      const posts = await visibleThread(store, actor, networkId, threadId);
      const last = posts.at(-1)?.seq ?? 0;
      await store.markRead(threadId, personId, Math.min(upToSeq, last));
    });
  }

  /** [F5] the personal home's notification: unread posts in the link's network. */
  async unread(actor: PersonActor): Promise<ForumUnreadResponse> {
    const threads = await this.#summaries(actor, actor.networkId);
    return {
      networkId: actor.networkId,
      unreadThreads: threads.filter((thread) => thread.unread > 0).length,
      unreadPosts: threads.reduce((sum, thread) => sum + thread.unread, 0),
    };
  }

  /**
   * [F4] the pair puts a need on the agenda of a planned meeting of the network: a free-discussion
   * item titled by the need, at the agenda's end (the pair moves it in the agenda editor). The
   * meeting's own rules apply: its board is rewritten to the new agenda, or the change is refused
   * (409 `board_in_use` once someone has joined it); only then is the thread marked.
   */
  async toAgenda(
    actor: NetworkActor,
    networkId: string,
    threadId: string,
    request: { meetingId: string; minutes: number },
  ): Promise<ForumConversion> {
    this.#require(actor, 'forum.convert', networkId);
    const thread = await this.#store.thread(threadId);
    if (!thread || thread.networkId !== networkId) throw noSuch('thread');
    if (thread.kind !== 'need') {
      throw new DomainError(
        'invalid',
        FORUM_ERROR_CODES.notANeed,
        'Only an observation or need becomes an agenda item.',
      );
    }
    const onAgenda = () =>
      new DomainError('conflict', FORUM_ERROR_CODES.alreadyOnAgenda, 'This need is on an agenda already.');
    if (this.#converting.has(threadId)) throw onAgenda();
    // Taken with no await since the check above: a second click meanwhile finds it and is refused.
    this.#converting.add(threadId);
    try {
      const conversions = await this.#store.conversions(networkId);
      if (conversions.some((c) => c.threadId === threadId && c.kind === 'agenda-item')) {
        throw onAgenda();
      }
      const meeting = await this.#meetings.get(networkId, request.meetingId);
      if (meeting.endsAt <= warsawLocalTime(this.#now())) {
        throw new DomainError(
          'conflict',
          FORUM_ERROR_CODES.meetingHeld,
          'This meeting is over: choose a planned one.',
        );
      }
      const item: AgendaItemInput = {
        kind: 'free-discussion',
        title: thread.title,
        minutes: request.minutes,
      };
      const updated = await this.#meetings.update(networkId, meeting.id, {
        agenda: [...meeting.agenda, item],
      });
      const addedAt = this.#now().toISOString();
      const addedBy = actor.kind === 'person' ? actor.personId : 'office';
      await this.#store.transaction(async (store) => {
        // The thread may have been deleted while the board was rewritten: the item stays, titled.
        if (!(await store.thread(threadId))) return;
        await store.insertConversion(
          { threadId, kind: 'agenda-item', meetingId: meeting.id, addedAt },
          addedBy,
        );
      });
      return {
        kind: 'agenda-item',
        meetingId: updated.id,
        meetingTitle: updated.title,
        startsAt: updated.startsAt,
        addedAt,
      };
    } finally {
      this.#converting.delete(threadId);
    }
  }

  #require(actor: NetworkActor, act: ForumAct, networkId: string): void {
    if (mayForum(actor, act, networkId)) return;
    if (actor.kind === 'person' && actor.networkId !== networkId) {
      throw new DomainError('forbidden', 'forbidden', 'This personal link belongs to another network.');
    }
    throw new DomainError(
      'forbidden',
      'forbidden',
      actor.kind === 'office'
        ? 'The office reads the forum; posts are written by the network’s people.'
        : 'Your role in this network does not allow that.',
    );
  }

  /** A person who may post here ([F1]). */
  #poster(actor: NetworkActor, networkId: string): PersonActor {
    this.#require(actor, 'forum.post', networkId);
    if (actor.kind !== 'person') throw new Error('unreachable: the office does not post');
    return actor;
  }

  #viewer(actor: NetworkActor, networkId: string): ForumViewer {
    return {
      personId: actor.kind === 'person' ? actor.personId : null,
      canPost: mayForum(actor, 'forum.post', networkId),
      canModerate: mayForum(actor, 'forum.moderate', networkId),
      canConvert: mayForum(actor, 'forum.convert', networkId),
    };
  }

  async #plannedMeetings(actor: NetworkActor, networkId: string): Promise<ForumPlannedMeeting[]> {
    if (!mayForum(actor, 'forum.convert', networkId)) return [];
    const now = warsawLocalTime(this.#now());
    return (await this.#meetings.list(networkId))
      .filter((meeting) => meeting.endsAt > now)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .map((meeting) => ({ id: meeting.id, title: meeting.title, startsAt: meeting.startsAt }));
  }

  /**
   * The threads the actor sees, with counts: a thread whose opening post is hidden reaches only
   * those who may see that post ([F3]); unread counts only visible posts by others after the
   * reader's mark ([F5]).
   */
  async #summaries(actor: NetworkActor, networkId: string): Promise<ForumThreadSummary[]> {
    const threads = await this.#store.threads(networkId);
    const postsByThread = new Map<string, PostRecord[]>();
    for (const post of await this.#store.postsOfNetwork(networkId)) {
      const list = postsByThread.get(post.threadId) ?? [];
      list.push(post);
      postsByThread.set(post.threadId, list);
    }
    const authors = await this.#store.authors(networkId);
    const marks =
      actor.kind === 'person'
        ? await this.#store.readMarks(networkId, actor.personId)
        : new Map<string, number>();
    const meetings = new Map<string, Meeting>((await this.#meetings.list(networkId)).map((m) => [m.id, m]));
    const conversions = await this.#store.conversions(networkId);
    return threads.flatMap((thread) => {
      const posts = postsByThread.get(thread.id) ?? [];
      const opening = posts[0];
      if (!opening || !maySeePost(actor, networkId, opening)) return [];
      const mark = marks.get(thread.id) ?? 0;
      const unread =
        actor.kind === 'person'
          ? posts.filter((post) => !post.hidden && post.seq > mark && post.authorId !== actor.personId).length
          : 0;
      const summary: ForumThreadSummary = {
        id: thread.id,
        kind: thread.kind,
        title: thread.title,
        author: authorOf(thread.authorId, authors),
        createdAt: thread.createdAt,
        lastPostAt: thread.lastPostAt,
        posts: posts.filter((post) => maySeePost(actor, networkId, post)).length,
        unread,
        hidden: opening.hidden,
        conversions: conversions
          .filter((conversion) => conversion.threadId === thread.id)
          .flatMap((conversion): ForumConversion[] => {
            const meeting = meetings.get(conversion.meetingId);
            return meeting
              ? [
                  {
                    kind: 'agenda-item',
                    meetingId: meeting.id,
                    meetingTitle: meeting.title,
                    startsAt: meeting.startsAt,
                    addedAt: conversion.addedAt,
                  },
                ]
              : [];
          }),
      };
      return [summary];
    });
  }
}

async function postOf(store: ForumStore, networkId: string, postId: string): Promise<PostRecord> {
  const post = await store.post(postId);
  const thread = post ? await store.thread(post.threadId) : null;
  if (!post || !thread || thread.networkId !== networkId) throw noSuch('post');
  return post;
}

/** [F3] one's own post; someone else's is 403 `not_author` (the pair hides, never rewrites). */
async function ownPost(
  store: ForumStore,
  actor: NetworkActor,
  networkId: string,
  postId: string,
): Promise<PostRecord> {
  const post = await postOf(store, networkId, postId);
  if (!maySeePost(actor, networkId, post)) throw noSuch('post');
  if (!mayChangePost(actor, networkId, post.authorId)) {
    throw new DomainError('forbidden', FORUM_ERROR_CODES.notAuthor, 'Only its author changes a post.');
  }
  return post;
}

/** The posts of a thread the caller can see; a thread hidden from them is not there. */
async function visibleThread(
  store: ForumStore,
  actor: NetworkActor,
  networkId: string,
  threadId: string,
): Promise<PostRecord[]> {
  const thread = await store.thread(threadId);
  if (!thread || thread.networkId !== networkId) throw noSuch('thread');
  const posts = await store.posts(threadId);
  const opening = posts[0];
  if (!opening || !maySeePost(actor, networkId, opening)) throw noSuch('thread');
  return posts;
}

async function markToEnd(store: ForumStore, threadId: string, personId: string): Promise<void> {
  const last = (await store.posts(threadId)).at(-1)?.seq ?? 0;
  await store.markRead(threadId, personId, last);
}

function authorOf(personId: string, authors: Map<string, ForumAuthor>): ForumAuthor {
  // Persons are never deleted, so every author is found; the fallback keeps a page from failing.
  return authors.get(personId) ?? { personId, name: '—', city: null, role: null, observer: false };
}

function toForumPost(post: PostRecord, authors: Map<string, ForumAuthor>): ForumPost {
  return {
    id: post.id,
    seq: post.seq,
    author: authorOf(post.authorId, authors),
    body: post.body,
    createdAt: post.createdAt,
    editedAt: post.editedAt,
    hidden: post.hidden,
  };
}

/** The forum on the stores' database, over the network's people and meetings. */
export function createForumService(sql: SqlDatabase, networks: NetworkServices): ForumService {
  return new ForumService(new ForumStore(sql), networks.networks, networks.meetings);
}
