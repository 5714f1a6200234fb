import { describe, expect, it } from 'vitest';
import { attendanceList, attendeesOf, isKept, type AttendanceListInput } from './attendance-list';

const invitee = (
  personId: string,
  name: string,
  city: string | null,
  answer: AttendanceListInput['invitations'][number]['answer'] = null,
  role: 'representative' | 'facilitator' | 'organiser' = 'representative',
  observer = false,
) => ({ personId, name, city, role, answer, observer });

const base: AttendanceListInput = {
  mode: 'hybrid',
  invitations: [
    invitee('p-lodz', 'Anna Nowak', 'Łódź', 'in-person'),
    invitee('p-elk', 'Ewa Kot', 'Ełk', 'cannot-come'),
    invitee('p-kalisz', 'Kamil Lis', 'Kalisz'),
    invitee('p-fela', 'Fela Facylitatorka', null, null, 'facilitator'),
  ],
  joined: [
    // Kalisz joined from a phone without saying where; typed his city without the accent.
    { boardPersonId: 'b-1', name: 'kamil  lis', city: 'KALISZ', role: 'participant', where: null },
    // The pair has no city: she joins under the network's name.
    {
      boardPersonId: 'b-2',
      name: 'Fela Facylitatorka',
      city: 'Zasoby miast',
      role: 'facilitator',
      where: 'room',
    },
    // Someone uninvited, through the board's participant link.
    { boardPersonId: 'b-3', name: 'Gość z linku', city: 'Płock', role: 'participant', where: 'online' },
    // Observers and the room display are no attendees.
    { boardPersonId: 'b-4', name: 'Obserwator', city: 'Opole', role: 'observer', where: 'online' },
    { boardPersonId: 'b-5', name: 'Ekran sali', city: 'Sala', role: 'room', where: 'room' },
  ],
  marks: [],
  walkIns: [],
};

describe('attendance list (docs/permissions.md [N19])', () => {
  it('starts from the answers and the joins, a join matched to its invitee by folded name and city', () => {
    const entries = attendanceList(base);
    expect(entries.map((entry) => [entry.key, entry.source, entry.joined, entry.attended])).toEqual([
      ['person:p-lodz', 'invited', null, 'room'],
      ['person:p-elk', 'invited', null, null],
      ['person:p-kalisz', 'invited', 'unknown', 'present'],
      ['person:p-fela', 'invited', 'room', 'room'],
      ['board:b-3', 'joined', 'online', 'online'],
    ]);
    expect(isKept(base)).toBe(false);
  });

  it('a mark wins over the evidence of that person only; walk-ins are on the list as they were added', () => {
    const kept: AttendanceListInput = {
      ...base,
      marks: [
        { key: 'person:p-lodz', status: 'absent' },
        { key: 'person:p-elk', status: 'online' },
        { key: 'board:b-3', status: 'absent' },
      ],
      walkIns: [
        {
          id: 'w1',
          kind: 'substitute',
          name: 'Zofia Zastępczyni',
          city: 'Ełk',
          institution: null,
          status: 'room',
        },
        { id: 'w2', kind: 'guest', name: 'Jan Gość', city: null, institution: 'BGK', status: 'online' },
      ],
    };
    const entries = attendanceList(kept);
    const byKey = new Map(entries.map((entry) => [entry.key, entry]));
    expect(byKey.get('person:p-lodz')).toMatchObject({ answer: 'in-person', mark: 'absent', attended: null });
    expect(byKey.get('person:p-elk')).toMatchObject({
      answer: 'cannot-come',
      mark: 'online',
      attended: 'online',
    });
    // Unmarked: the evidence stands.
    expect(byKey.get('person:p-kalisz')).toMatchObject({ mark: null, attended: 'present' });
    expect(byKey.get('board:b-3')).toMatchObject({ mark: 'absent', attended: null });
    expect(byKey.get('walk-in:w1')).toMatchObject({
      source: 'walk-in',
      walkIn: 'substitute',
      city: 'Ełk',
      attended: 'room',
    });
    expect(byKey.get('walk-in:w2')).toMatchObject({
      walkIn: 'guest',
      institution: 'BGK',
      attended: 'online',
    });
    expect(isKept(kept)).toBe(true);

    expect(attendeesOf(entries, 'Zasoby miast')).toEqual([
      { key: 'person:p-elk', name: 'Ewa Kot', city: 'Ełk', role: 'participant', where: 'online' },
      { key: 'person:p-kalisz', name: 'Kamil Lis', city: 'Kalisz', role: 'participant', where: null },
      {
        key: 'person:p-fela',
        name: 'Fela Facylitatorka',
        city: 'Zasoby miast',
        role: 'facilitator',
        where: 'room',
      },
      { key: 'walk-in:w1', name: 'Zofia Zastępczyni', city: 'Ełk', role: 'participant', where: 'room' },
      { key: 'walk-in:w2', name: 'Jan Gość', city: 'BGK', role: 'guest', where: 'online' },
    ]);
  });

  it("a join that said nowhere is online at an online meeting; an observer city's invitee is an observer in the record", () => {
    const online: AttendanceListInput = {
      ...base,
      mode: 'online',
      invitations: [
        invitee('p-kalisz', 'Kamil Lis', 'Kalisz'),
        invitee('p-opole', 'Olek Obs', 'Opole', 'online', 'representative', true),
      ],
      joined: [{ boardPersonId: 'b-1', name: 'Kamil Lis', city: 'Kalisz', role: 'participant', where: null }],
    };
    const entries = attendanceList(online);
    expect(entries.map((entry) => entry.attended)).toEqual(['online', 'online']);
    expect(attendeesOf(entries, 'Sieć').map((attendee) => [attendee.name, attendee.role])).toEqual([
      ['Kamil Lis', 'participant'],
      ['Olek Obs', 'observer'],
    ]);
  });

  it('a mark of someone no longer on the list keeps nothing', () => {
    const stale: AttendanceListInput = {
      ...base,
      marks: [{ key: 'person:uninvited-since', status: 'room' }],
    };
    expect(isKept(stale)).toBe(false);
    expect(attendanceList(stale).every((entry) => entry.mark === null)).toBe(true);
  });

  it('someone in the room on one device and online on another was in the room', () => {
    const twice: AttendanceListInput = {
      ...base,
      invitations: [invitee('p-kalisz', 'Kamil Lis', 'Kalisz', 'online')],
      joined: [
        { boardPersonId: 'b-1', name: 'Kamil Lis', city: 'Kalisz', role: 'participant', where: 'online' },
        { boardPersonId: 'b-9', name: 'Kamil Lis', city: 'Kalisz', role: 'participant', where: 'room' },
      ],
    };
    expect(attendanceList(twice)).toMatchObject([
      { key: 'person:p-kalisz', joined: 'room', attended: 'room' },
    ]);
  });
});
