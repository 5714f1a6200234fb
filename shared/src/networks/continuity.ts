import { z } from 'zod';
import { summaryBlockSchema, type SummaryBlock } from '../summary/summary-tree';

/**
 * What a meeting's board brings from the network's earlier meetings (issue #11, item 4): the
 * contract the network agreed in Format 0, the topics it chose there, and "last time" — the
 * previous meeting's approved note with its next steps first. Read from approved notes only: what
 * the group did not approve does not travel. Pure: the server finds the notes, this reads them.
 */

/** One drafted unit of a note: its heading (with the `sectionId` drafting gave it) and what follows. */
export interface NoteUnit {
  sectionId: string | null;
  /** The note's section it sits in (`conclusions`, `decisions`, `next-steps`…), from the last `section.*` heading above it. */
  section: string | null;
  title: string;
  blocks: SummaryBlock[];
}

function plain(block: SummaryBlock): string {
  if (block.type === 'heading' || block.type === 'paragraph') return block.runs.map((r) => r.text).join('');
  return block.items.map((item) => item.map(plain).join(' ')).join(' ');
}

const SECTION_PREFIX = 'section.';

/**
 * The note cut at its headings: each unit a heading and the blocks up to the next heading.
 * Drafting names the note's sections `section.<name>` and a step's units `<stepId>.<n>`
 * (formats/src/summary/draft-summary.ts); a heading someone typed has no id.
 */
export function noteUnits(blocks: readonly SummaryBlock[]): NoteUnit[] {
  const units: NoteUnit[] = [];
  let section: string | null = null;
  let current: NoteUnit | null = null;
  for (const block of blocks) {
    if (block.type === 'heading') {
      if (block.sectionId?.startsWith(SECTION_PREFIX)) section = block.sectionId.slice(SECTION_PREFIX.length);
      current = { sectionId: block.sectionId, section, title: plain(block), blocks: [] };
      units.push(current);
      continue;
    }
    if (!current) {
      current = { sectionId: null, section, title: '', blocks: [] };
      units.push(current);
    }
    current.blocks.push(block);
  }
  return units;
}

/** The step a drafted unit comes from; null for a section's own heading or a typed one. */
export function unitStepId(sectionId: string | null): string | null {
  if (!sectionId || sectionId.startsWith(SECTION_PREFIX)) return null;
  const dot = sectionId.lastIndexOf('.');
  return dot > 0 ? sectionId.slice(0, dot) : null;
}

/** The units with content drafted from the given steps, optionally only those in one section. */
export function unitsOfSteps(
  blocks: readonly SummaryBlock[],
  stepIds: ReadonlySet<string>,
  section?: string,
): NoteUnit[] {
  return noteUnits(blocks).filter((unit) => {
    const stepId = unitStepId(unit.sectionId);
    if (stepId === null || !stepIds.has(stepId) || unit.blocks.length === 0) return false;
    return section === undefined || unit.section === section;
  });
}

/** Every unit with content in one of the note's sections (`next-steps`), typed ones included. */
export function unitsInSection(blocks: readonly SummaryBlock[], section: string): NoteUnit[] {
  return noteUnits(blocks).filter((unit) => unit.section === section && unit.blocks.length > 0);
}

/**
 * The plain lines of a unit: its paragraphs and its lists' leaves. A list item with a list under it
 * is a label (a cell's name, "Temat 1") whose items are the lines: a topic list, a contract's rules.
 */
export function unitLines(unit: NoteUnit): string[] {
  const lines: string[] = [];
  const walk = (block: SummaryBlock) => {
    if (block.type === 'paragraph') {
      const text = plain(block).trim();
      if (text) lines.push(text);
    } else if (block.type === 'bulletList' || block.type === 'orderedList') {
      for (const item of block.items) {
        const nested = item.some((child) => child.type === 'bulletList' || child.type === 'orderedList');
        if (nested) item.filter((child) => child.type !== 'paragraph').forEach(walk);
        else item.forEach(walk);
      }
    }
  };
  unit.blocks.forEach(walk);
  return lines;
}

/** How many earlier case cards continuity brings: the newest, enough to choose from. */
export const MAX_CONTINUITY_CASES = 40;

