import { describe, expect, it } from 'vitest';
import { blankFormat, format2 } from '@empiria/formats';
import { buildAgenda, nextStepIndex, planStepMove, previousStepIndex, resolveStepIndex } from './step-plan';

const ids = format2.steps.map((step) => step.id);
const minutes = format2.steps.map((step) => step.minutes);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('resolveStepIndex', () => {
  it('finds the step by id, then by index, else null', () => {
    expect(resolveStepIndex(format2, null)).toBeNull();
    expect(resolveStepIndex(format2, { index: 0, id: 'grouping', startedAt: 0 })).toBe(2);
    expect(resolveStepIndex(format2, { index: 3, id: 'renamed-step', startedAt: 0 })).toBe(3);
    expect(resolveStepIndex(format2, { index: 99, id: 'renamed-step', startedAt: 0 })).toBeNull();
    expect(resolveStepIndex(blankFormat, { index: 0, id: 'x', startedAt: 0 })).toBeNull();
  });
});

describe('buildAgenda', () => {
  it('marks done, current and upcoming steps and sums the planned time', () => {
    const agenda = buildAgenda(format2, 2);
    expect(agenda.items.map((item) => item.status)).toEqual(
      ids.map((_, i) => (i < 2 ? 'done' : i === 2 ? 'current' : 'upcoming')),
    );
    expect(agenda.items.map((item) => item.number)).toEqual(ids.map((_, i) => i + 1));
    expect(agenda.totalMinutes).toBe(sum(minutes));
    expect(agenda.remainingMinutes).toBe(sum(minutes.slice(2)));
    expect(agenda.items[3]!.startsAtMinute).toBe(sum(minutes.slice(0, 3)));
  });
  it('before the first move nothing is done and everything remains', () => {
    const agenda = buildAgenda(format2, null);
    expect(agenda.items.every((item) => item.status === 'upcoming')).toBe(true);
    expect(agenda.remainingMinutes).toBe(agenda.totalMinutes);
  });
  it('a blank board has an empty agenda', () => {
    expect(buildAgenda(blankFormat, null)).toEqual({
      items: [],
      totalMinutes: 0,
      remainingMinutes: 0,
      currentIndex: null,
    });
  });
});

describe('planStepMove', () => {
  it('moves to the next step without asking', () => {
    expect(planStepMove(format2, 1, 2)).toEqual({
      kind: 'move',
      target: { index: 2, id: ids[2] },
      skipped: [],
    });
  });
  it('names the skipped steps when jumping ahead more than one', () => {
    expect(planStepMove(format2, 0, 3)).toEqual({
      kind: 'move',
      target: { index: 3, id: ids[3] },
      skipped: [1, 2],
    });
    // Before the first move, step 1 is the next one; going straight to step 3 skips 1 and 2.
    expect(planStepMove(format2, null, 0)).toMatchObject({ kind: 'move', skipped: [] });
    expect(planStepMove(format2, null, 2)).toMatchObject({ skipped: [0, 1] });
  });
  it('goes back any number of steps without asking', () => {
    expect(planStepMove(format2, 5, 1)).toEqual({
      kind: 'move',
      target: { index: 1, id: ids[1] },
      skipped: [],
    });
  });
  it('does nothing for the current step or a step that does not exist', () => {
    expect(planStepMove(format2, 2, 2)).toEqual({ kind: 'none' });
    expect(planStepMove(format2, 2, ids.length)).toEqual({ kind: 'none' });
    expect(planStepMove(format2, 2, -1)).toEqual({ kind: 'none' });
  });
});

describe('next and previous', () => {
  it('stop at the ends', () => {
    expect(nextStepIndex(format2, null)).toBe(0);
    expect(nextStepIndex(format2, 0)).toBe(1);
    expect(nextStepIndex(format2, ids.length - 1)).toBeNull();
    expect(nextStepIndex(blankFormat, null)).toBeNull();
    expect(previousStepIndex(null)).toBeNull();
    expect(previousStepIndex(0)).toBeNull();
    expect(previousStepIndex(3)).toBe(2);
  });
});
