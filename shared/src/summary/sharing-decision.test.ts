import { describe, expect, it } from 'vitest';
import {
  isShared,
  sharingDecision,
  sharingDecisions,
  tookPartInApproval,
  type SharingInput,
} from './sharing-decision';
import type { ApprovalRule, Decision, ShareConsent } from './summary-document';

const d = (personId: string, decision: 'approve' | 'object', at = 0): Decision => ({
  personId,
  name: personId,
  city: 'X',
  decision,
  reason: decision === 'object' ? 'powód' : null,
  at,
});
const yes = (personId: string, publicly = false): ShareConsent => ({
  personId,
  observers: true,
  public: publicly,
});
const no = (personId: string, publicly = false): ShareConsent => ({
  personId,
  observers: false,
  public: publicly,
});

const approvedBy = (ids: string[], rule: ApprovalRule = 'consent'): Omit<SharingInput, 'consents'> => ({
  rule,
  approved: true,
  decisions: ids.map((id, i) => d(id, 'approve', i)),
});

describe('[S1] consent: shared when nobody objects, with the quorum of those who approved', () => {
  const round = approvedBy(['a', 'b', 'c']);

  it('one yes among three shares nothing', () => {
    const decision = sharingDecision({ ...round, consents: [yes('a')] }, 'observers');
    expect(decision.state).toBe('undecided');
    expect(decision.needed).toBe(3);
    expect(decision.agreed).toEqual(['a']);
    expect(decision.waiting).toEqual(['b', 'c']);
  });

  it('two yes and one no: refused; the no changed to yes: shared [S3]', () => {
    const refused = sharingDecision({ ...round, consents: [yes('a'), yes('b'), no('c')] }, 'observers');
    expect(refused.state).toBe('refused');
    expect(refused.objected).toEqual(['c']);
    expect(
      sharingDecision({ ...round, consents: [yes('a'), yes('b'), no('c'), yes('c')] }, 'observers').state,
    ).toBe('shared');
  });

  it('a yes withdrawn (changed to no) unshares it [S3]', () => {
    const consents = [yes('a'), yes('b'), yes('c')];
    expect(isShared({ ...round, consents }, 'observers')).toBe(true);
    expect(isShared({ ...round, consents: [...consents, no('b')] }, 'observers')).toBe(false);
  });

  it('the quorum is the approvers of the version, not the whole round: a round closed with two of three', () => {
    // [A3]: c never decided; the version was approved by a and b, who alone answer.
    const closed = approvedBy(['a', 'b']);
    expect(sharingDecision({ ...closed, consents: [yes('a')] }, 'observers').state).toBe('undecided');
    expect(sharingDecision({ ...closed, consents: [yes('a'), yes('b')] }, 'observers').state).toBe('shared');
    expect(tookPartInApproval(closed.decisions, 'c')).toBe(false);
  });

  it('an objection withdrawn during the approval still counts its author as an approver', () => {
    const input: SharingInput = {
      rule: 'consent',
      approved: true,
      decisions: [d('a', 'approve', 1), d('b', 'object', 2), d('b', 'approve', 3)],
      consents: [yes('a')],
    };
    expect(sharingDecision(input, 'observers')).toMatchObject({
      state: 'undecided',
      needed: 2,
      voters: ['a', 'b'],
    });
  });
});

describe('[S2] majority: more than half of those who took part', () => {
  // a and b approved, c objected: approved under majority [A2]; all three took part.
  const round: Omit<SharingInput, 'consents'> = {
    rule: 'majority',
    approved: true,
    decisions: [d('a', 'approve'), d('b', 'approve'), d('c', 'object')],
  };

  it('one yes of three: undecided; two: shared, whatever the third says', () => {
    expect(sharingDecision({ ...round, consents: [yes('a')] }, 'observers').state).toBe('undecided');
    expect(sharingDecision({ ...round, consents: [yes('a'), no('b'), no('c')] }, 'observers').state).toBe(
      'refused',
    );
    const shared = sharingDecision({ ...round, consents: [yes('a'), yes('c'), no('b')] }, 'observers');
    expect(shared.state).toBe('shared');
    expect(shared.needed).toBe(2);
  });

  it('an even split of four is not more than half: refused once half say no', () => {
    const four: SharingInput = {
      rule: 'majority',
      approved: true,
      decisions: ['a', 'b', 'c', 'd'].map((id) => d(id, 'approve')),
      consents: [yes('a'), yes('b')],
    };
    expect(sharingDecision(four, 'observers').state).toBe('undecided');
    expect(
      sharingDecision({ ...four, consents: [yes('a'), yes('b'), no('c'), no('d')] }, 'observers').state,
    ).toBe('refused');
    expect(sharingDecision({ ...four, consents: [yes('a'), yes('b'), yes('c')] }, 'observers').state).toBe(
      'shared',
    );
  });
});

describe('who counts and what is shared', () => {
  it('[S4] observers and publication are decided separately', () => {
    const input: SharingInput = { ...approvedBy(['a', 'b']), consents: [yes('a', false), yes('b', true)] };
    const both = sharingDecisions(input);
    expect(both.observers.state).toBe('shared');
    expect(both.public.state).toBe('refused');
    expect(both.public.agreed).toEqual(['b']);
    expect(both.public.objected).toEqual(['a']);
  });

  it('[S5] nothing is shared before the version is approved, however the answers stand', () => {
    const input: SharingInput = {
      ...approvedBy(['a', 'b']),
      approved: false,
      consents: [yes('a'), yes('b')],
    };
    expect(isShared(input, 'observers')).toBe(false);
    expect(sharingDecision(input, 'observers').agreed).toEqual(['a', 'b']);
  });

  it('[I6] an answer of someone who did not take part in the approval adds no voice', () => {
    const input: SharingInput = { ...approvedBy(['a']), consents: [no('outsider'), yes('a')] };
    expect(sharingDecision(input, 'observers')).toMatchObject({
      state: 'shared',
      voters: ['a'],
      objected: [],
    });
    expect(
      sharingDecision({ ...approvedBy(['a', 'b']), consents: [yes('a'), yes('x'), yes('y')] }, 'observers')
        .state,
    ).toBe('undecided');
  });

  it('with nobody who took part (everyone removed since), nothing is shared', () => {
    const input: SharingInput = { rule: 'majority', approved: true, decisions: [], consents: [yes('a')] };
    expect(sharingDecision(input, 'observers').state).toBe('undecided');
    expect(sharingDecision({ ...input, rule: 'consent' }, 'observers').state).toBe('undecided');
  });
});
