/**
 * Folding text for search (issue #11, item 5): case and Polish diacritics do not matter, so
 * "zrodla" finds "źródła" and "LODZ" finds "Łódź". Unicode's decomposition (NFD) takes the marks
 * off ą ć ę ń ó ś ź ż but not off ł, which is a letter of its own, so ł is mapped by hand (as are
 * the few other stroked Latin letters a Polish text may quote). The same function folds what is
 * indexed and what is asked.
 */

/** Letters NFD does not decompose: their base letter. */
const STROKED: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ø: 'o',
  Ø: 'o',
  ß: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
};

const COMBINING_MARKS = /\p{M}+/gu;

/** One character (code point) folded: possibly empty (a lone combining mark) or longer (ß). */
function foldChar(char: string): string {
  const stroked = STROKED[char];
  if (stroked !== undefined) return stroked;
  return char.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** The folded text: lower case, no diacritics, ł as l. */
export function foldText(text: string): string {
  let folded = '';
  for (const char of text.normalize('NFC')) folded += foldChar(char);
  return folded;
}

/**
 * The folded text with, for each of its UTF-16 units, the offset in the (NFC) original where the
 * character it came from starts, and that original: snippets are cut from the original at
 * positions found in the folded text.
 */
export function foldWithOffsets(text: string): { original: string; folded: string; origin: number[] } {
  const original = text.normalize('NFC');
  let folded = '';
  const origin: number[] = [];
  let offset = 0;
  for (const char of original) {
    const part = foldChar(char);
    folded += part;
    for (let i = 0; i < part.length; i++) origin.push(offset);
    offset += char.length;
  }
  return { original, folded, origin };
}
