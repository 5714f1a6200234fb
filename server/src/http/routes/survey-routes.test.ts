import { describe, expect, it } from 'vitest';
import { policyFor } from '../rate-limits';

/** The surveys' writes count like the networks' other acts: the act limit, per token. */
describe('survey routes under the rate limits', () => {
  const base = '/api/networks/net-zielona/surveys';

  it('every write is an act, counted per token', () => {
    for (const [method, path] of [
      ['POST', base],
      ['PATCH', `${base}/svy-123456`],
      ['POST', `${base}/svy-123456/open`],
      ['POST', `${base}/svy-123456/close`],
      ['POST', `${base}/svy-123456/answers`],
    ] as const) {
      expect(policyFor(method, path), `${method} ${path}`).toMatchObject({ limit: 'act', key: 'session' });
    }
  });

  it('reading is not limited, as the networks’ other reads', () => {
    expect(policyFor('GET', base)).toBeNull();
    expect(policyFor('GET', `${base}/svy-123456/results`)).toBeNull();
    expect(policyFor('GET', '/api/me/surveys')).toBeNull();
  });
});

/** The board's survey routes are board acts: the act limit per session, reads not limited. */
describe('board survey routes under the rate limits', () => {
  const base = '/api/boards/brd-123456/surveys';

  it('answers, asking and showing are acts, counted per session', () => {
    for (const [method, path] of [
      ['POST', `${base}/svy-123456/answers`],
      ['POST', `${base}/ask`],
      ['DELETE', `${base}/ask`],
      ['POST', `${base}/show`],
      ['DELETE', `${base}/show`],
    ] as const) {
      expect(policyFor(method, path), `${method} ${path}`).toMatchObject({ limit: 'act', key: 'session' });
    }
  });

  it('the list and the results are reads, not limited', () => {
    expect(policyFor('GET', base)).toBeNull();
    expect(policyFor('GET', `${base}/svy-123456/results`)).toBeNull();
  });
});
