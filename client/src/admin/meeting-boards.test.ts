import { describe, expect, it } from 'vitest';
import { meetingBoardOwners } from './meeting-boards';

const network = (id: string, name: string, boards: [string, string][]) => ({
  network: { id, name },
  meetings: boards.map(([boardId, title]) => ({ boardId, title })),
});

describe('meetingBoardOwners', () => {
  it('maps each meeting board to its network and meeting; standalone boards are absent', () => {
    const owners = meetingBoardOwners([
      network('n1', 'Miasto w ruchu', [
        ['b1', 'Spotkanie 1'],
        ['b2', 'Spotkanie 2'],
      ]),
      network('n2', 'Miasto zielone', [['b3', 'Spotkanie 1']]),
      network('n3', 'Miasto bez spotkań', []),
    ]);
    expect(owners.get('b2')).toEqual({
      networkId: 'n1',
      network: 'Miasto w ruchu',
      meetingTitle: 'Spotkanie 2',
    });
    expect(owners.get('b3')?.network).toBe('Miasto zielone');
    expect(owners.has('standalone')).toBe(false);
    expect(owners.size).toBe(3);
  });
});
