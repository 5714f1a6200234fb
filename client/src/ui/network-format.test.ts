import { describe, expect, it } from 'vitest';
import { formatClock, formatMeetingDate, sameDay, stepTitle } from './network-format';

describe('meeting times as read', () => {
  it('shows the Warsaw wall-clock time as stored, in Polish and English', () => {
    expect(formatMeetingDate('pl', '2027-03-15T10:00')).toMatch(/15 marca 2027.*10:00/);
    expect(formatMeetingDate('en', '2027-03-15T10:00')).toMatch(/15 March 2027.*10:00/);
    expect(formatClock('2027-03-15T09:05')).toBe('09:05');
  });
  it('tells a meeting ending the next day', () => {
    expect(sameDay('2027-03-15T10:00', '2027-03-15T17:00')).toBe(true);
    expect(sameDay('2027-03-15T22:00', '2027-03-16T01:00')).toBe(false);
  });
  it('names a step from its format, and by its id when the format lacks it', () => {
    expect(stepTitle('pl', 'format-2', 'challenge')).not.toBe('challenge');
    expect(stepTitle('pl', 'format-2', 'gone')).toBe('gone');
  });
});
