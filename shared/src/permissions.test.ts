import { describe, expect, it } from 'vitest';
import { awarenessRight, canManageBoard, canReadDoc, canSendAwareness, canWriteDoc } from './permissions';
import { ROLES } from './roles';

describe('permissions (docs/permissions.md)', () => {
  it('[P1] everyone who works on the board writes the canvas; observers do not', () => {
    expect(ROLES.filter((role) => canWriteDoc(role, 'canvas'))).toEqual([
      'facilitator',
      'expert',
      'organiser',
      'participant',
      'guest',
    ]);
  });
  it('[P2] only the facilitator/expert pair writes the control document', () => {
    expect(ROLES.filter((role) => canWriteDoc(role, 'control'))).toEqual(['facilitator', 'expert']);
  });
  it('[P3] only the pair writes the summary text', () => {
    expect(ROLES.filter((role) => canWriteDoc(role, 'summary'))).toEqual(['facilitator', 'expert']);
  });
  it('[P4] observers and the room display send no presence anywhere', () => {
    for (const doc of ['canvas', 'control', 'summary'] as const) {
      expect(canSendAwareness('observer', doc)).toBe(false);
      expect(canSendAwareness('room', doc)).toBe(false);
    }
    expect(canSendAwareness('participant', 'canvas')).toBe(true);
    expect(canSendAwareness('participant', 'control')).toBe(true);
  });
  it('[P4] observers and the room display carry no presence; others their own, stamped', () => {
    expect(awarenessRight('observer', 'canvas')).toBe('none');
    expect(awarenessRight('observer', 'control')).toBe('none');
    expect(awarenessRight('room', 'canvas')).toBe('none');
    expect(awarenessRight('participant', 'canvas')).toBe('presence');
  });
  it('[P6] observers read the stream and nothing else (not the canvas, the control or the drafts)', () => {
    for (const doc of ['canvas', 'control', 'summary'] as const)
      expect(ROLES.filter((role) => !canReadDoc(role, doc))).toEqual(['observer']);
    expect(
      ROLES.every((role) => canReadDoc(role, 'stream-canvas') && canReadDoc(role, 'stream-control')),
    ).toBe(true);
  });
  it('[P7] nobody writes the stream and nobody has presence in it: the server projects it', () => {
    for (const doc of ['stream-canvas', 'stream-control'] as const) {
      expect(ROLES.filter((role) => canWriteDoc(role, doc))).toEqual([]);
      expect(ROLES.filter((role) => canSendAwareness(role, doc))).toEqual([]);
    }
  });
  it('[P5] only the pair manages the board', () => {
    expect(ROLES.filter(canManageBoard)).toEqual(['facilitator', 'expert']);
  });
});
