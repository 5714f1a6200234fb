import type { NetworkActor } from './network-permissions';

/**
 * Who may do what in a network's forum (rules F1–F4, docs/permissions.md). Pure: the server asks
 * it on every request, the client hides what would be refused.
 */
export const FORUM_ACTS = [
  /** Read the threads and posts (hidden ones are `forum.moderate`'s). */
  'forum.read',
  /** Open a thread, answer in one, edit or delete one's own post. */
  'forum.post',
  /** Hide or show any post; see hidden posts. */
  'forum.moderate',
  /** Turn a need into an agenda item of a planned meeting. */
  'forum.convert',
] as const;
export type ForumAct = (typeof FORUM_ACTS)[number];

/**
 * [F1] everyone of the network posts: the pair, the organiser, the representatives and
 * substitutes of core and observer cities alike; the office reads every forum (and sees hidden
 * posts) but has no name to post under; another network's link does nothing here ([N5]).
 * [F3], [F4] the pair (facilitator and experts) moderates and turns needs into agenda items.
 */
export function mayForum(actor: NetworkActor, act: ForumAct, networkId: string): boolean {
  if (actor.kind === 'office') return act === 'forum.read' || act === 'forum.moderate';
  if (actor.networkId !== networkId) return false;
  const pair = actor.role === 'facilitator' || actor.role === 'expert';
  switch (act) {
    case 'forum.read':
    case 'forum.post':
      return true;
    case 'forum.moderate':
    case 'forum.convert':
      return pair;
  }
}

/** [F3] a post is edited or deleted by its author alone (the pair hides, it does not rewrite). */
export function mayChangePost(actor: NetworkActor, networkId: string, authorId: string): boolean {
  return actor.kind === 'person' && actor.networkId === networkId && actor.personId === authorId;
}

/** [F3] a hidden post reaches the pair, the office and its author; nobody else. */
export function maySeePost(
  actor: NetworkActor,
  networkId: string,
  post: { authorId: string; hidden: boolean },
): boolean {
  if (!mayForum(actor, 'forum.read', networkId)) return false;
  if (!post.hidden) return true;
  return mayForum(actor, 'forum.moderate', networkId) || mayChangePost(actor, networkId, post.authorId);
}
