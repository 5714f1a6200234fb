import type { SurveyKind, SurveyQuestion } from './survey-api';

/**
 * The questions a new survey starts from (vademecum III.1): trust and expectations before the
 * first meeting, a short evaluation at the end of every meeting. The pair edits them while the
 * survey is a draft ([SV1]). Ids are stable: a question keeps its id across the network's surveys
 * of one kind, so its answers are followed over time.
 */
const scale = (id: string, pl: string, en: string): SurveyQuestion => ({
  id,
  type: 'scale',
  text: { pl, en },
});
const open = (id: string, pl: string, en: string): SurveyQuestion => ({ id, type: 'open', text: { pl, en } });

export const SURVEY_TEMPLATES: Record<SurveyKind, readonly SurveyQuestion[]> = {
  trust: [
    scale(
      'trust-share',
      'Mogę otwarcie mówić w tej sieci o problemach mojego miasta.',
      'I can speak openly in this network about my city’s problems.',
    ),
    scale(
      'trust-others',
      'Ufam, że przedstawiciele innych miast dzielą się rzetelnymi informacjami.',
      'I trust that the other cities’ representatives share reliable information.',
    ),
    scale(
      'trust-confidential',
      'Ufam, że to, co powiem na spotkaniu, nie wyjdzie poza sieć bez zgody grupy.',
      'I trust that what I say at a meeting will not leave the network without the group’s consent.',
    ),
    scale(
      'trust-mistakes',
      'Mogę przyznać się do nieudanych działań bez obawy o ocenę.',
      'I can admit to actions that failed without fear of being judged.',
    ),
    scale(
      'trust-pair',
      'Ufam moderatorowi i ekspertowi sieci.',
      'I trust the network’s facilitator and expert.',
    ),
    scale(
      'trust-cooperate',
      'Chcę współpracować z innymi miastami także między spotkaniami.',
      'I want to work with the other cities between meetings too.',
    ),
    open(
      'trust-needs',
      'Co pomogłoby Ci bardziej zaufać tej grupie?',
      'What would help you trust this group more?',
    ),
  ],
  expectations: [
    scale(
      'exp-solutions',
      'Oczekuję, że sieć pomoże mi znaleźć konkretne rozwiązania dla mojego miasta.',
      'I expect the network to help me find concrete solutions for my city.',
    ),
    scale(
      'exp-practices',
      'Oczekuję poznania dobrych praktyk innych miast.',
      'I expect to learn other cities’ good practices.',
    ),
    scale(
      'exp-experts',
      'Oczekuję wsparcia ekspertów zewnętrznych.',
      'I expect support from outside experts.',
    ),
    scale(
      'exp-time',
      'Mam czas, by aktywnie uczestniczyć w pracach sieci.',
      'I have the time to take an active part in the network’s work.',
    ),
    scale(
      'exp-support',
      'Moje miasto (przełożeni) wspiera mój udział w sieci.',
      'My city (my superiors) supports my part in the network.',
    ),
    open(
      'exp-topics',
      'Jakie tematy są dla Twojego miasta najważniejsze?',
      'Which topics matter most to your city?',
    ),
    open(
      'exp-success',
      'Po czym poznasz, że udział w sieci się opłacił?',
      'How will you know that taking part in the network paid off?',
    ),
  ],
  evaluation: [
    scale('eval-useful', 'Spotkanie było dla mnie przydatne.', 'The meeting was useful to me.'),
    scale(
      'eval-goals',
      'Osiągnęliśmy cele zapowiedziane w programie spotkania.',
      'We reached the goals announced in the meeting’s agenda.',
    ),
    scale('eval-voice', 'Miałem/miałam możliwość zabrania głosu.', 'I had the chance to speak.'),
    scale('eval-time', 'Czas spotkania został dobrze wykorzystany.', 'The meeting’s time was used well.'),
    scale(
      'eval-organisation',
      'Organizacja spotkania (miejsce, materiały, technika) była dobra.',
      'The meeting’s organisation (venue, materials, equipment) was good.',
    ),
    open('eval-best', 'Co było najbardziej wartościowe?', 'What was most valuable?'),
    open(
      'eval-change',
      'Co warto zmienić na następnym spotkaniu?',
      'What should change at the next meeting?',
    ),
  ],
};

/** A fresh copy of a template's questions (the caller owns and may change it). */
export function surveyTemplate(kind: SurveyKind): SurveyQuestion[] {
  return SURVEY_TEMPLATES[kind].map((question) => ({ ...question, text: { ...question.text } }));
}
