import { describe, expect, it } from 'vitest';
import { TWO_DIGIT_MS, digitKey, stepTarget } from './scribe-keys';

describe('digits in the scribe’s field', () => {
  it('a digit in the empty field picks that zone', () => {
    expect(digitKey({ digit: '3', text: '', pick: null, now: 0, count: 4 })).toEqual({
      kind: 'pick',
      pick: { number: 3, digits: '3', at: 0 },
    });
  });

  it('is text once the field holds text', () => {
    expect(digitKey({ digit: '3', text: 'Brak', pick: null, now: 0, count: 4 })).toEqual({ kind: 'text' });
  });

  it('is text when it names no zone (0, or more than the sheet has)', () => {
    expect(digitKey({ digit: '0', text: '', pick: null, now: 0, count: 4 }).kind).toBe('text');
    expect(digitKey({ digit: '5', text: '', pick: null, now: 0, count: 4 }).kind).toBe('text');
  });

  it('after a pick, the next digit starts the note: "3", then "5 lat…"', () => {
    const pick = { number: 3, digits: '3', at: 0 };
    expect(digitKey({ digit: '5', text: '', pick, now: 100, count: 4 }).kind).toBe('text');
  });

  it('makes two-digit numbers on a sheet with ten zones or more, typed quickly', () => {
    const pick = { number: 1, digits: '1', at: 1000 };
    expect(digitKey({ digit: '2', text: '', pick, now: 1300, count: 12 })).toEqual({
      kind: 'pick',
      pick: { number: 12, digits: '12', at: 1300 },
    });
    // Too slow, or no such zone: the digit is the note's first character.
    expect(digitKey({ digit: '2', text: '', pick, now: 1000 + TWO_DIGIT_MS + 1, count: 12 }).kind).toBe(
      'text',
    );
    expect(digitKey({ digit: '5', text: '', pick, now: 1100, count: 12 }).kind).toBe('text');
    // Never three digits.
    const twelve = { number: 12, digits: '12', at: 1300 };
    expect(digitKey({ digit: '1', text: '', pick: twelve, now: 1400, count: 200 }).kind).toBe('text');
  });

  it('ignores keys that are not digits', () => {
    expect(digitKey({ digit: 'a', text: '', pick: null, now: 0, count: 4 }).kind).toBe('text');
    expect(digitKey({ digit: 'Enter', text: '', pick: null, now: 0, count: 4 }).kind).toBe('text');
  });
});

describe('↑ and ↓', () => {
  it('move to the previous or next zone, wrapping around', () => {
    expect(stepTarget(1, 1, 4)).toBe(2);
    expect(stepTarget(4, 1, 4)).toBe(1);
    expect(stepTarget(1, -1, 4)).toBe(4);
    expect(stepTarget(3, -1, 4)).toBe(2);
  });
  it('start from the first or last zone when none is chosen', () => {
    expect(stepTarget(0, 1, 4)).toBe(1);
    expect(stepTarget(9, -1, 4)).toBe(4);
    expect(stepTarget(2, 1, 0)).toBe(2);
  });
});
