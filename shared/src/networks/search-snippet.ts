import { foldWithOffsets } from './text-folding';

/** A piece of a hit's text around what was found, with the found words' spans in it. */
export interface SearchSnippet {
  text: string;
  /** [start, end) offsets in `text` of each found word (the whole word it begins). */
  highlights: [number, number][];
}

/**
 * The part of `text` around the first found word, at most about `width` characters, cut at word
 * boundaries, with "…" where it was cut; every word of the text that starts with one of `words`
 * (folded, as searchWords gives them) is highlighted. Matching is done on the folded text and
 * mapped back, so "zrodla" highlights "źródła".
 */
export function searchSnippet(text: string, words: readonly string[], width = 160): SearchSnippet {
  const { original, folded, origin } = foldWithOffsets(text);
  const found: [number, number][] = [];
  // Word starts in the folded text whose word begins with a searched word.
  const wordPattern = /[\p{L}\p{N}]+/gu;
  for (const match of folded.matchAll(wordPattern)) {
    const word = match[0];
    if (!words.some((w) => word.startsWith(w))) continue;
    const start = origin[match.index] ?? 0;
    const lastFolded = match.index + word.length - 1;
    const lastStart = origin[lastFolded] ?? start;
    // The original character the word's last unit came from may be two UTF-16 units long.
    const end = lastStart + ((original.codePointAt(lastStart) ?? 0) > 0xffff ? 2 : 1);
    found.push([start, Math.min(end, original.length)]);
  }

  const first = found[0];
  let from = 0;
  let to = original.length;
  if (original.length > width) {
    const centre = first ? first[0] : 0;
    from = Math.max(0, centre - Math.floor(width / 3));
    to = Math.min(original.length, from + width);
    from = Math.max(0, to - width);
    // Cut at spaces, never inside a word.
    if (from > 0) {
      const space = original.indexOf(' ', from);
      if (space !== -1 && space < (first?.[0] ?? to)) from = space + 1;
    }
    if (to < original.length) {
      const space = original.lastIndexOf(' ', to);
      if (space > (first?.[1] ?? from)) to = space;
    }
  }
  const prefix = from > 0 ? '…' : '';
  const suffix = to < original.length ? '…' : '';
  const shift = prefix.length - from;
  return {
    text: `${prefix}${original.slice(from, to)}${suffix}`,
    highlights: found
      .filter(([start, end]) => start >= from && end <= to)
      .map(([start, end]): [number, number] => [start + shift, end + shift]),
  };
}
