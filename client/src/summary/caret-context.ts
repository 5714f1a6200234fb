import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/**
 * Where a caret belongs after the text around it moved: the place in the new document whose
 * surrounding text best matches the text that was around the caret before.
 *
 * A Yjs relative position follows its character for as long as that character lives. But
 * y-prosemirror writes a paragraph split (someone's Enter) as "delete the tail, insert it into a
 * new paragraph" — likewise a join, or a section re-drafted — so a caret in the moved text points
 * to a deleted character and resolves to where the text *was*: the person typing at the end of
 * their sentence goes on typing at the end of the other half, their sentence split by someone
 * else's new paragraph. The text itself did not change, so it finds the caret again.
 */

/** Text of a textblock with one character per position (an inline leaf, e.g. a line break, is U+FFFC). */
const blockText = (node: ProseMirrorNode) => node.textBetween(0, node.content.size, undefined, '\uFFFC');

/** How much context on each side is compared: a sentence's worth, enough to be unique. */
const CONTEXT = 48;

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * The position in `newDoc` that has the same text around it as `oldPos` had in `oldDoc`, or null
 * when nothing matches well enough (the text was deleted, not moved). Of equal matches, the one
 * nearest `near` (where Yjs resolved the caret) wins.
 */
export function placeCaretByContext(
  oldDoc: ProseMirrorNode,
  oldPos: number,
  newDoc: ProseMirrorNode,
  near: number | null,
): number | null {
  const $old = oldDoc.resolve(Math.max(0, Math.min(oldPos, oldDoc.content.size)));
  if (!$old.parent.isTextblock) return null;
  const text = blockText($old.parent);
  const before = text.slice(Math.max(0, $old.parentOffset - CONTEXT), $old.parentOffset);
  const after = text.slice($old.parentOffset, $old.parentOffset + CONTEXT);
  if (before.length + after.length === 0) return null;

  let best: { pos: number; score: number } | null = null;
  newDoc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const candidate = blockText(node);
    for (let i = 0; i <= candidate.length; i++) {
      const score =
        commonSuffix(candidate.slice(Math.max(0, i - CONTEXT), i), before) +
        commonPrefix(candidate.slice(i, i + CONTEXT), after);
      const at = pos + 1 + i;
      const closer = best !== null && near !== null && Math.abs(at - near) < Math.abs(best.pos - near);
      if (best === null || score > best.score || (score === best.score && closer)) best = { pos: at, score };
    }
    return false;
  });
  // A few characters of the old surroundings must be found (all of them in a tiny paragraph):
  // only the moved part of the sentence is still around the caret, the rest stayed behind.
  const found = best as { pos: number; score: number } | null;
  const needed = Math.min(before.length + after.length, 4);
  return found !== null && found.score >= needed ? found.pos : null;
}
