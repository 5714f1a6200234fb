import { describe, expect, it } from 'vitest';
import { meetingRecordSchema, type BoardInfo } from '@empiria/shared';
import { fillRecord } from './draft-service';

const board: BoardInfo = {
  id: 'board-1',
  title: 'Spotkanie 3',
  format: 'format-2',
  formatVersion: 1,
  language: 'pl',
  createdAt: '2026-11-26T08:00:00.000Z',
};
const person = (name: string, role: string, where: 'room' | 'online' | null = null) => ({
  personId: name,
  name,
  city: 'Gdynia',
  role,
  where,
});

describe('the meeting record drafted from who joined', () => {
  it('lists the people who worked, not observers or the room display, and fills only what is empty', () => {
    const record = fillRecord(
      meetingRecordSchema.parse({ place: 'Gdynia' }),
      board,
      [
        person('Fela', 'facilitator', 'room'),
        person('Ala', 'participant', 'online'),
        person('Olga', 'observer'),
        person('Ekran sali', 'room', 'room'),
      ],
      new Date('2026-11-26T10:00:00Z'),
    );
    expect(record.attendance.map((a) => a.name)).toEqual(['Fela', 'Ala']);
    expect(record).toMatchObject({
      meetingTitle: 'Spotkanie 3',
      date: '2026-11-26',
      facilitator: 'Fela',
      place: 'Gdynia',
      mode: 'hybrid',
    });
  });

  it('keeps what a person typed', () => {
    const typed = meetingRecordSchema.parse({
      meetingTitle: 'Nasz tytuł',
      facilitator: 'Ktoś inny',
      attendance: [{ name: 'Ala', city: 'Gdynia', role: 'participant' }],
    });
    const record = fillRecord(
      typed,
      board,
      [person('Ala', 'participant'), person('Bartek', 'participant')],
      new Date(),
    );
    expect(record.meetingTitle).toBe('Nasz tytuł');
    expect(record.facilitator).toBe('Ktoś inny');
    expect(record.attendance.map((a) => a.name)).toEqual(['Ala', 'Bartek']);
  });

  it('dates a meeting by the Polish wall clock, not UTC (00:30 in Warsaw is still that day)', () => {
    const record = fillRecord(meetingRecordSchema.parse({}), board, [], new Date('2026-11-25T23:30:00Z'));
    expect(record.date).toBe('2026-11-26');
  });

  it('starts a network meeting’s record from what was planned; a chosen mode and typed fields stay', () => {
    const facts = {
      network: 'Miasto dostępne',
      meetingTitle: 'Spotkanie 2 — bariery',
      date: '2027-03-15',
      mode: 'hybrid' as const,
      place: 'Urząd Miasta, sala 12, Lublin',
    };
    const record = fillRecord(
      meetingRecordSchema.parse({}),
      board,
      [],
      new Date('2027-03-20T10:00:00Z'),
      facts,
    );
    expect(record).toMatchObject({
      network: 'Miasto dostępne',
      meetingTitle: 'Spotkanie 2 — bariery',
      date: '2027-03-15',
      mode: 'hybrid',
      place: 'Urząd Miasta, sala 12, Lublin',
    });
    const typed = meetingRecordSchema.parse({ place: 'Online, bo awaria', mode: 'online' });
    const kept = fillRecord(typed, board, [], new Date(), facts, true);
    expect(kept).toMatchObject({ place: 'Online, bo awaria', mode: 'online', network: 'Miasto dostępne' });
  });
});
