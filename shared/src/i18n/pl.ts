import type { Message } from './translate';

/**
 * Polish is the source language: every key is defined here first, and `en.ts` must define the
 * same keys (the type checker enforces it). Keys are grouped by the screen they belong to.
 */
export const pl = {
  'app.name': 'Empiria',
  'app.tagline': 'Tablica do warsztatów sieci wymiany doświadczeń',

  'language.label': 'Język',
  'language.pl': 'Polski',
  'language.en': 'English',

  'role.facilitator': 'Koordynator-facylitator',
  'role.expert': 'Ekspert-moderator',
  'role.organiser': 'Opiekun organizacyjny',
  'role.participant': 'Uczestnik / uczestniczka',
  'role.observer': 'Obserwator',

  'format.blank': 'Pusta tablica',
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof pl;
