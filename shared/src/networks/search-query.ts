import { z } from 'zod';
import { foldText } from './text-folding';

/**
 * A search's words, as FTS5 is asked for them. A user's query is never handed to FTS5 as syntax:
 * it is folded (text-folding.ts) and cut into words of letters and digits only, so quotes, stars,
 * colons, parentheses, NEAR, AND, OR and NOT are either gone or plain words, each quoted; every
 * word must occur (a prefix of a word in the text), so a query can narrow but never widen.
 */

export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_WORDS = 8;
/** Longer "words" are cut: nothing in a note is that long, and FTS5 need not see it. */
export const MAX_WORD_LENGTH = 40;

export const searchQuerySchema = z
  .string()
  .max(MAX_QUERY_LENGTH, `a search is at most ${MAX_QUERY_LENGTH} characters`);

const WORD = /[\p{L}\p{N}]+/gu;

/** The folded words of a query, each once, in order; at most MAX_QUERY_WORDS. */
export function searchWords(query: string): string[] {
  const words: string[] = [];
  for (const match of foldText(query).matchAll(WORD)) {
    const word = match[0].slice(0, MAX_WORD_LENGTH);
    if (!words.includes(word)) words.push(word);
    if (words.length === MAX_QUERY_WORDS) break;
  }
  return words;
}

/**
 * The FTS5 MATCH expression for the words: each a quoted prefix, all required. Words hold only
 * letters and digits, so the quotes cannot be closed from inside; null when there is no word.
 */
export function ftsMatchExpression(words: readonly string[]): string | null {
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replaceAll('"', '""')}"*`).join(' AND ');
}
