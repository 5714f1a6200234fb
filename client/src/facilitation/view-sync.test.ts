import { describe, expect, it } from 'vitest';
import { FOLLOWING_FIELD, viewportWanted } from './view-sync';

const anna = 'person-anna';
const groupFollow = (leaderId: string | null, active = true) => ({ active, leaderId, leaderName: 'X' });

describe('viewportWanted', () => {
  it('is wanted from the leader of "follow me", and from nobody else', () => {
    expect(viewportWanted(anna, groupFollow(anna), new Map())).toBe(true);
    expect(viewportWanted('person-jan', groupFollow(anna), new Map())).toBe(false);
    expect(viewportWanted(anna, groupFollow(anna, false), new Map())).toBe(false);
    expect(viewportWanted(anna, null, new Map())).toBe(false);
  });

  it('is wanted while someone says they follow this person from the people list', () => {
    const states = new Map<number, unknown>([
      [1, { user: { id: 'person-jan' }, [FOLLOWING_FIELD]: anna }],
      [2, { user: { id: 'person-ewa' }, [FOLLOWING_FIELD]: null }],
    ]);
    expect(viewportWanted(anna, null, states)).toBe(true);
    expect(viewportWanted('person-ewa', null, states)).toBe(false);
  });

  it('ignores states that are not objects', () => {
    expect(
      viewportWanted(
        anna,
        null,
        new Map<number, unknown>([
          [1, null],
          [2, 'x'],
        ]),
      ),
    ).toBe(false);
  });
});
