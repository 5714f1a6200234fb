import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { controlMap, moveToStep, readControlState, writeFormat, writeStep } from './control-state';

describe('control state', () => {
  it('round-trips format and step', () => {
    const doc = new Y.Doc();
    writeFormat(doc, { id: 'format-2', version: 1 });
    writeStep(doc, { index: 1, id: 'barriers', startedAt: 1000 });
    expect(readControlState(doc)).toMatchObject({
      format: { id: 'format-2', version: 1 },
      step: { index: 1, id: 'barriers', startedAt: 1000 },
    });
  });
  it('reads a malformed key as null without hiding the others', () => {
    const doc = new Y.Doc();
    writeFormat(doc, { id: 'format-0', version: 1 });
    controlMap(doc).set('step', { index: -3 });
    expect(readControlState(doc)).toMatchObject({ format: { id: 'format-0', version: 1 }, step: null });
  });
  it('logs every move of the group', () => {
    const doc = new Y.Doc();
    moveToStep(doc, { index: 0, id: 'challenge', startedAt: 1 });
    moveToStep(doc, { index: 1, id: 'barriers', startedAt: 600_000 });
    expect(readControlState(doc).step?.id).toBe('barriers');
    expect(readControlState(doc).stepLog).toEqual([
      { stepId: 'challenge', startedAt: 1 },
      { stepId: 'barriers', startedAt: 600_000 },
    ]);
  });
  it('refuses to write an invalid step', () => {
    expect(() => writeStep(new Y.Doc(), { index: -1, id: '', startedAt: 0 })).toThrow();
  });
});
