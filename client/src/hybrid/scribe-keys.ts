/**
 * The scribe's keys in the note field, as a pure function: the scribe reads a paper note off the
 * wall, types its zone's number and its text, presses Enter, and goes on with the next one.
 *
 * - A digit typed into the EMPTY field picks the zone with that number (the field stays empty).
 * - Right after a pick, a second digit within `TWO_DIGIT_MS` makes a two-digit number when the
 *   sheet has that many zones (1 then 2 → zone 12); otherwise it is the note's first character.
 *   So a note that itself starts with a digit is typed after its zone's number: "3", then "5 lat…".
 * - A digit that names no zone (0, or more than the sheet has) is text.
 * - Any digit in a field that already holds text is text.
 */
export const TWO_DIGIT_MS = 900;

export interface ZonePick {
  /** The zone number picked. */
  number: number;
  /** The digits typed for it ("1", "12"). */
  digits: string;
  /** When the last of them was typed (ms). */
  at: number;
}

export type DigitOutcome = { kind: 'pick'; pick: ZonePick } | { kind: 'text' };

export function digitKey(args: {
  digit: string;
  /** The field's text before this key. */
  text: string;
  /** The pick made for the note being typed, if any (null once a note is added). */
  pick: ZonePick | null;
  now: number;
  /** How many zones the sheet has. */
  count: number;
}): DigitOutcome {
  const { digit, text, pick, now, count } = args;
  if (!/^[0-9]$/.test(digit) || text.length > 0) return { kind: 'text' };
  if (pick) {
    // One pick per note, unless this digit completes a two-digit number.
    const digits = pick.digits + digit;
    const number = Number(digits);
    if (pick.digits.length === 1 && now - pick.at <= TWO_DIGIT_MS && number >= 1 && number <= count) {
      return { kind: 'pick', pick: { number, digits, at: now } };
    }
    return { kind: 'text' };
  }
  const number = Number(digit);
  if (number < 1 || number > count) return { kind: 'text' };
  return { kind: 'pick', pick: { number, digits: digit, at: now } };
}

/** ↑ / ↓ in the field: the previous or next zone, wrapping around. */
export function stepTarget(current: number, delta: 1 | -1, count: number): number {
  if (count <= 0) return current;
  const from = current >= 1 && current <= count ? current : delta > 0 ? 0 : 1;
  return ((from - 1 + delta + count) % count) + 1;
}
