import { describe, expect, it } from 'vitest';
import { parseRoute } from './route';

const at = (pathname: string) => parseRoute({ pathname, search: '' });

describe('the surveys’ addresses', () => {
  it('/n/<id>/surveys is the list, /n/<id>/surveys/<surveyId> one survey', () => {
    expect(at('/n/net-zielona/surveys')).toEqual({
      kind: 'surveys',
      networkId: 'net-zielona',
      surveyId: null,
    });
    expect(at('/n/net-zielona/surveys/svy-12345')).toEqual({
      kind: 'surveys',
      networkId: 'net-zielona',
      surveyId: 'svy-12345',
    });
  });

  it('a malformed id or a longer path is not found', () => {
    expect(at('/n/net-zielona/surveys/%3Cscript%3E')).toEqual({ kind: 'not-found' });
    expect(at('/n/x/surveys')).toEqual({ kind: 'not-found' });
    expect(at('/n/net-zielona/surveys/svy-12345/results')).toEqual({ kind: 'not-found' });
  });
});
