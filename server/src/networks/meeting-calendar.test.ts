import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, meetingCalendar, type CalendarEvent } from './meeting-calendar';

const event: CalendarEvent = {
  uid: 'meeting-1@empiria.test',
  sequence: 2,
  stamp: new Date('2027-02-01T08:30:00Z'),
  startsAt: '2027-07-15T10:00',
  endsAt: '2027-07-15T16:30',
  summary: 'Miasto cyfrowe; spotkanie 2, Format 2',
  description: 'Program:\n10:00–10:30 Przerwa (30 min)\nŹródła finansowania\\zgłoszenia',
  location: 'Urząd Miasta, ul. Świętojańska 1, Gdynia',
};

/** Parses the file with ical.js (an independent RFC 5545 parser) and answers its one event. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { calendar, event: new ICAL.Event(vevent), vevent };
}

describe('meeting calendar (RFC 5545)', () => {
  it('parses back: Warsaw summer time is UTC+2, text escaped and unescaped', () => {
    const { event: parsed, vevent } = parse(meetingCalendar(event));
    expect(parsed.uid).toBe(event.uid);
    expect(parsed.summary).toBe(event.summary);
    expect(parsed.description).toBe(event.description);
    expect(parsed.location).toBe(event.location);
    expect(parsed.sequence).toBe(2);
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Warsaw');
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2027-07-15T08:00:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).toBe('2027-07-15T14:30:00.000Z');
    expect(vevent.getFirstPropertyValue('dtstamp')?.toString()).toBe('2027-02-01T08:30:00Z');
  });

  it('winter time is UTC+1', () => {
    const { event: parsed } = parse(
      meetingCalendar({ ...event, startsAt: '2027-01-12T09:00', endsAt: '2027-01-12T15:00' }),
    );
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2027-01-12T08:00:00.000Z');
  });

  it('lines end with CRLF and are at most 75 octets, folded without splitting a character', () => {
    const long = { ...event, description: 'Źródła i żółte ćmy '.repeat(30) };
    const text = meetingCalendar(long);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(parse(text).event.description).toBe(long.description);
  });

  it('escapes TEXT as the RFC says', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    expect(foldLine('x'.repeat(80))).toBe(`${'x'.repeat(75)}\r\n ${'x'.repeat(5)}`);
  });
});
