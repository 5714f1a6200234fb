import { describe, expect, it } from 'vitest';
import { isGuestAttendee, partitionAttendance } from './guests';

describe('guest experts in the attendance ([G4])', () => {
  const rows = [
    { name: 'Anna Nowak', city: 'Płock', role: 'participant' },
    { name: 'Jan Kowal', city: 'BGK', role: 'guest' },
    { name: 'Ewa Lis', city: 'Opole', role: 'organiser' },
    { name: 'Piotr Zięba', city: 'NFOŚiGW', role: 'guest' },
  ];

  it('keeps guests apart from the cities, each with its position in the whole list', () => {
    const { members, guests } = partitionAttendance(rows);
    expect(members.map((m) => [m.row.name, m.index])).toEqual([
      ['Anna Nowak', 0],
      ['Ewa Lis', 2],
    ]);
    expect(guests.map((g) => [g.row.name, g.index])).toEqual([
      ['Jan Kowal', 1],
      ['Piotr Zięba', 3],
    ]);
  });

  it('knows a guest only by the role: a free-text role typed by hand is a member', () => {
    expect(isGuestAttendee({ role: 'guest' })).toBe(true);
    expect(isGuestAttendee({ role: 'Gość' })).toBe(false);
    expect(partitionAttendance([]).guests).toEqual([]);
  });
});
