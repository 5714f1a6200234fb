import { describe, expect, it } from 'vitest';
import { isBoardLive, meetingDate, warsawToday } from './meeting-time';

describe('meeting time at home', () => {
  it('takes today in Warsaw, not in UTC', () => {
    // 23:30 UTC on 14 March is already 15 March in Warsaw (UTC+1).
    expect(warsawToday(new Date('2027-03-14T23:30:00Z'))).toBe('2027-03-15');
  });

  it('opens the board on the meeting’s day only', () => {
    const meeting = { startsAt: '2027-03-15T10:00', endsAt: '2027-03-15T16:00' };
    expect(isBoardLive(meeting, new Date('2027-03-15T06:00:00Z'))).toBe(true);
    expect(isBoardLive(meeting, new Date('2027-03-14T12:00:00Z'))).toBe(false);
    expect(isBoardLive(meeting, new Date('2027-03-16T12:00:00Z'))).toBe(false);
  });

  it('writes the planned date in Polish first', () => {
    expect(meetingDate('2027-03-15T10:00', 'pl')).toBe('poniedziałek, 15 marca 2027');
    expect(meetingDate('2027-03-15T10:00', 'en')).toBe('Monday, 15 March 2027');
  });
});
