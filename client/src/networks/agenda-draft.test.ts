import { describe, expect, it } from 'vitest';
import { format0, format2 } from '@empiria/formats';
import {
  addOwnItem,
  addSteps,
  agendaFromDraft,
  clampMinutes,
  defaultStepMinutes,
  draftFromAgenda,
  endTime,
  formatSteps,
  itemStartTimes,
  moveItem,
  removeItem,
  setItemMinutes,
  totalMinutes,
} from './agenda-draft';

describe('agenda draft', () => {
  it('adds a format’s steps with the minutes the format plans for each', () => {
    const ids = format0.steps.map((step) => step.id);
    const draft = addSteps([], 'format-0', ids);
    expect(draft.map((item) => (item.kind === 'step' ? item.stepId : null))).toEqual(ids);
    expect(draft.map((item) => item.minutes)).toEqual(format0.steps.map((step) => step.minutes));
    expect(totalMinutes(draft)).toBe(format0.steps.reduce((sum, step) => sum + step.minutes, 0));
    expect(formatSteps('format-2')).toHaveLength(format2.steps.length);
  });

  it('skips step ids its format does not have', () => {
    expect(defaultStepMinutes('format-2', 'no-such-step')).toBeUndefined();
    expect(addSteps([], 'format-2', ['no-such-step', 'challenge'])).toHaveLength(1);
  });

  it('adds own items with default or given minutes, trimmed titles', () => {
    const draft = addOwnItem(addOwnItem([], 'break', ''), 'expert-input', '  Dr Kowalska o BO  ', 20);
    expect(draft.map((item) => [item.kind, item.minutes])).toEqual([
      ['break', 15],
      ['expert-input', 20],
    ]);
    expect(draft[1]).toMatchObject({ title: 'Dr Kowalska o BO' });
  });

  it('moves an item up and down, and nowhere past either end', () => {
    const draft = addOwnItem(addOwnItem(addOwnItem([], 'break', 'A'), 'break', 'B'), 'break', 'C');
    const titles = (items: typeof draft) => items.map((item) => (item.kind === 'step' ? '' : item.title));
    expect(titles(moveItem(draft, 2, -1))).toEqual(['A', 'C', 'B']);
    expect(titles(moveItem(draft, 0, 1))).toEqual(['B', 'A', 'C']);
    expect(titles(moveItem(draft, 0, -1))).toEqual(['A', 'B', 'C']);
    expect(titles(moveItem(draft, 2, 1))).toEqual(['A', 'B', 'C']);
    expect(titles(removeItem(draft, draft[1]!.key))).toEqual(['A', 'C']);
  });

  it('keeps typed minutes within 1–480', () => {
    expect(clampMinutes(0)).toBe(1);
    expect(clampMinutes(-5)).toBe(1);
    expect(clampMinutes(999)).toBe(480);
    expect(clampMinutes(Number.NaN)).toBe(1);
    expect(clampMinutes(12.6)).toBe(13);
    const draft = addOwnItem([], 'break', '');
    expect(setItemMinutes(draft, draft[0]!.key, 25)[0]!.minutes).toBe(25);
  });

  it('gives each item its start and the meeting its end on the wall clock', () => {
    const draft = addOwnItem(addOwnItem([], 'funding-calls', '', 90), 'break', '', 45);
    expect(totalMinutes(draft)).toBe(135);
    expect(endTime('2027-03-15T10:00', draft)).toBe('2027-03-15T12:15');
    expect(itemStartTimes('2027-03-15T10:00', draft)).toEqual(['2027-03-15T10:00', '2027-03-15T11:30']);
    expect(endTime('2027-03-15T23:00', draft)).toBe('2027-03-16T01:15');
    expect(endTime('', draft)).toBeNull();
    expect(itemStartTimes('', draft)).toEqual([null, null]);
  });

  it('round-trips a stored agenda and sends every item with its minutes', () => {
    const draft = addOwnItem(addSteps([], 'format-2', ['challenge']), 'break', '', 15);
    const agenda = agendaFromDraft(draft);
    expect(agenda).toEqual([
      { kind: 'step', format: 'format-2', stepId: 'challenge', minutes: 15 },
      { kind: 'break', title: '', minutes: 15 },
    ]);
    const again = draftFromAgenda([
      { kind: 'step', format: 'format-2', stepId: 'challenge', minutes: 15 },
      { kind: 'break', title: '', minutes: 15 },
    ]);
    expect(agendaFromDraft(again)).toEqual(agenda);
    expect(new Set(again.map((item) => item.key)).size).toBe(2);
  });
});
