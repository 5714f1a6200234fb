import { describe, expect, it } from 'vitest';
import {
  attendeeInput,
  checkAttendee,
  checkDate,
  checkMode,
  checkTextField,
  readRecordFields,
  recordIsValid,
  withAttendee,
  withoutAttendee,
} from './meeting-record';

const ala = { name: 'Ala Wiśniewska', city: 'Gdynia', role: 'participant', where: 'room' as const };

describe('the meeting record form', () => {
  it('reads field by field: one broken value does not blank the others', () => {
    const stored = { network: 'Sieć cyfrowa', date: '12.05.2026', attendance: [ala] };
    expect(recordIsValid(stored)).toBe(false);
    const record = readRecordFields(stored);
    expect(record.network).toBe('Sieć cyfrowa');
    expect(record.date).toBe('');
    expect(record.mode).toBe('in-person');
    expect(record.attendance).toEqual([ala]);
    expect(recordIsValid({ network: 'x', attendance: [ala] })).toBe(true);
  });

  it('writes only values the server will read', () => {
    expect(checkTextField('network', 'Sieć')).toEqual({ ok: true, value: 'Sieć' });
    expect(checkTextField('place', 'x'.repeat(201)).ok).toBe(false);
    expect(checkDate('2026-05-12')).toEqual({ ok: true, value: '2026-05-12' });
    expect(checkDate('')).toEqual({ ok: true, value: '' });
    expect(checkDate('12.05.2026').ok).toBe(false);
    expect(checkMode('hybrid')).toEqual({ ok: true, value: 'hybrid' });
    expect(checkMode('remote').ok).toBe(false);
  });

  it('takes an attendance row only with a name, a city and a role', () => {
    expect(checkAttendee({ name: ' Ala ', city: 'Gdynia', role: 'participant', where: '' })).toEqual({
      ok: true,
      value: { name: 'Ala', city: 'Gdynia', role: 'participant', where: null },
    });
    const bad = checkAttendee({ name: '', city: ' ', role: 'participant', where: 'online' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.sort()).toEqual(['city', 'name']);
    expect(attendeeInput(ala)).toEqual({ ...ala, where: 'room' });
    expect(attendeeInput(null)).toEqual({ name: '', city: '', role: '', where: '' });
  });

  it('adds, replaces and removes rows', () => {
    const bartek = { ...ala, name: 'Bartek' };
    expect(withAttendee([ala], 1, bartek)).toEqual([ala, bartek]);
    expect(withAttendee([ala], 0, bartek)).toEqual([bartek]);
    expect(withoutAttendee([ala, bartek], 0)).toEqual([bartek]);
  });
});
