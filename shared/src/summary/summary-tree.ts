import { z } from 'zod';
import * as Y from 'yjs';

/**
 * The summary note's text as plain data: what the facilitator edits in TipTap (ProseMirror, kept in
 * a Y.XmlFragment through y-prosemirror) read into a small tree that the server exports to
 * Markdown and Word and hashes for approval, and that drafting writes back. Node and mark names
 * are TipTap's (StarterKit), so the editor reads what the server writes.
 */
export const MARKS = ['bold', 'italic', 'strike'] as const;
export const markSchema = z.enum(MARKS);
export type Mark = z.infer<typeof markSchema>;

export const textRunSchema = z.object({
  text: z.string(),
  marks: z.array(markSchema).default([]),
});
export type TextRun = z.infer<typeof textRunSchema>;

export type SummaryBlock =
  | { type: 'heading'; level: 1 | 2 | 3; sectionId: string | null; runs: TextRun[] }
  | { type: 'paragraph'; runs: TextRun[] }
  | { type: 'bulletList' | 'orderedList'; items: SummaryBlock[][] };

export const summaryBlockSchema: z.ZodType<SummaryBlock> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({
      type: z.literal('heading'),
      level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      sectionId: z.string().nullable(),
      runs: z.array(textRunSchema),
    }),
    z.object({ type: z.literal('paragraph'), runs: z.array(textRunSchema) }),
    z.object({
      type: z.enum(['bulletList', 'orderedList']),
      items: z.array(z.array(summaryBlockSchema)),
    }),
  ]),
) as z.ZodType<SummaryBlock>;

/** Plain text → one run. */
export const run = (text: string, ...marks: Mark[]): TextRun => ({ text, marks });

function readRuns(text: Y.XmlText): TextRun[] {
  const runs: TextRun[] = [];
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string') continue;
    const marks = MARKS.filter((mark) => op.attributes?.[mark] !== undefined && op.attributes[mark] !== null);
    runs.push({ text: op.insert, marks });
  }
  return runs;
}

function readInline(element: Y.XmlElement): TextRun[] {
  const runs: TextRun[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) runs.push(...readRuns(child));
    else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') runs.push(run('\n'));
  }
  return runs;
}

function readBlock(element: Y.XmlElement): SummaryBlock[] {
  switch (element.nodeName) {
    case 'heading': {
      const level = Number(element.getAttribute('level') ?? 2);
      const sectionId = element.getAttribute('sectionId');
      return [
        {
          type: 'heading',
          level: (level === 1 || level === 3 ? level : 2) as 1 | 2 | 3,
          sectionId: typeof sectionId === 'string' && sectionId ? sectionId : null,
          runs: readInline(element),
        },
      ];
    }
    case 'paragraph':
      return [{ type: 'paragraph', runs: readInline(element) }];
    case 'bulletList':
    case 'orderedList':
      return [
        {
          type: element.nodeName,
          items: element
            .toArray()
            .filter(
              (child): child is Y.XmlElement =>
                child instanceof Y.XmlElement && child.nodeName === 'listItem',
            )
            .map((item) => readBlocks(item)),
        },
      ];
    case 'blockquote':
      return readBlocks(element);
    default:
      // Unknown nodes (a future editor feature) keep their text rather than vanish from exports.
      return [{ type: 'paragraph', runs: readInline(element) }];
  }
}

function readBlocks(parent: Y.XmlFragment | Y.XmlElement): SummaryBlock[] {
  return parent
    .toArray()
    .flatMap((child) =>
      child instanceof Y.XmlElement
        ? readBlock(child)
        : child instanceof Y.XmlText
          ? [{ type: 'paragraph' as const, runs: readRuns(child) }]
          : [],
    );
}

/** The note's text, read from its Y.XmlFragment. */
export function readSummaryBlocks(fragment: Y.XmlFragment): SummaryBlock[] {
  return readBlocks(fragment);
}

function writeRuns(element: Y.XmlElement, runs: readonly TextRun[]): void {
  const text = new Y.XmlText();
  element.insert(0, [text]);
  let at = 0;
  for (const r of runs) {
    const attributes = Object.fromEntries(r.marks.map((mark) => [mark, {}]));
    text.insert(at, r.text, attributes);
    at += r.text.length;
  }
}

function toElement(block: SummaryBlock): Y.XmlElement {
  switch (block.type) {
    case 'heading': {
      const element = new Y.XmlElement('heading');
      element.setAttribute('level', block.level as unknown as string);
      if (block.sectionId) element.setAttribute('sectionId', block.sectionId);
      writeRuns(element, block.runs);
      return element;
    }
    case 'paragraph': {
      const element = new Y.XmlElement('paragraph');
      writeRuns(element, block.runs);
      return element;
    }
    default: {
      const list = new Y.XmlElement(block.type);
      list.insert(
        0,
        block.items.map((blocks) => {
          const item = new Y.XmlElement('listItem');
          item.insert(0, blocks.map(toElement));
          return item;
        }),
      );
      return list;
    }
  }
}

/** Inserts blocks at a top-level position of the fragment (inside the caller's transaction). */
export function insertSummaryBlocks(
  fragment: Y.XmlFragment,
  index: number,
  blocks: readonly SummaryBlock[],
): void {
  fragment.insert(index, blocks.map(toElement));
}

/** The text of runs, marks dropped (for hashing and plain comparisons). */
export function runsText(runs: readonly TextRun[]): string {
  return runs.map((r) => r.text).join('');
}

/**
 * The canonical form of blocks for hashing: adjacent runs with the same marks merged, empty runs
 * and trailing empty paragraphs dropped, so that an edit that changes nothing visible does not
 * change the hash.
 */
export function normalizeBlocks(blocks: readonly SummaryBlock[]): SummaryBlock[] {
  const runsOf = (runs: readonly TextRun[]) => {
    const merged: TextRun[] = [];
    for (const r of runs) {
      if (r.text === '') continue;
      const marks = [...r.marks].sort();
      const last = merged[merged.length - 1];
      if (last && last.marks.join() === marks.join()) last.text += r.text;
      else merged.push({ text: r.text, marks });
    }
    return merged;
  };
  const out = blocks.map((block): SummaryBlock => {
    if (block.type === 'heading') return { ...block, runs: runsOf(block.runs) };
    if (block.type === 'paragraph') return { type: 'paragraph', runs: runsOf(block.runs) };
    return { type: block.type, items: block.items.map(normalizeBlocks) };
  });
  while (out.length > 0) {
    const last = out[out.length - 1] as SummaryBlock;
    if (last.type === 'paragraph' && last.runs.length === 0) out.pop();
    else break;
  }
  return out;
}
