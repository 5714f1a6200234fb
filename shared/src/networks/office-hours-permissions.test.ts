import { describe, expect, it } from 'vitest';
import type { NetworkRole } from './network-api';
import { mayOfficeHours, OFFICE_HOURS_ACTS, type OfficeHoursAct } from './office-hours-permissions';

const person = (role: NetworkRole, observer = false, networkId = 'net-zielona') => ({
  kind: 'person' as const,
  networkId,
  personId: 'per-ala-01',
  role,
  observer,
});

const allowed = (actor: Parameters<typeof mayOfficeHours>[0]): OfficeHoursAct[] =>
  OFFICE_HOURS_ACTS.filter((act) => mayOfficeHours(actor, act, 'net-zielona'));

describe('office hours: who may do what (OH1–OH5)', () => {
  it('[OH1][OH4] the pair publishes, cancels, sees every booking and answers; it does not book', () => {
    for (const role of ['facilitator', 'expert'] as const) {
      expect(allowed(person(role))).toEqual([
        'office-hours.read',
        'office-hours.publish',
        'office-hours.cancel-slot',
        'office-hours.see-bookings',
        'office-hours.answer',
      ]);
    }
  });

  it('[OH2] a core city’s representative or substitute books and reads; the organiser only reads', () => {
    expect(allowed(person('representative'))).toEqual(['office-hours.read', 'office-hours.book']);
    expect(allowed(person('substitute'))).toEqual(['office-hours.read', 'office-hours.book']);
    expect(allowed(person('organiser'))).toEqual(['office-hours.read']);
  });

  it('[OH5][N5] an observer city’s people and another network’s see nothing; the office reads and cancels', () => {
    expect(allowed(person('representative', true))).toEqual([]);
    expect(allowed(person('expert', false, 'net-inna-01'))).toEqual([]);
    expect(allowed({ kind: 'office', observer: false })).toEqual([
      'office-hours.read',
      'office-hours.cancel-slot',
      'office-hours.see-bookings',
    ]);
  });
});
