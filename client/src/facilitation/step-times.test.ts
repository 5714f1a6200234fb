import { describe, expect, it } from 'vitest';
import { parseVisits, recordVisit, stepTimes } from './step-times';

const step = (id: string, startedAt: number, index = 0) => ({ id, index, startedAt });
const steps = [
  { id: 'a', minutes: 10 },
  { id: 'b', minutes: 5 },
  { id: 'c', minutes: 20 },
];

describe('step times', () => {
  it('counts each step from its start to the next move', () => {
    let visits = recordVisit([], step('a', 0));
    visits = recordVisit(visits, step('a', 0));
    visits = recordVisit(visits, step('b', 12 * 60_000));
    expect(visits).toEqual([
      { stepId: 'a', startedAt: 0, endedAt: 720_000 },
      { stepId: 'b', startedAt: 720_000, endedAt: null },
    ]);
    const times = stepTimes(steps, visits, 15 * 60_000);
    expect(times).toEqual([
      { stepId: 'a', plannedMs: 600_000, actualMs: 720_000, over: true },
      { stepId: 'b', plannedMs: 300_000, actualMs: 180_000, over: false },
      { stepId: 'c', plannedMs: 1_200_000, actualMs: null, over: false },
    ]);
  });

  it('adds up a step visited twice', () => {
    let visits = recordVisit([], step('a', 0));
    visits = recordVisit(visits, step('b', 60_000));
    visits = recordVisit(visits, step('a', 120_000));
    expect(stepTimes(steps, visits, 180_000)[0]!.actualMs).toBe(120_000);
  });

  it('keeps moves in order even when an older one arrives late', () => {
    let visits = recordVisit([], step('b', 100));
    visits = recordVisit(visits, step('a', 50));
    expect(visits.map((v) => [v.stepId, v.endedAt])).toEqual([
      ['a', 100],
      ['b', null],
    ]);
  });

  it('reads stored visits defensively', () => {
    expect(parseVisits(null)).toEqual([]);
    expect(parseVisits('nonsense')).toEqual([]);
    expect(parseVisits('[{"stepId":"a","startedAt":1,"endedAt":null},{"x":1}]')).toEqual([
      { stepId: 'a', startedAt: 1, endedAt: null },
    ]);
  });
});
