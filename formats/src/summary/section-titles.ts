import type { LocalizedText } from '../localized-text';
import type { SummarySection } from '../step';

/** The note's section headings, in the order the note shows them (formats.md, "The summary note"). */
export const SECTION_ORDER: readonly SummarySection[] = [
  'meeting',
  'facilitation',
  'attendance',
  'conclusions',
  'decisions',
  'next-steps',
];

export const SECTION_TITLES: Record<SummarySection, LocalizedText> = {
  meeting: { pl: 'Spotkanie', en: 'The meeting' },
  facilitation: { pl: 'Prowadzenie', en: 'Facilitation' },
  attendance: { pl: 'Uczestnicy i uczestniczki', en: 'Participants' },
  conclusions: { pl: 'Wnioski', en: 'Conclusions' },
  decisions: { pl: 'Decyzje', en: 'Decisions' },
  'next-steps': { pl: 'Następne kroki', en: 'Next steps' },
};

export const DRAFT_WORDS = {
  votes: { pl: ['głos', 'głosy', 'głosów'], en: ['vote', 'votes', 'votes'] },
  other: { pl: 'Pozostałe', en: 'Other' },
  unnamedCluster: { pl: 'Grupa bez nazwy', en: 'Unnamed cluster' },
} as const;
