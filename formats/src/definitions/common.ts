import type { LocalizedText } from '../localized-text';
import type { Step } from '../step';
import type { ZonePart } from '../zone';

/** Polish first, English second: the order every text in the definitions is written in. */
export function t(pl: string, en: string): LocalizedText {
  return { pl, en };
}

export function part(id: string, label: LocalizedText, hint?: LocalizedText): ZonePart {
  return hint ? { id, label, hint } : { id, label };
}

/**
 * The last step of every format: the group reads the summary note drafted from the sheets,
 * amends it, then approves it or objects. The note itself lives in the summary document; the
 * sheet collects remarks, so that a room working on paper has the same place for them.
 */
export const approvalStep: Step = {
  id: 'approval',
  title: t('Podsumowanie i zatwierdzenie', 'Summary and approval'),
  goal: t(
    'Grupa ma notatkę ze spotkania, którą uznaje za swoją, i decyduje, komu ją udostępnić.',
    'The group has a summary note it recognises as its own, and decides whom to share it with.',
  ),
  instruction: t(
    'Przeczytaj szkic notatki. Przyklej tu poprawki i pytania. Potem zatwierdź notatkę albo zgłoś sprzeciw z uzasadnieniem.',
    'Read the draft summary note. Stick your corrections and questions here. Then approve the note or object, with your reason.',
  ),
  facilitatorNotes: t(
    'Szkic notatki powstaje z arkuszy tego spotkania; przed tym krokiem koordynator-facylitator i ekspert-moderator go porządkują, ' +
      'ale nie dopisują wniosków, których grupa nie wypracowała. Czytajcie szkic na ekranie sali sekcja po sekcji i od razu nanoście ' +
      'poprawki z karteczek. Potem każda osoba zatwierdza albo zgłasza sprzeciw; sprzeciw z uzasadnieniem trafia do zapisu zatwierdzenia. ' +
      'Na koniec zapytajcie o zgodę na udostępnienie notatki obserwatorom lub jej publikację.',
    'The draft is built from this meeting’s sheets; before this step the facilitator and the expert tidy it, but add no conclusion ' +
      'the group did not reach. Read the draft on the room display section by section and apply the corrections from the notes at once. ' +
      'Then each person approves or objects; an objection and its reason go into the approval record. ' +
      'Finally ask for consent to share the note with observers or to publish it.',
  ),
  minutes: 20,
  tools: ['notes', 'approval'],
  observers: 'open',
  zones: [
    {
      id: 'remarks',
      kind: 'area',
      label: t('Uwagi do notatki', 'Remarks on the note'),
      hint: t(
        'Jedna poprawka lub pytanie na karteczkę; napisz, której sekcji dotyczy.',
        'One correction or question per note; say which section it is about.',
      ),
    },
  ],
  summary: [],
};
