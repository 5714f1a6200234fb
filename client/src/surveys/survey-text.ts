import type { SurveyQuestion } from '@empiria/shared';

/** A question in the reader's language; English falls back to Polish when the pair left it empty. */
export function questionText(text: SurveyQuestion['text'], language: string): string {
  return language === 'en' && text.en.trim() !== '' ? text.en : text.pl;
}
