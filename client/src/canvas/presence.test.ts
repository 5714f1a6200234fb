import { describe, expect, it } from 'vitest';
import type { Identity } from '@empiria/shared';
import { peopleFromAwareness, presenceChanges, presenceIdFor, presenceRecordFor } from './presence';

const anna: Identity = {
  id: 'p-anna',
  name: 'Anna Kowalska',
  city: 'Lublin',
  role: 'participant',
  color: '#2e933c',
};
const jan: Identity = {
  id: 'p-jan',
  name: 'Jan Nowak',
  city: 'Gdańsk',
  role: 'facilitator',
  color: '#1b6ca8',
};

const peerPresence = {
  userName: 'Someone Else',
  color: '#000000',
  userId: 'user:forged',
  currentPageId: 'page:page',
  cursor: { x: 1, y: 2, type: 'default', rotation: 0 },
};

describe('presence from awareness', () => {
  it('takes name and colour from the server-stamped identity, not from the peer', () => {
    const record = presenceRecordFor(7, { user: anna, presence: peerPresence });
    expect(record).toMatchObject({ id: presenceIdFor(7), userName: 'Anna Kowalska', color: anna.color });
    expect(record?.userId).not.toBe('user:forged');
  });

  it('ignores states without a stamped identity or without presence', () => {
    expect(presenceRecordFor(1, { presence: peerPresence })).toBeNull();
    expect(presenceRecordFor(1, { user: anna })).toBeNull();
  });

  it('turns an awareness change into records to put and remove, skipping ourselves', () => {
    const states = new Map<number, unknown>([
      [1, { user: jan, presence: peerPresence }],
      [2, { user: anna, presence: peerPresence }],
    ]);
    const { put, remove } = presenceChanges(states, { added: [1, 2], updated: [], removed: [3] }, 1);
    expect(put.map((r) => r.userName)).toEqual(['Anna Kowalska']);
    expect(remove).toEqual([presenceIdFor(3)]);
  });

  it('lists each person once, yourself first', () => {
    const states = new Map<number, unknown>([
      [1, {}],
      [2, { user: jan }],
      [3, { user: jan }],
      [4, { user: { ...anna, name: 'Anna (other tab)' } }],
      [5, { nonsense: true }],
    ]);
    const people = peopleFromAwareness(states, 1, anna);
    expect(people.map((p) => [p.identity.name, p.isSelf])).toEqual([
      ['Anna Kowalska', true],
      ['Jan Nowak', false],
    ]);
  });
});
