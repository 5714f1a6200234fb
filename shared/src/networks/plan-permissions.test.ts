import { describe, expect, it } from 'vitest';
import { mayPlan, maySetActionStatus, type PlanActor } from './plan-permissions';

const person = (
  role: Extract<PlanActor, { kind: 'person' }>['role'],
  cityId: string | null = null,
  coreCity = true,
): PlanActor => ({
  kind: 'person',
  networkId: 'net-a',
  personId: `p-${role}`,
  role,
  cityId,
  coreCity,
});

describe('work plan rules W1–W5', () => {
  it('[W1] the pair edits and sets every status', () => {
    for (const role of ['facilitator', 'expert'] as const) {
      expect(mayPlan(person(role), 'plan.edit', 'net-a')).toBe(true);
      expect(maySetActionStatus(person(role), 'net-a', 'city-x')).toBe(true);
    }
  });

  it('[W2] the organiser reads and changes nothing', () => {
    const organiser = person('organiser');
    expect(mayPlan(organiser, 'plan.read', 'net-a')).toBe(true);
    expect(mayPlan(organiser, 'plan.edit', 'net-a')).toBe(false);
    expect(maySetActionStatus(organiser, 'net-a', 'city-x')).toBe(false);
  });

  it('[W3] a core city’s representative or substitute reads and sets the status of their own city’s actions only', () => {
    for (const role of ['representative', 'substitute'] as const) {
      const rep = person(role, 'city-plock');
      expect(mayPlan(rep, 'plan.read', 'net-a')).toBe(true);
      expect(mayPlan(rep, 'plan.edit', 'net-a')).toBe(false);
      expect(maySetActionStatus(rep, 'net-a', 'city-plock')).toBe(true);
      expect(maySetActionStatus(rep, 'net-a', 'city-kutno')).toBe(false);
    }
  });

  it('[W4] an observer city’s people do not see the plan, nor set a status even of an action named after their city', () => {
    const observer = person('representative', 'city-obs', false);
    expect(mayPlan(observer, 'plan.read', 'net-a')).toBe(false);
    expect(maySetActionStatus(observer, 'net-a', 'city-obs')).toBe(false);
  });

  it('[W5] the office reads every plan and writes none; another network’s link does nothing', () => {
    expect(mayPlan({ kind: 'office' }, 'plan.read', 'net-b')).toBe(true);
    expect(mayPlan({ kind: 'office' }, 'plan.edit', 'net-b')).toBe(false);
    expect(maySetActionStatus({ kind: 'office' }, 'net-b', 'city-x')).toBe(false);
    expect(mayPlan(person('facilitator'), 'plan.read', 'net-b')).toBe(false);
    expect(maySetActionStatus(person('facilitator'), 'net-b', 'city-x')).toBe(false);
  });

  it('[W6] the sections are written together: the pair and core cities’ people write them, nobody else', () => {
    for (const role of ['facilitator', 'expert', 'representative', 'substitute'] as const)
      expect(mayPlan(person(role, 'city-plock'), 'plan.write', 'net-a')).toBe(true);
    expect(mayPlan(person('representative', 'city-obs', false), 'plan.write', 'net-a')).toBe(false);
    expect(mayPlan(person('organiser'), 'plan.write', 'net-a')).toBe(false);
    expect(mayPlan({ kind: 'office' }, 'plan.write', 'net-a')).toBe(false);
    expect(mayPlan(person('representative', 'city-plock'), 'plan.write', 'net-b')).toBe(false);
  });
});
