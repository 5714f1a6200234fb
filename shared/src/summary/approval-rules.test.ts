import { describe, expect, it } from 'vitest';
import { countedConsents, countedDecisions, evaluateApproval, roundMembers } from './approval-rules';
import type { Decision } from './summary-document';

const d = (personId: string, decision: 'approve' | 'object', at = 0): Decision => ({
  personId,
  name: personId,
  city: 'X',
  decision,
  reason: decision === 'object' ? 'powód' : null,
  at,
});

describe('approval rules', () => {
  const eligible = ['a', 'b', 'c'];
  it('[A1] consent: approved when everyone approves; an objection holds it', () => {
    expect(evaluateApproval('consent', eligible, [d('a', 'approve'), d('b', 'approve')], false)).toBe(
      'pending',
    );
    expect(
      evaluateApproval('consent', eligible, [d('a', 'approve'), d('b', 'approve'), d('c', 'approve')], false),
    ).toBe('approved');
    expect(
      evaluateApproval('consent', eligible, [d('a', 'approve'), d('b', 'approve'), d('c', 'object')], false),
    ).toBe('pending');
  });
  it('[A2] majority: more than half approve, or half object', () => {
    expect(evaluateApproval('majority', eligible, [d('a', 'approve'), d('b', 'approve')], false)).toBe(
      'approved',
    );
    expect(evaluateApproval('majority', eligible, [d('a', 'object'), d('b', 'object')], false)).toBe(
      'not-approved',
    );
    expect(evaluateApproval('majority', eligible, [d('a', 'approve'), d('b', 'object')], false)).toBe(
      'pending',
    );
  });
  it('[A3] closing decides with those who decided', () => {
    expect(evaluateApproval('consent', eligible, [d('a', 'approve')], true)).toBe('approved');
    expect(evaluateApproval('consent', eligible, [d('a', 'approve'), d('b', 'object')], true)).toBe(
      'not-approved',
    );
    expect(evaluateApproval('consent', eligible, [], true)).toBe('not-approved');
    expect(evaluateApproval('majority', eligible, [d('a', 'approve'), d('b', 'object')], true)).toBe(
      'not-approved',
    );
  });
  it('[A4] the latest decision of each person counts', () => {
    const decisions = [d('a', 'approve'), d('b', 'approve'), d('c', 'object', 1), d('c', 'approve', 2)];
    expect(evaluateApproval('consent', eligible, decisions, false)).toBe('approved');
  });
});

describe('who counts in a round', () => {
  const eligible = ['a', 'b', 'c'];
  const links: Record<string, string | null> = { a: 'a', 'a-phone': 'a', b: 'b', c: 'c', gone: null };
  const resolve = (id: string) => links[id] ?? null;

  it('[I5] decisions of people outside the frozen round are not counted', () => {
    const latecomers = ['x1', 'x2', 'x3', 'x4'].map((id) => d(id, 'approve'));
    expect(evaluateApproval('majority', eligible, [d('a', 'approve'), ...latecomers], false)).toBe('pending');
    expect(evaluateApproval('majority', eligible, [d('a', 'approve'), ...latecomers], true)).toBe('approved');
    expect(evaluateApproval('majority', eligible, [d('a', 'object'), ...latecomers], true)).toBe(
      'not-approved',
    );
    expect(evaluateApproval('consent', ['a'], [d('b', 'object'), d('a', 'approve')], false)).toBe('approved');
  });

  it('[I5] a round counts its members as they stand now: aliases once, the removed not at all', () => {
    const members = roundMembers(['a', 'a-phone', 'b', 'gone'], resolve);
    expect(members).toEqual(['a', 'b']);
    const decisions = countedDecisions(
      members,
      [d('a-phone', 'object', 1), d('gone', 'approve', 2), d('x', 'approve', 3), d('a', 'approve', 4)],
      resolve,
    );
    expect(decisions.map((x) => `${x.personId}:${x.decision}`)).toEqual(['a:object', 'a:approve']);
    expect(evaluateApproval('consent', members, decisions, false)).toBe('pending');
    expect(evaluateApproval('consent', members, [...decisions, d('b', 'approve', 5)], false)).toBe(
      'approved',
    );
  });

  it('[I6] only round members answer about sharing, one answer per person', () => {
    const members = roundMembers(['a', 'b'], resolve);
    const consents = countedConsents(
      members,
      [
        { personId: 'x', observers: true, public: true },
        { personId: 'a', observers: false, public: false },
        { personId: 'a-phone', observers: true, public: false },
        { personId: 'gone', observers: true, public: true },
      ],
      resolve,
    );
    expect(consents).toEqual([{ personId: 'a', observers: true, public: false }]);
    expect(countedConsents(members, [{ personId: 'x', observers: true, public: true }], resolve)).toEqual([]);
  });
});
