import { describe, expect, it } from 'vitest';
import { parseRoute } from './route';

const at = (pathname: string) => parseRoute({ pathname, search: '' });

describe('the work plan’s address', () => {
  it('/n/<id>/plan is the plan; ids that are not ids, and deeper paths, are not found', () => {
    expect(at('/n/net-zielona/plan')).toEqual({ kind: 'plan', networkId: 'net-zielona' });
    expect(at('/n/net-zielona/plan/')).toEqual({ kind: 'plan', networkId: 'net-zielona' });
    expect(at('/n/x/plan')).toEqual({ kind: 'not-found' });
    expect(at('/n/net-zielona/plan/actions')).toEqual({ kind: 'not-found' });
  });
});
