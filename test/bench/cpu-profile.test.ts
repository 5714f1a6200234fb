import { describe, expect, it } from 'vitest';
import { busyPerSecond, callTree, functionTimes, parseCpuProfile } from './cpu-profile';

/**
 * root → main → (work → leaf), and idle; samples 1 ms apart (timeDeltas in µs):
 * second 0: main, leaf, leaf, idle; second 1 (from 1,000,000 µs): work, idle.
 */
const frame = (functionName: string, lineNumber = 0) => ({
  functionName,
  url: 'file:///work/main/server/src/a.ts',
  lineNumber,
});
const profile = parseCpuProfile({
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 5] },
    { id: 2, callFrame: frame('main', 9), children: [3] },
    { id: 3, callFrame: frame('work', 19), children: [4] },
    { id: 4, callFrame: frame('leaf', 29) },
    { id: 5, callFrame: frame('(idle)') },
  ],
  startTime: 0,
  endTime: 1_002_000,
  samples: [2, 4, 4, 5, 3, 5],
  timeDeltas: [1000, 1000, 1000, 1000, 996_000, 1000],
});

describe('reading a CPU profile', () => {
  it('counts busy time per second, idle left out', () => {
    expect(busyPerSecond(profile)).toEqual([3, 1]);
  });

  it('gives self and inclusive time by function, within a window', () => {
    const self = functionTimes(profile, 'self', 0, 1);
    expect(self.busyMs).toBe(3);
    expect(self.functions).toEqual([
      { label: 'leaf server/src/a.ts:30', ms: 2 },
      { label: 'main server/src/a.ts:10', ms: 1 },
    ]);
    const inclusive = functionTimes(profile, 'inclusive');
    expect(inclusive.functions.map((f) => [f.label.split(' ')[0], f.ms])).toEqual([
      ['main', 4],
      ['work', 3],
      ['leaf', 2],
    ]);
  });

  it('draws the call tree top-down, small nodes left out', () => {
    expect(
      callTree(profile, 0, Infinity, 1).map((line) => [
        line.depth,
        line.label.split(' ')[0],
        line.ms,
        line.selfMs,
      ]),
    ).toEqual([
      [0, 'main', 4, 1],
      [1, 'work', 3, 1],
      [2, 'leaf', 2, 2],
    ]);
    expect(callTree(profile, 0, Infinity, 2.5).map((line) => line.label.split(' ')[0])).toEqual([
      'main',
      'work',
    ]);
  });

  it('refuses a file that is not a CPU profile', () => {
    expect(() => parseCpuProfile({ nodes: [] })).toThrow();
  });
});
