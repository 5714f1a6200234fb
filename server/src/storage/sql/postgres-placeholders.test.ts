import { describe, expect, it } from 'vitest';
import { numberPlaceholders } from './postgres-placeholders';

describe('numberPlaceholders', () => {
  it('numbers parameters in order', () => {
    expect(numberPlaceholders('SELECT * FROM t WHERE a = ? AND b IN (?, ?)')).toBe(
      'SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)',
    );
  });

  it('leaves question marks in literals, identifiers and comments alone', () => {
    expect(
      numberPlaceholders(`SELECT '?', 'it''s ?', "a?b" FROM t -- why?\nWHERE x = ? /* ? */ AND y = ?`),
    ).toBe(`SELECT '?', 'it''s ?', "a?b" FROM t -- why?\nWHERE x = $1 /* ? */ AND y = $2`);
  });

  it('refuses an unterminated literal rather than guessing', () => {
    expect(() => numberPlaceholders("SELECT 'open FROM t WHERE a = ?")).toThrow(SyntaxError);
  });
});
