import { describe, expect, it } from 'vitest';
import {
  attendanceMark,
  attendanceMatrix,
  averageRate,
  citiesMissingTwice,
  type AttendanceMeetingInput,
} from './attendance-matrix';
import { overviewRow } from './office-overview';

const meeting = (over: Partial<AttendanceMeetingInput>): AttendanceMeetingInput => ({
  id: 'm',
  held: true,
  mode: 'hybrid',
  invitations: [],
  present: [],
  ...over,
});

describe('attendanceMark', () => {
  it('starts from the answers', () => {
    const m = meeting({
      invitations: [
        { city: 'Łódź', answer: 'online' },
        { city: 'Gdynia', answer: 'in-person' },
        { city: 'Ełk', answer: 'cannot-come' },
        { city: 'Opole', answer: null },
      ],
    });
    expect(attendanceMark(m, 'Łódź')).toBe('online');
    expect(attendanceMark(m, 'Gdynia')).toBe('in-person');
    expect(attendanceMark(m, 'Ełk')).toBe('absent');
    expect(attendanceMark(m, 'Opole')).toBe('absent');
    expect(attendanceMark(m, 'Kalisz')).toBe('not-invited');
  });

  it('is completed by joins, matched by folded city name; the room wins over online', () => {
    const m = meeting({
      invitations: [
        { city: 'Łódź', answer: 'cannot-come' },
        { city: 'Gdynia', answer: 'online' },
      ],
      present: [
        { city: 'LODZ ', where: 'online' },
        { city: 'gdynia', where: 'room' },
        { city: 'Kalisz', where: 'unknown' },
      ],
    });
    expect(attendanceMark(m, 'Łódź')).toBe('online');
    expect(attendanceMark(m, 'Gdynia')).toBe('in-person');
    // A join that said nowhere is presence without a place, not "in the room" — at an in-person
    // or a hybrid meeting; an online-only meeting has no room, so it was online.
    expect(attendanceMark(m, 'Kalisz')).toBe('present');
    expect(attendanceMark({ ...m, mode: 'in-person' }, 'Kalisz')).toBe('present');
    expect(attendanceMark({ ...m, mode: 'online' }, 'Kalisz')).toBe('online');
  });

  it('lets any known place win over a join that said nowhere', () => {
    const m = meeting({
      invitations: [{ city: 'Kalisz', answer: null }],
      present: [
        { city: 'Kalisz', where: 'unknown' },
        { city: 'Kalisz', where: 'online' },
      ],
    });
    expect(attendanceMark(m, 'Kalisz')).toBe('online');
  });

  it('leaves a meeting to come as upcoming, whatever was answered', () => {
    expect(
      attendanceMark(meeting({ held: false, invitations: [{ city: 'Ełk', answer: 'online' }] }), 'Ełk'),
    ).toBe('upcoming');
  });
});

