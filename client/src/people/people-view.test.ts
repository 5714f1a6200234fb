import { describe, expect, it } from 'vitest';
import type { PersonEntry } from '@empiria/shared';
import { mergeCandidates, peopleByLink } from './people-view';

const entry = (id: string, extra: Partial<PersonEntry> = {}): PersonEntry => ({
  id,
  role: 'participant',
  name: id,
  city: 'Gdynia',
  joinedAt: '2026-05-01T10:00:00.000Z',
  lastJoinedAt: '2026-05-01T10:00:00.000Z',
  status: 'active',
  mergedInto: null,
  online: false,
  ...extra,
});

describe("the facilitator's list of people", () => {
  const people = [
    entry('ala'),
    entry('fela', { role: 'facilitator' }),
    entry('ala-phone', { status: 'merged', mergedInto: 'ala' }),
    entry('bartek'),
    entry('troll', { status: 'removed' }),
  ];

  it('[I2] groups the people who count by link, each with the devices merged into them', () => {
    const { groups, removed } = peopleByLink(people);
    expect(groups.map((g) => [g.role, g.rows.map((r) => [r.person.id, r.aliases.map((a) => a.id)])])).toEqual(
      [
        ['facilitator', [['fela', []]]],
        [
          'participant',
          [
            ['ala', ['ala-phone']],
            ['bartek', []],
          ],
        ],
      ],
    );
    expect(removed.map((p) => p.id)).toEqual(['troll']);
  });

  it('[I2] offers a merge only into another counted person of the same link', () => {
    expect(mergeCandidates(people, 'bartek').map((p) => p.id)).toEqual(['ala']);
    expect(mergeCandidates(people, 'fela')).toEqual([]);
  });
});
