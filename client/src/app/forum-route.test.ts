import { describe, expect, it } from 'vitest';
import { parseRoute } from './route';

const at = (pathname: string) => parseRoute({ pathname, search: '' });

describe('the forum’s addresses', () => {
  it('/n/<id>/forum is the thread list, /n/<id>/forum/<threadId> one thread', () => {
    expect(at('/n/net-zielona/forum')).toEqual({ kind: 'forum', networkId: 'net-zielona', threadId: null });
    expect(at('/n/net-zielona/forum/')).toEqual({ kind: 'forum', networkId: 'net-zielona', threadId: null });
    expect(at('/n/net-zielona/forum/thr-12345')).toEqual({
      kind: 'forum',
      networkId: 'net-zielona',
      threadId: 'thr-12345',
    });
  });

  it('ids that are not ids, and deeper paths, are not found', () => {
    expect(at('/n/net-zielona/forum/%3Cscript%3E')).toEqual({ kind: 'not-found' });
    expect(at('/n/x/forum')).toEqual({ kind: 'not-found' });
    expect(at('/n/net-zielona/forum/thr-12345/edit')).toEqual({ kind: 'not-found' });
  });
});
