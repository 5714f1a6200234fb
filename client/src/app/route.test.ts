import { describe, expect, it } from 'vitest';
import { parseRoute } from './route';

const at = (pathname: string, search = '') => parseRoute({ pathname, search });

describe('routes', () => {
  it('opens the admin home and a board', () => {
    expect(at('/')).toEqual({ kind: 'admin' });
    expect(at('/b/abcdefgh12', '?token=xyz').kind).toBe('board');
  });

  it('opens a network page by its id, with or without a trailing slash or a token', () => {
    expect(at('/n/Net_work-42')).toEqual({ kind: 'network', networkId: 'Net_work-42' });
    expect(at('/n/Net_work-42/', '?token=abc')).toEqual({ kind: 'network', networkId: 'Net_work-42' });
  });

  it('refuses what is not a network id', () => {
    expect(at('/n/abc').kind).toBe('not-found');
    expect(at('/n/%E0%A4%A').kind).toBe('not-found');
    expect(at('/n/abcdefgh/meetings').kind).toBe('not-found');
    expect(at('/n/').kind).toBe('not-found');
  });

  it('opens a person’s home from their personal link, or with the links this browser kept', () => {
    expect(at('/me', '?token=abc.def')).toEqual({ kind: 'home', personalToken: 'abc.def' });
    expect(at('/me/')).toEqual({ kind: 'home', personalToken: null });
    expect(at('/me', '?token=')).toEqual({ kind: 'home', personalToken: null });
    expect(at('/me/else').kind).toBe('not-found');
  });

  it('opens a network’s archive by the network’s id; nothing else under it', () => {
    expect(at('/n/Net_work-42/archive')).toEqual({ kind: 'archive', networkId: 'Net_work-42' });
    expect(at('/n/Net_work-42/archive/', '?token=abc')).toEqual({
      kind: 'archive',
      networkId: 'Net_work-42',
    });
    expect(at('/n/abc/archive').kind).toBe('not-found');
    expect(at('/n/Net_work-42/archive/x').kind).toBe('not-found');
    expect(at('/n//archive').kind).toBe('not-found');
  });
});
