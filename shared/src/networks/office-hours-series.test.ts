import { describe, expect, it } from 'vitest';
import { createOfficeHoursSeriesRequestSchema } from './office-hours-api';
import { expandOfficeHoursSeries, warsawInstant, type OfficeHoursSeriesRule } from './office-hours-series';

const series = (rule: Partial<OfficeHoursSeriesRule>): OfficeHoursSeriesRule => ({
  weekday: 2,
  startTime: '16:00',
  minutes: 60,
  everyWeeks: 2,
  from: '2026-09-01',
  to: '2026-12-31',
  ...rule,
});

describe('office hours: a series expanded into slots', () => {
  it('every two weeks on Tuesday at 16:00 for an hour, from the first Tuesday on or after the start', () => {
    // 2026-09-03 is a Thursday: the first Tuesday after it is 09-08.
    const slots = expandOfficeHoursSeries(series({ from: '2026-09-03', to: '2026-10-20' }));
    expect(slots).toEqual([
      { startsAt: '2026-09-08T16:00', endsAt: '2026-09-08T17:00' },
      { startsAt: '2026-09-22T16:00', endsAt: '2026-09-22T17:00' },
      { startsAt: '2026-10-06T16:00', endsAt: '2026-10-06T17:00' },
      { startsAt: '2026-10-20T16:00', endsAt: '2026-10-20T17:00' },
    ]);
  });

  it('the first and last dates are both included; Sunday is 7', () => {
    const slots = expandOfficeHoursSeries(
      series({ weekday: 7, everyWeeks: 1, from: '2026-11-01', to: '2026-11-15' }),
    );
    expect(slots.map((slot) => slot.startsAt)).toEqual([
      '2026-11-01T16:00',
      '2026-11-08T16:00',
      '2026-11-15T16:00',
    ]);
  });

  it('keeps the wall-clock time across the October change: 16:00 is 14:00 UTC in summer, 15:00 UTC in winter', () => {
    // Clocks go back on Sunday 2026-10-25.
    const slots = expandOfficeHoursSeries(series({ everyWeeks: 1, from: '2026-10-13', to: '2026-11-03' }));
    expect(slots.map((slot) => slot.startsAt)).toEqual([
      '2026-10-13T16:00',
      '2026-10-20T16:00',
      '2026-10-27T16:00',
      '2026-11-03T16:00',
    ]);
    expect(slots.map((slot) => warsawInstant(slot.startsAt).toISOString())).toEqual([
      '2026-10-13T14:00:00.000Z',
      '2026-10-20T14:00:00.000Z',
      '2026-10-27T15:00:00.000Z',
      '2026-11-03T15:00:00.000Z',
    ]);
  });

  it('keeps the wall-clock time across the March change: 16:00 is 15:00 UTC in winter, 14:00 UTC in summer', () => {
    // Clocks go forward on Sunday 2027-03-28.
    const slots = expandOfficeHoursSeries(series({ everyWeeks: 2, from: '2027-03-16', to: '2027-04-13' }));
    expect(slots.map((slot) => [slot.startsAt, warsawInstant(slot.startsAt).toISOString()])).toEqual([
      ['2027-03-16T16:00', '2027-03-16T15:00:00.000Z'],
      ['2027-03-30T16:00', '2027-03-30T14:00:00.000Z'],
      ['2027-04-13T16:00', '2027-04-13T14:00:00.000Z'],
    ]);
  });

  it('a slot on the night of a change: the skipped hour lands an hour later, the repeated hour is the first', () => {
    // 2026-03-29 02:30 does not exist in Warsaw (02:00 → 03:00); 2026-10-25 02:30 happens twice.
    expect(warsawInstant('2026-03-29T02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(warsawInstant('2026-10-25T02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // The series itself stays on its wall-clock: the slot is still "Sunday 02:30".
    const night = expandOfficeHoursSeries(
      series({ weekday: 7, startTime: '02:30', everyWeeks: 1, from: '2026-03-22', to: '2026-04-05' }),
    );
    expect(night.map((slot) => slot.startsAt)).toEqual([
      '2026-03-22T02:30',
      '2026-03-29T02:30',
      '2026-04-05T02:30',
    ]);
  });

  it('a slot late in the evening ends on the next day', () => {
    const [slot] = expandOfficeHoursSeries(
      series({ startTime: '23:30', minutes: 60, from: '2026-09-01', to: '2026-09-01' }),
    );
    expect(slot).toEqual({ startsAt: '2026-09-01T23:30', endsAt: '2026-09-02T00:30' });
  });
});

describe('office hours: the series request', () => {
  const valid = {
    weekday: 2,
    startTime: '16:00',
    from: '2026-09-01',
    to: '2026-12-31',
    location: { kind: 'online', url: 'https://meet.example.org/dyzur' },
  };

  it('defaults to the vademecum’s rhythm: an hour every two weeks', () => {
    const parsed = createOfficeHoursSeriesRequestSchema.parse(valid);
    expect([parsed.minutes, parsed.everyWeeks]).toEqual([60, 2]);
  });

  it('refuses dates in the wrong order, a range with no such weekday, too many slots, a bad time or link', () => {
    const refused = (patch: object) =>
      !createOfficeHoursSeriesRequestSchema.safeParse({ ...valid, ...patch }).success;
    expect(refused({ from: '2026-12-31', to: '2026-09-01' })).toBe(true);
    // 2026-09-02 is a Wednesday: no Tuesday in a one-day range.
    expect(refused({ from: '2026-09-02', to: '2026-09-02' })).toBe(true);
    expect(refused({ everyWeeks: 1, from: '2026-01-01', to: '2027-12-31' })).toBe(true);
    expect(refused({ startTime: '24:00' })).toBe(true);
    expect(refused({ from: '2026-02-30' })).toBe(true);
    expect(refused({ weekday: 0 })).toBe(true);
    expect(refused({ location: { kind: 'online', url: 'javascript:alert(1)' } })).toBe(true);
    expect(refused({ location: { kind: 'in-person', place: '   ' } })).toBe(true);
    expect(refused({})).toBe(false);
  });
});