describe('attendanceMatrix, rates, cities missing twice', () => {
  const cities = [
    { cityId: 'c1', city: 'Łódź', observer: false },
    { cityId: 'c2', city: 'Ełk', observer: false },
    { cityId: 'c3', city: 'Kalisz', observer: false },
  ];
  const invitedAll = (answers: Record<string, 'in-person' | 'online' | 'cannot-come' | null>) =>
    Object.entries(answers).map(([city, answer]) => ({ city, answer }));
  const meetings = [
    meeting({ id: '1', invitations: invitedAll({ Łódź: 'in-person', Ełk: 'online', Kalisz: null }) }),
    meeting({ id: '2', invitations: invitedAll({ Łódź: 'online', Ełk: 'cannot-come', Kalisz: null }) }),
    meeting({ id: '3', invitations: invitedAll({ Łódź: 'cannot-come', Ełk: 'cannot-come' }) }),
    meeting({ id: '4', held: false, invitations: invitedAll({ Łódź: 'online' }) }),
  ];
  const rows = attendanceMatrix(cities, meetings);

  it('gives a mark per meeting and the rate over the meetings that count', () => {
    expect(rows.map((row) => row.marks)).toEqual([
      ['in-person', 'online', 'absent', 'upcoming'],
      ['online', 'absent', 'absent', 'upcoming'],
      ['absent', 'absent', 'not-invited', 'upcoming'],
    ]);
    expect(rows.map((row) => [row.attended, row.counted])).toEqual([
      [2, 3],
      [1, 3],
      [0, 2],
    ]);
    expect(rows[0]?.rate).toBeCloseTo(2 / 3);
    expect(rows[2]?.rate).toBe(0);
    expect(attendanceMatrix(cities, [meetings[3] as AttendanceMeetingInput])[0]?.rate).toBeNull();
  });

  it('names the cities absent from the last two meetings that counted for them', () => {
    // Kalisz was not invited to meeting 3: its last two counted are 1 and 2, both missed.
    expect(citiesMissingTwice(rows)).toEqual(['Ełk', 'Kalisz']);
  });

  it('averages the rates that exist', () => {
    expect(averageRate(rows)).toBeCloseTo((2 / 3 + 1 / 3 + 0) / 3);
    expect(averageRate([])).toBeNull();
  });

  it('aggregates a network for the office overview', () => {
    const row = overviewRow({
      network: { id: 'n1', name: 'Miasto cyfrowe', theme: 'cyfryzacja' },
      members: 3,
      meetings: [
        { held: true, noteApproved: true },
        { held: true, noteApproved: false },
        { held: true, noteApproved: false },
        { held: false, noteApproved: false },
      ],
      attendance: rows,
    });
    expect(row).toEqual({
      networkId: 'n1',
      name: 'Miasto cyfrowe',
      theme: 'cyfryzacja',
      members: 3,
      meetingsHeld: 3,
      meetingsPlanned: 1,
      notesApproved: 1,
      notesWaiting: 2,
      averageAttendance: averageRate(rows),
      missingTwice: ['Ełk', 'Kalisz'],
    });
  });

  it('counts a presence without a place as attended', () => {
    const joinedOnly = meeting({
      invitations: invitedAll({ Łódź: null }),
      present: [{ city: 'Łódź', where: 'unknown' }],
    });
    const [row] = attendanceMatrix([cities[0]!], [joinedOnly]);
    expect(row).toMatchObject({ marks: ['present'], attended: 1, counted: 1, rate: 1 });
  });
});

describe('observer cities', () => {
  const cities = [
    { cityId: 'c1', city: 'Łódź', observer: false },
    { cityId: 'c2', city: 'Radom', observer: true },
  ];
  // Radom, an observer, is invited (to the open parts) and never comes; Łódź always comes.
  const meetings = ['1', '2', '3'].map((id) =>
    meeting({
      id,
      invitations: [
        { city: 'Łódź', answer: 'in-person' },
        { city: 'Radom', answer: null },
      ],
    }),
  );
  const rows = attendanceMatrix(cities, meetings);

  it('shows their marks, marked as observers, with no rate', () => {
    expect(rows[1]).toMatchObject({
      city: 'Radom',
      observer: true,
      marks: ['absent', 'absent', 'absent'],
      rate: null,
    });
    expect(rows[0]).toMatchObject({ observer: false, rate: 1 });
  });

  it('leaves them out of the average and of "missed the last two"', () => {
    expect(averageRate(rows)).toBe(1);
    expect(citiesMissingTwice(rows)).toEqual([]);
  });
});

describe('the overview before two meetings were held', () => {
  const rows = attendanceMatrix(
    [{ cityId: 'c1', city: 'Ełk', observer: false }],
    [meeting({ invitations: [{ city: 'Ełk', answer: 'cannot-come' }] })],
  );
  const overview = (held: number) =>
    overviewRow({
      network: { id: 'n1', name: 'Miasto zielone', theme: 'zieleń' },
      members: 1,
      meetings: [
        ...Array.from({ length: held }, () => ({ held: true, noteApproved: false })),
        { held: false, noteApproved: false },
      ],
      attendance: rows,
    });

  it('says nothing about missing two meetings (null) while fewer than two were held', () => {
    expect(overview(0).missingTwice).toBeNull();
    expect(overview(1).missingTwice).toBeNull();
    expect(overview(2).missingTwice).toEqual([]);
  });
});
