/**
 * The one edit that turns `before` into `after`: what a textarea's input event or a whole-text save
 * means for a shared Y.Text. Keeping the common start and end untouched is what lets two people type
 * in the same section at once: only the part that changed is replaced, so the other's words and
 * caret stay where they were.
 */
export interface TextSplice {
  index: number;
  remove: number;
  insert: string;
}

/**
 * `caret` (the caret after the edit, when known) settles ambiguity: typing "a" in "aa" at the end
 * must insert at 2, not at 0. Surrogate pairs are never split, so no half of an emoji is inserted.
 */
export function textSplice(before: string, after: string, caret?: number): TextSplice | null {
  if (before === after) return null;
  const grew = after.length - before.length;
  // The longest common start, bounded by where the edit ended (the caret) when we know it.
  let start = 0;
  const maxStart = Math.min(
    before.length,
    after.length,
    caret === undefined ? Infinity : Math.max(0, caret - Math.max(0, grew)),
  );
  while (start < maxStart && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  const maxEnd = Math.min(before.length, after.length) - start;
  while (
    end < maxEnd &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  )
    end++;
  // Step back from the middle of a surrogate pair on either side.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return {
    index: start,
    remove: before.length - start - end,
    insert: after.slice(start, after.length - end),
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
