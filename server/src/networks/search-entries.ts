import type { BoardContent, FormatDefinition } from '@empiria/formats';
import { foldText, runsText, type SummaryBlock } from '@empiria/shared';
import type { EntryWhere, SearchEntry } from './archive-store';

/**
 * What the search index holds of a note and of a board (pure). A note is indexed a section at a
 * time (a heading and what follows it), so a hit says which section; a board a sticky note and a
 * cluster's name at a time, with the step and zone they lie in. Bounded, since a board can be
 * large: at most MAX_BOARD_ENTRIES entries of at most MAX_ENTRY_TEXT characters each.
 */

export const MAX_ENTRY_TEXT = 4000;
export const MAX_BOARD_ENTRIES = 3000;

const entry = (kind: SearchEntry['kind'], where: EntryWhere, text: string): SearchEntry => {
  const bounded = text.length > MAX_ENTRY_TEXT ? text.slice(0, MAX_ENTRY_TEXT) : text;
  return { kind, where, text: bounded, folded: foldText(bounded) };
};

function blockText(block: SummaryBlock): string {
  return 'items' in block
    ? block.items.map((item) => item.map(blockText).join(' ')).join(' · ')
    : runsText(block.runs);
}

/** One entry per section of an approved note; what precedes the first heading is its own. */
export function noteEntries(blocks: readonly SummaryBlock[]): SearchEntry[] {
  const entries: SearchEntry[] = [];
  let heading = '';
  let parts: string[] = [];
  const flush = () => {
    const text = parts.filter(Boolean).join(' · ').replace(/\s+/g, ' ').trim();
    if (text) entries.push(entry('section', { pl: heading, en: heading }, text));
    parts = [];
  };
  for (const block of blocks) {
    if (block.type === 'heading') {
      flush();
      heading = runsText(block.runs).trim();
      parts.push(heading);
    } else {
      parts.push(blockText(block));
    }
  }
  flush();
  return entries.slice(0, MAX_BOARD_ENTRIES);
}

/** "Step title · zone label" in each language, or empty for something outside every sheet. */
export function zoneWhere(
  format: FormatDefinition | undefined,
  zone: { stepId: string; zoneId: string } | null,
): EntryWhere {
  if (!format || !zone) return { pl: '', en: '' };
  const step = format.steps.find((s) => s.id === zone.stepId);
  if (!step) return { pl: '', en: '' };
  const label = step.zones.find((z) => z.id === zone.zoneId)?.label;
  return {
    pl: label ? `${step.title.pl} · ${label.pl}` : step.title.pl,
    en: label ? `${step.title.en} · ${label.en}` : step.title.en,
  };
}

/** One entry per sticky note and per named cluster of a board. */
export function boardEntries(content: BoardContent, format: FormatDefinition | undefined): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const cluster of content.clusters) {
    if (cluster.name) entries.push(entry('cluster', zoneWhere(format, cluster.zone), cluster.name));
  }
  for (const note of content.notes) entries.push(entry('note', zoneWhere(format, note.zone), note.text));
  return entries.slice(0, MAX_BOARD_ENTRIES);
}
