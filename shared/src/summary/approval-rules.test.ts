import { describe, expect, it } from 'vitest';
import { evaluateApproval } from './approval-rules';
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
