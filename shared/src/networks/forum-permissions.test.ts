import { describe, expect, it } from 'vitest';
import { FORUM_ACTS, mayChangePost, mayForum, maySeePost } from './forum-permissions';
import type { NetworkActor } from './network-permissions';
import { NETWORK_ROLES, type NetworkRole } from './network-api';

const person = (role: NetworkRole, networkId = 'net-a', personId = 'p-1'): NetworkActor => ({
  kind: 'person',
  networkId,
  personId,
  role,
});
const office: NetworkActor = { kind: 'office' };

describe('forum permissions', () => {
  it('[F1] everyone of the network reads and posts; only the pair moderates and converts', () => {
    for (const role of NETWORK_ROLES) {
      const pair = role === 'facilitator' || role === 'expert';
      expect(mayForum(person(role), 'forum.read', 'net-a')).toBe(true);
      expect(mayForum(person(role), 'forum.post', 'net-a')).toBe(true);
      expect(mayForum(person(role), 'forum.moderate', 'net-a')).toBe(pair);
      expect(mayForum(person(role), 'forum.convert', 'net-a')).toBe(pair);
    }
  });

  it('[F1][N5] another network is closed to a personal link, whatever its role', () => {
    for (const role of NETWORK_ROLES) {
      for (const act of FORUM_ACTS) expect(mayForum(person(role, 'net-b'), act, 'net-a')).toBe(false);
    }
  });

  it('[F1] the office reads every forum and sees hidden posts, but neither posts nor converts', () => {
    expect(mayForum(office, 'forum.read', 'net-a')).toBe(true);
    expect(mayForum(office, 'forum.moderate', 'net-a')).toBe(true);
    expect(mayForum(office, 'forum.post', 'net-a')).toBe(false);
    expect(mayForum(office, 'forum.convert', 'net-a')).toBe(false);
  });

  it('[F3] only the author changes a post: not the pair, not the office, not a namesake elsewhere', () => {
    expect(mayChangePost(person('substitute', 'net-a', 'p-1'), 'net-a', 'p-1')).toBe(true);
    expect(mayChangePost(person('facilitator', 'net-a', 'p-2'), 'net-a', 'p-1')).toBe(false);
    expect(mayChangePost(office, 'net-a', 'p-1')).toBe(false);
    expect(mayChangePost(person('representative', 'net-b', 'p-1'), 'net-a', 'p-1')).toBe(false);
  });

  it('[F3] a hidden post reaches the pair, the office and its author only', () => {
    const hidden = { authorId: 'p-1', hidden: true };
    expect(maySeePost(person('representative', 'net-a', 'p-1'), 'net-a', hidden)).toBe(true);
    expect(maySeePost(person('expert', 'net-a', 'p-9'), 'net-a', hidden)).toBe(true);
    expect(maySeePost(office, 'net-a', hidden)).toBe(true);
    expect(maySeePost(person('organiser', 'net-a', 'p-9'), 'net-a', hidden)).toBe(false);
    expect(maySeePost(person('representative', 'net-a', 'p-9'), 'net-a', hidden)).toBe(false);
    expect(maySeePost(person('representative', 'net-a', 'p-9'), 'net-a', { ...hidden, hidden: false })).toBe(
      true,
    );
  });
});
