import type { OwnAgendaItemKind } from '@empiria/shared';
import { t } from '../definitions/common';
import type { LocalizedText } from '../localized-text';
import type { Step } from '../step';

/**
 * The sheets of the facilitator's own agenda items (D16): what the room reads on the wall and the
 * console shows while the item runs. An item's own title, when the facilitator gave one, replaces
 * the kind's; its minutes are the agenda's.
 */
type OwnStepTemplate = Omit<Step, 'id' | 'minutes' | 'title'> & { title: LocalizedText };

const OWN_STEPS: Record<OwnAgendaItemKind, OwnStepTemplate> = {
  // Nothing to write during a break: no zones, only the clock. "Back at 11:15" is the client's.
  break: {
    title: t('Przerwa', 'Break'),
    goal: t('Odpoczynek, kawa i rozmowy w kuluarach.', 'Rest, coffee and conversations in the corridor.'),
    instruction: t('Przerwa. Wracamy punktualnie.', 'Break. We start again on time.'),
    facilitatorNotes: t(
      'Ogłoś godzinę powrotu i włącz zegar. Po przerwie zacznij od krótkiego przypomnienia, gdzie grupa skończyła.',
      'Announce the time to be back and start the timer. After the break, begin with a short reminder of where the group left off.',
    ),
    observers: 'open',
    tools: ['timer'],
    zones: [],
    summary: [],
  },
  'expert-input': {
    title: t('Wystąpienie eksperta', 'Expert input'),
    goal: t(
      'Wiedza ekspercka do pracy grupy: przykłady, dane, źródła.',
      'Expert knowledge for the group’s work: examples, data, sources.',
    ),
    instruction: t(
      'Słuchamy wystąpienia. Pytania i uwagi zapisuj na karteczkach w polu poniżej.',
      'We listen to the input. Write your questions and remarks on notes in the field below.',
    ),
    facilitatorNotes: t(
      'Zostaw kilka minut na pytania z karteczek. Pytania bez odpowiedzi trafią do notatki jako wnioski do dalszej pracy.',
      'Keep a few minutes for the questions on the notes. Questions left unanswered go to the meeting notes as conclusions to work on.',
    ),
    observers: 'open',
    tools: ['notes', 'timer'],
    zones: [
      { id: 'questions', kind: 'area', label: t('Pytania i uwagi sali', 'The room’s questions and notes') },
    ],
    summary: [{ section: 'conclusions', zones: ['questions'], as: 'list' }],
  },
  'funding-calls': {
    title: t('Przegląd naborów', 'Review of funding calls'),
    goal: t(
      'Wspólny przegląd naborów i programów, z których miasta mogą sfinansować swoje działania.',
      'A shared review of the calls and programmes the cities can fund their work from.',
    ),
    instruction: t(
      'Jaki nabór, dla kogo i do kiedy? Każdy nabór na osobnej karteczce w kolumnach poniżej.',
      'Which call, for whom and by when? Each call on its own note in the columns below.',
    ),
    facilitatorNotes: t(
      'Przejdźcie nabór po naborze; terminy i zainteresowane miasta trafią do notatki jako dalsze kroki.',
      'Go through the calls one by one; deadlines and the cities interested go to the meeting notes as next steps.',
    ),
    observers: 'open',
    tools: ['notes', 'timer'],
    zones: [
      {
        id: 'calls',
        kind: 'columns',
        label: t('Nabory', 'Funding calls'),
        columns: [
          { id: 'call', label: t('Nabór', 'Call') },
          { id: 'for-whom', label: t('Dla kogo', 'For whom') },
          { id: 'deadline', label: t('Termin', 'Deadline') },
        ],
      },
    ],
    summary: [{ section: 'next-steps', zones: ['calls'], as: 'list' }],
  },
  'free-discussion': {
    title: t('Wolna dyskusja', 'Free discussion'),
    goal: t(
      'Rozmowa o tym, co grupa chce poruszyć poza planem.',
      'A conversation about what the group wants to raise outside the plan.',
    ),
    instruction: t(
      'Rozmawiamy swobodnie. Ważne wątki i wnioski zapisuj na karteczkach w polu poniżej.',
      'We talk freely. Write the important threads and conclusions on notes in the field below.',
    ),
    facilitatorNotes: t(
      'Pilnuj czasu i zapisuj na tablicy wątki, do których grupa chce wrócić.',
      'Keep an eye on the time and put on the board the threads the group wants to come back to.',
    ),
    tools: ['notes', 'timer'],
    zones: [{ id: 'discussion', kind: 'area', label: t('Wątki i wnioski', 'Threads and conclusions') }],
    summary: [{ section: 'conclusions', zones: ['discussion'], as: 'list' }],
  },
  // The open actions and their status buttons are the console's (client/src/plan/PlanReviewPanel.tsx);
  // the sheet holds what the review brings up. Closed: the plan is the core members' document ([W4]).
  'plan-review': {
    title: t('Przegląd planu pracy', 'Work plan review'),
    goal: t(
      'Wspólny przegląd działań z planu pracy sieci: co zrobione, co w toku, co odkładamy.',
      'A shared review of the actions in the network’s work plan: what is done, under way, put aside.',
    ),
    instruction: t(
      'Przechodzimy działanie po działaniu. Przeszkody i nowe pomysły zapisuj na karteczkach w polu poniżej.',
      'We go through the actions one by one. Write obstacles and new ideas on notes in the field below.',
    ),
    facilitatorNotes: t(
      'Otwarte działania są w konsoli („Przegląd planu pracy”): zmieniaj ich status na bieżąco — zmiana zapisze się z tym spotkaniem.',
      'The open actions are in the console ("Work plan review"): change their status as you go — each change is recorded with this meeting.',
    ),
    observers: 'closed',
    tools: ['notes', 'timer'],
    zones: [{ id: 'review', kind: 'area', label: t('Przeszkody i pomysły', 'Obstacles and ideas') }],
    summary: [{ section: 'next-steps', zones: ['review'], as: 'list' }],
  },
};

/**
 * The own item kind a step of a meeting's board comes from, by its id (`agendaFormat` names an own
 * item's sheet after its kind: `plan-review`, `plan-review-2`…); null for a format's step.
 */
export function ownItemKindOf(stepId: string): OwnAgendaItemKind | null {
  const base = stepId.replace(/-\d+$/, '');
  for (const kind of Object.keys(OWN_STEPS) as OwnAgendaItemKind[]) {
    if (stepId === kind || base === kind) return kind;
  }
  return null;
}

/** The sheet of an own item: the kind's template, the item's title (if any) and minutes. */
export function ownItemStep(kind: OwnAgendaItemKind, id: string, title: string, minutes: number): Step {
  const template = OWN_STEPS[kind];
  const named = title.trim();
  return {
    ...template,
    id,
    title: named ? { pl: named, en: named } : template.title,
    minutes,
  };
}
