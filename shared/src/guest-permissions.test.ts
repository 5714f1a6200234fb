import { describe, expect, it } from 'vitest';
import { awarenessRight, canManageBoard, canReadDoc, canSendAwareness, canWriteDoc } from './permissions';
import { ROLES, canCastDots, isLeadRole, isNoteApproverRole, isReadOnlyRole } from './roles';

/** The guest expert's rules, docs/permissions.md "Guests" ([G1]–[G4]). */
describe('guest expert (docs/permissions.md G1–G4)', () => {
  it('[G1] writes notes on the canvas, like everyone who works on the board', () => {
    expect(canWriteDoc('guest', 'canvas')).toBe(true);
    expect(canReadDoc('guest', 'canvas')).toBe(true);
    expect(isReadOnlyRole('guest')).toBe(false);
  });

  it('[G1] is seen and speaks: presence on the canvas and the other documents, as a participant', () => {
    for (const doc of ['canvas', 'control', 'summary'] as const) {
      expect(canSendAwareness('guest', doc)).toBe(true);
      expect(awarenessRight('guest', doc)).toBe('presence');
    }
  });

  it('[G2] reads the control and summary documents but writes neither: the pair drives the meeting', () => {
    expect(canReadDoc('guest', 'control')).toBe(true);
    expect(canReadDoc('guest', 'summary')).toBe(true);
    expect(canWriteDoc('guest', 'control')).toBe(false);
    expect(canWriteDoc('guest', 'summary')).toBe(false);
    expect(isLeadRole('guest')).toBe(false);
    expect(canManageBoard('guest')).toBe(false);
  });

  it('[G3] places no dots: everyone else who works on the board does', () => {
    expect(ROLES.filter(canCastDots)).toEqual(['facilitator', 'expert', 'organiser', 'participant']);
  });

  it('[G4] is not an approver of the note: only the city representatives are', () => {
    expect(ROLES.filter(isNoteApproverRole)).toEqual(['participant']);
    expect(isNoteApproverRole('guest')).toBe(false);
  });
});