/** The fields of Format 3's case card (formats/src/definitions/format-3.ts, step `case-cards`). */
export const CASE_FIELD_IDS = [
  'city',
  'context',
  'problem',
  'solution',
  'results',
  'cost',
  'lessons',
] as const;
export type CaseFieldId = (typeof CASE_FIELD_IDS)[number];

export const caseFieldsSchema = z.object({
  city: z.string(),
  context: z.string(),
  problem: z.string(),
  solution: z.string(),
  results: z.string(),
  cost: z.string(),
  lessons: z.string(),
});
export type CaseFields = z.infer<typeof caseFieldsSchema>;

/** Each field's labels as drafting may have written them (every language): `Miasto`, `City`… */
export type CaseFieldLabels = Readonly<Record<CaseFieldId, readonly string[]>>;

const emptyCase = (): CaseFields => ({
  city: '',
  context: '',
  problem: '',
  solution: '',
  results: '',
  cost: '',
  lessons: '',
});

/**
 * The case cards in drafted units of a `cards` summary: drafting writes each filled card as a bold
 * paragraph ("Przypadek 2") and a list of `Label: answer` lines (formats/src/summary/draft-summary.ts).
 * A line is read into the field whose label it starts with (labels in any language: the note may
 * have been drafted in English); a line with no known label, or a card with no known field, is left
 * out — the note is the group's text and may have been edited.
 */
export function caseCardsOfUnits(units: readonly NoteUnit[], labels: CaseFieldLabels): CaseFields[] {
  const prefixes = CASE_FIELD_IDS.flatMap((id) =>
    labels[id].map((label) => ({ id, prefix: `${label.trim().toLocaleLowerCase('pl')}:` })),
  ).sort((a, b) => b.prefix.length - a.prefix.length);
  const cards: CaseFields[] = [];
  let current: CaseFields | null = null;
  const read = (line: string) => {
    const lower = line.toLocaleLowerCase('pl');
    const match = prefixes.find((p) => lower.startsWith(p.prefix));
    if (!match) return;
    current ??= emptyCase();
    const answer = line.slice(match.prefix.length).trim();
    current[match.id] = current[match.id] ? `${current[match.id]}; ${answer}` : answer;
  };
  const close = () => {
    if (current && CASE_FIELD_IDS.some((id) => current?.[id])) cards.push(current);
    current = null;
  };
  for (const unit of units) {
    for (const block of unit.blocks) {
      if (block.type === 'paragraph') {
        // A card's heading ("Przypadek 1") starts the next card; a typed `Label: answer` line is read.
        close();
        read(plain(block).trim());
      } else if (block.type === 'bulletList' || block.type === 'orderedList') {
        for (const item of block.items) read(item.map(plain).join(' ').trim());
      }
    }
    close();
  }
  return cards;
}

const noteUnitSchema = z.object({
  sectionId: z.string().nullable(),
  section: z.string().nullable(),
  title: z.string(),
  blocks: z.array(summaryBlockSchema),
});

const approvedNoteRefSchema = z.object({
  meetingId: z.string(),
  meetingTitle: z.string(),
  /** Warsaw wall-clock time, `YYYY-MM-DDTHH:mm`. */
  startsAt: z.string(),
  approvedAt: z.string(),
});

export const continuityResponseSchema = z.object({
  /** Null for a board that is no network's meeting: nothing to carry. */
  network: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The contract from the latest approved Format 0 note: its rules, and where they were agreed. */
  contract: approvedNoteRefSchema.extend({ rules: z.array(z.string()) }).nullable(),
  /** The topics the network chose (Format 0's "choose topics"), from the same note. */
  topics: z.array(z.string()),
  /** The previous meeting with an approved note: next steps first, then the whole note. */
  lastTime: approvedNoteRefSchema
    .extend({ nextSteps: z.array(noteUnitSchema), blocks: z.array(summaryBlockSchema) })
    .nullable(),
  /**
   * The case cards of Format 3's "case cards" step in the earlier meetings' approved notes, newest
   * meeting first (at most `MAX_CONTINUITY_CASES`): a new case card can start from one of them.
   */
  cases: z.array(approvedNoteRefSchema.extend({ fields: caseFieldsSchema })),
});
export type ContinuityResponse = z.infer<typeof continuityResponseSchema>;
