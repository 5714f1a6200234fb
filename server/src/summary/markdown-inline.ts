import type { Mark, TextRun } from '@empiria/shared';

/**
 * Marked text runs as CommonMark inline text that every viewer reads as it was written.
 *
 * Writing `**` around each run is not enough: CommonMark only takes a delimiter as emphasis when
 * it "flanks" text — an opening `**` followed by a space, or a closing one after a space
 * (`**Duży wpływ: **Rowerowy`), is shown as literal asterisks. So:
 * - whitespace at the edges of a marked run is moved outside its delimiters, and a run of only
 *   whitespace loses its marks (bold spaces look like spaces);
 * - marks span runs (bold over two runs, one of them also italic, is one `**…**`), nested like
 *   HTML, so delimiters never collide;
 * - a delimiter that still would not flank (bold ending in punctuation right before a letter,
 *   `**Uwaga:**tekst`; italics inside a word) is written as the inline HTML tag CommonMark
 *   allows instead.
 */

const DELIMITER: Record<Mark, string> = { bold: '**', italic: '*', strike: '~~' };
const HTML_TAG: Record<Mark, string> = { bold: 'strong', italic: 'em', strike: 'del' };

/** Characters CommonMark would read as syntax inside a line, and `&` (entities). */
const escapeText = (text: string) => text.replace(/([\\`*_[\]#<>|~&])/g, '\\$1');

const isWhitespace = (ch: string | undefined) => ch === undefined || /\s/u.test(ch);
const isPunctuation = (ch: string | undefined) => ch !== undefined && /[\p{P}\p{S}]/u.test(ch);

type Piece = { kind: 'text'; text: string } | { kind: 'open' | 'close'; mark: Mark; span: number };

/** Adjacent runs with the same marks as one; whitespace-only runs unmarked; empty runs gone. */
function normalise(runs: readonly TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const r of runs) {
    if (r.text === '') continue;
    const marks = /^\s+$/u.test(r.text) ? [] : [...new Set(r.marks)].sort();
    const last = out.at(-1);
    if (last && last.marks.join() === marks.join()) last.text += r.text;
    else out.push({ text: r.text, marks });
  }
  return out;
}

/** How many runs from `from` on keep `mark`: the longest-lasting mark opens first (outermost). */
function reach(runs: readonly TextRun[], from: number, mark: Mark): number {
  let i = from;
  while (i < runs.length && runs[i]!.marks.includes(mark)) i++;
  return i - from;
}

/**
 * Open and close pieces around text, properly nested; whitespace at a run's edge goes outside
 * the delimiters around it.
 */
function pieces(runs: readonly TextRun[]): Piece[] {
  const out: Piece[] = [];
  const open: { mark: Mark; span: number }[] = [];
  let nextSpan = 0;
  runs.forEach((r, i) => {
    // Close down to the first mark this run no longer has (those above it reopen below).
    const keep = open.findIndex((o) => !r.marks.includes(o.mark));
    // trimStart/trimEnd, not /\s*$/: that regex takes time quadratic in a run of spaces, and a
    // note's text is anyone's to write.
    const lead = r.text.slice(0, r.text.length - r.text.trimStart().length);
    const trail = r.text.length > lead.length ? r.text.slice(r.text.trimEnd().length) : '';
    const core = r.text.slice(lead.length, r.text.length - trail.length);
    if (keep >= 0) {
      for (const o of open.splice(keep).reverse()) out.push({ kind: 'close', mark: o.mark, span: o.span });
    }
    // Leading whitespace goes after the delimiters this run closes and before those it opens.
    if (lead) out.push({ kind: 'text', text: lead });
    const opening = r.marks
      .filter((m) => !open.some((o) => o.mark === m))
      .sort((a, b) => reach(runs, i, b) - reach(runs, i, a));
    for (const mark of opening) {
      const span = nextSpan++;
      open.push({ mark, span });
      out.push({ kind: 'open', mark, span });
    }
    if (core) out.push({ kind: 'text', text: core });
    // Trailing whitespace: after this run's closing delimiters if the next run drops marks.
    if (trail) {
      const next = runs[i + 1];
      const closing = open.findIndex((o) => !next?.marks.includes(o.mark));
      if (closing >= 0) {
        for (const o of open.splice(closing).reverse())
          out.push({ kind: 'close', mark: o.mark, span: o.span });
      }
      out.push({ kind: 'text', text: trail });
    }
  });
  for (const o of open.reverse()) out.push({ kind: 'close', mark: o.mark, span: o.span });
  return out;
}

function render(list: readonly Piece[], html: ReadonlySet<number>): string[] {
  return list.map((p) => {
    if (p.kind === 'text') return escapeText(p.text).replace(/\n/g, '  \n');
    if (html.has(p.span)) return p.kind === 'open' ? `<${HTML_TAG[p.mark]}>` : `</${HTML_TAG[p.mark]}>`;
    return DELIMITER[p.mark];
  });
}

/**
 * Whether CommonMark takes the delimiter at `index` as the opener or closer it is: it must flank
 * the text, and not touch another delimiter of the same character (`**` + `*` would be read as
 * one run `***`).
 */
function flanks(list: readonly Piece[], parts: readonly string[], html: ReadonlySet<number>, index: number) {
  const piece = list[index]!;
  if (piece.kind === 'text') return true;
  const char = parts[index]![0];
  const touches = (i: number) => {
    const other = list[i];
    return other !== undefined && other.kind !== 'text' && !html.has(other.span) && parts[i]![0] === char;
  };
  if (touches(index - 1) || touches(index + 1)) return false;
  let before: string | undefined;
  for (let i = index - 1; i >= 0 && before === undefined; i--) before = parts[i]!.at(-1);
  let after: string | undefined;
  for (let i = index + 1; i < parts.length && after === undefined; i++) after = parts[i]!.at(0);
  if (piece.kind === 'open') {
    // Left-flanking: not followed by whitespace; if followed by punctuation, preceded by
    // whitespace or punctuation.
    return !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
  }
  return !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
}

export function markdownInline(runs: readonly TextRun[]): string {
  const list = pieces(normalise(runs));
  const html = new Set<number>();
  // A span switched to HTML changes its neighbours' surroundings (a tag reads as punctuation),
  // so check again until nothing changes; each round switches at least one span, or stops.
  for (;;) {
    const parts = render(list, html);
    const failing = list.findIndex(
      (p, i) => p.kind !== 'text' && !html.has(p.span) && !flanks(list, parts, html, i),
    );
    if (failing < 0) return parts.join('');
    const piece = list[failing]!;
    if (piece.kind !== 'text') html.add(piece.span);
  }
}
