import { describe, expect, it } from 'vitest';
import { parseRoute } from './route';

const at = (pathname: string) => parseRoute({ pathname, search: '' });

describe('the office hours’ addresses', () => {
  it('/n/<id>/office-hours is the slots, /n/<id>/office-hours/log the questions and answers', () => {
    expect(at('/n/net-zielona/office-hours')).toEqual({
      kind: 'office-hours',
      networkId: 'net-zielona',
      view: 'slots',
    });
    expect(at('/n/net-zielona/office-hours/log/')).toEqual({
      kind: 'office-hours',
      networkId: 'net-zielona',
      view: 'log',
    });
  });

  it('ids that are not ids, and other paths under it, are not found', () => {
    expect(at('/n/x/office-hours')).toEqual({ kind: 'not-found' });
    expect(at('/n/net-zielona/office-hours/slots')).toEqual({ kind: 'not-found' });
    expect(at('/n/net-zielona/office-hours/log/extra')).toEqual({ kind: 'not-found' });
  });
});
