import { describe, expect, it } from 'vitest';
import { MEMBERSHIP_TYPES } from '@empiria/shared';
import { boardRoleFor } from './board-role';

describe('boardRoleFor', () => {
  it('keeps the roles of the people who run the network', () => {
    expect(boardRoleFor('facilitator', null)).toBe('facilitator');
    expect(boardRoleFor('expert', 'programme-laureate')).toBe('expert');
    expect(boardRoleFor('organiser', null)).toBe('organiser');
  });

  it("makes a core city's representatives and substitutes participants", () => {
    for (const membership of MEMBERSHIP_TYPES.filter((type) => type !== 'observer')) {
      expect(boardRoleFor('representative', membership)).toBe('participant');
      expect(boardRoleFor('substitute', membership)).toBe('participant');
    }
  });

  it("makes an observer city's people observers", () => {
    expect(boardRoleFor('representative', 'observer')).toBe('observer');
    expect(boardRoleFor('substitute', 'observer')).toBe('observer');
  });

  it('never lets someone speak for a city that is not a member', () => {
    expect(boardRoleFor('representative', null)).toBe('observer');
  });
});
