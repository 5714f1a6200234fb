import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { format2 } from '@empiria/formats';
import { readControlState, writeFormat, writeStep } from '@empiria/shared';
import type { ControlStep } from '@empiria/shared';
import { deriveStepState, resetStepStore, useStepStore } from './step-store';

type Written = Omit<ControlStep, 'startedAt'>;

/** Puts the store on step `index` of Format 2, as the control binding would. */
function onStep(index: number, canLead: boolean, written: Written[] = []) {
  const doc = new Y.Doc();
  writeFormat(doc, { id: 'format-2', version: 1 });
  writeStep(doc, { index, id: format2.steps[index]!.id, startedAt: 0 });
  const control = readControlState(doc);
  useStepStore.setState({
    synced: true,
    canLead,
    control,
    writer: canLead
      ? (step) => {
          written.push(step);
          return true;
        }
      : null,
    ...deriveStepState(control, { format: 'format-2' }),
  });
  return written;
}

beforeEach(resetStepStore);

describe('step store', () => {
  it('derives the format (with the board’s version) and the current step', () => {
    onStep(2, true);
    const state = useStepStore.getState();
    expect(state.format?.id).toBe('format-2');
    expect(state.formatVersion).toBe(1);
    expect(state.currentIndex).toBe(2);
  });

  it('falls back to the board’s format while the control document has none', () => {
    const empty = readControlState(new Y.Doc());
    expect(deriveStepState(empty, { format: 'format-1' })).toMatchObject({
      currentIndex: null,
      formatVersion: 1,
    });
    expect(deriveStepState(empty, { format: 'format-1' }).format?.id).toBe('format-1');
  });

  it('moves one step forward or back at once', () => {
    const written = onStep(2, true);
    useStepStore.getState().next();
    useStepStore.getState().previous();
    expect(written.map((step) => step.index)).toEqual([3, 1]);
    expect(useStepStore.getState().movedByMe).toBe('barriers');
  });

  it('asks once before jumping ahead, and writes only after the yes', () => {
    const written = onStep(1, true);
    useStepStore.getState().goTo(4);
    expect(written).toEqual([]);
    expect(useStepStore.getState().skipQuestion).toEqual({
      target: { index: 4, id: 'solutions' },
      skipped: [2, 3],
    });
    useStepStore.getState().confirmSkip();
    expect(written).toEqual([{ index: 4, id: 'solutions' }]);
    expect(useStepStore.getState().skipQuestion).toBeNull();
  });

  it('forgets the question on "stay"', () => {
    const written = onStep(1, true);
    useStepStore.getState().goTo(6);
    useStepStore.getState().cancelSkip();
    useStepStore.getState().confirmSkip();
    expect(written).toEqual([]);
  });

  it('never writes for a role that may not lead, whatever is called', () => {
    onStep(1, false);
    const store = useStepStore.getState();
    store.next();
    store.previous();
    store.goTo(5);
    store.confirmSkip();
    expect(useStepStore.getState().skipQuestion).toBeNull();
    expect(useStepStore.getState().movedByMe).toBeNull();
    expect(useStepStore.getState().currentIndex).toBe(1);
  });

  it('does nothing past the last step', () => {
    const written = onStep(format2.steps.length - 1, true);
    useStepStore.getState().next();
    expect(written).toEqual([]);
  });
});
