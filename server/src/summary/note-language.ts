import { SECTION_TITLES } from '@empiria/formats';
import { runsText, type Language, type SummaryBlock } from '@empiria/shared';

/**
 * The language a note is written in, read from its drafted section headings (each drafted in the
 * language of the person who drafted it, see `draftRequestSchema`): the exports' own words — the
 * record's labels, "Attendance", "Approval" — then speak the note's language, never a mix. A note
 * with no drafted heading of a known title keeps the board's language.
 */
export function noteLanguage(blocks: readonly SummaryBlock[], boardLanguage: Language): Language {
  const votes: Record<Language, number> = { pl: 0, en: 0 };
  const titles = Object.values(SECTION_TITLES);
  for (const block of blocks) {
    if (block.type !== 'heading' || !block.sectionId?.startsWith('section.')) continue;
    const text = runsText(block.runs).trim();
    for (const title of titles) {
      if (title.pl === text && title.en !== text) votes.pl++;
      if (title.en === text && title.pl !== text) votes.en++;
    }
  }
  if (votes.pl === votes.en) return boardLanguage;
  return votes.pl > votes.en ? 'pl' : 'en';
}
