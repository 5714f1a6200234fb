import { describe, expect, it } from 'vitest';
import { streamPhase } from './stream-view';

const steps = [
  { id: 'challenge', observers: 'open' as const },
  { id: 'barriers' },
  { id: 'grouping' },
  { id: 'approval', observers: 'open' as const },
];

describe('what an observer sees', () => {
  it('streams an open step and names the next open part during a closed one', () => {
    expect(streamPhase(steps, 0, {})).toEqual({ kind: 'open', step: steps[0] });
    expect(streamPhase(steps, 1, {})).toEqual({ kind: 'closed', step: steps[1], next: steps[3] });
    expect(streamPhase(steps, null, {})).toEqual({ kind: 'not-started', next: steps[0] });
  });

  it('follows the pair’s choice over the format’s', () => {
    expect(streamPhase(steps, 1, { barriers: 'open' }).kind).toBe('open');
    expect(streamPhase(steps, 0, { challenge: 'closed' })).toEqual({
      kind: 'closed',
      step: steps[0],
      next: steps[3],
    });
    expect(streamPhase(steps, 2, { approval: 'closed' })).toEqual({
      kind: 'closed',
      step: steps[2],
      next: null,
    });
  });
});
