import { formatDefinitionSchema, type FormatDefinition } from '../format-definition';
import { approvalStep, part, t } from './common';

/**
 * Format 1 — planning. Refinements of docs formats.md:
 * - "What we have done" is two columns (worked / did not), not a row per city: with 10–20 cities
 *   a row each would be too thin for a note; the city travels on the note (its author's city).
 * - The timeline runs top to bottom, phases as rows and lanes as columns, because the sheet is a
 *   portrait flipchart; left to right it would fit one note per phase.
 */
export const format1: FormatDefinition = formatDefinitionSchema.parse({
  id: 'format-1',
  version: 1,
  name: t('Format 1 – planowanie', 'Format 1 – planning'),
  goal: t(
    'Uporządkowanie sposobu pracy: zebranie doświadczeń uczestników i uczestniczek w wybranym obszarze i opracowanie schematu działania.',
    'Ordering a way of working: gathering the participants’ experience in a chosen area and working out a scheme of action.',
  ),
  result: t(
    'Schemat działania zbudowany na doświadczeniu miast: kroki w kolejności, kluczowe zagrożenia z rozwiązaniami, założenia i zasoby.',
    'A scheme of action built on the cities’ experience: steps in sequence, the key threats with their solutions, assumptions and resources.',
  ),
  whenToUse: t(
    'Gdy miasta mają do wykonania podobne zadanie i chcą uporządkować sposób jego realizacji, np. jak przeprowadzić konsultacje albo wdrożyć nową usługę.',
    'When the cities face a similar task and want to order the way they carry it out, e.g. how to run a consultation or launch a new service.',
  ),
  steps: [
    {
      id: 'planning-goal',
      title: t('Co planujemy', 'What are we planning'),
      goal: t(
        'Jasny cel, stan docelowy i zakres planowanego działania.',
        'A clear goal, end state and scope of the action being planned.',
      ),
      instruction: t(
        'Dopisz karteczki: jaki jest cel, po czym poznamy sukces, co jest w zakresie, a co poza nim.',
        'Add notes: what the goal is, how we will know we succeeded, what is in scope and what is not.',
      ),
      facilitatorNotes: t(
        'Zacznijcie od propozycji eksperta-moderatora, którą grupa poprawia i uzupełnia. Cel sformułujcie jednym zdaniem. ' +
          'Przy zakresie zapiszcie też, czego działanie nie obejmuje — to oszczędza sporów w kolejnych krokach.',
        'Start from the expert’s proposal, which the group corrects and completes. Put the goal in one sentence. ' +
          'For the scope, also write what the action does not cover — it saves arguments in the later steps.',
      ),
      minutes: 20,
      observers: 'open',
      tools: ['notes'],
      zones: [
        {
          id: 'frame',
          kind: 'rows',
          label: t('Ramy działania', 'The frame of the action'),
          rows: [
            part('goal', t('Cel', 'Goal')),
            part(
              'end-state',
              t('Stan docelowy', 'End state'),
              t('Po czym poznamy sukces?', 'How will we know we succeeded?'),
            ),
            part('scope', t('Zakres', 'Scope'), t('Co tak, a co nie?', 'What is in, what is out?')),
          ],
        },
      ],
      summary: [
        { section: 'conclusions', zones: ['frame'], as: 'list', heading: t('Cel działania', 'The goal') },
      ],
    },
    {
      id: 'experience',
      title: t('Co już mamy za sobą', 'What we have done'),
      goal: t(
        'Zebrane doświadczenia miast: co zadziałało, a co nie i dlaczego.',
        'The cities’ experience harvested: what worked, what did not, and why.',
      ),
      instruction: t(
        'Napisz w ciszy, co w Twoim mieście zadziałało, a co nie. Jedna sprawa na karteczkę, z nazwą miasta.',
        'Write in silence what worked in your city and what did not. One thing per note, with your city’s name.',
      ),
      facilitatorNotes: t(
        'Pisanie indywidualne na minutniku (7–10 minut), potem odsłonięcie i runda: każde miasto opowiada przez 2 minuty. ' +
          'Ekspert-moderator dopytuje o przyczyny i warunki: dlaczego zadziałało, co by było potrzebne, żeby zadziałało gdzie indziej.',
        'Private writing on the timer (7–10 minutes), then the reveal and a round: each city talks for 2 minutes. ' +
          'The expert asks about causes and conditions: why it worked, what it would take to work elsewhere.',
      ),
      minutes: 40,
      tools: ['private-writing', 'timer'],
      zones: [
        {
          id: 'outcomes',
          kind: 'columns',
          label: t('Doświadczenia miast', 'The cities’ experience'),
          columns: [
            part('worked', t('Co zadziałało', 'What worked')),
            part('did-not-work', t('Co nie zadziałało', 'What did not work')),
          ],
        },
      ],
      summary: [
        {
          section: 'conclusions',
          zones: ['outcomes'],
          as: 'list',
          heading: t('Doświadczenia miast', 'The cities’ experience'),
        },
      ],
    },
    {
      id: 'sequence',
      title: t('Kroki i ich kolejność', 'Steps and sequence'),
      goal: t(
        'Schemat działania: kroki w kolejności i to, kto je wykonuje.',
        'The scheme of action: the steps in order and who carries them out.',
      ),
      instruction: t(
        'Ułóżcie kroki działania od góry do dołu, w kolejności. Jeden krok na karteczkę, w kolumnie tego, kto go wykonuje.',
        'Lay out the steps from top to bottom, in order. One step per note, in the column of whoever carries it out.',
      ),
      facilitatorNotes: t(
        'Zacznijcie od doświadczeń z poprzedniego arkusza: co zadziałało, staje się krokiem. Najpierw ułóżcie kroki w czasie, ' +
          'potem rozdzielcie je między wykonawców. Łącznikami pokażcie, co od czego zależy. ' +
          'Sprawdźcie, czy nie brakuje kroku na początku (przygotowanie) i na końcu (ocena).',
        'Start from the experience on the previous sheet: what worked becomes a step. First order the steps in time, ' +
          'then share them out between those who carry them out. Use connectors to show what depends on what. ' +
          'Check that no step is missing at the start (preparation) or the end (review).',
      ),
      minutes: 45,
      tools: ['notes', 'connectors'],
      zones: [
        {
          id: 'scheme',
          kind: 'timeline',
          label: t('Schemat działania', 'Scheme of action'),
          phases: [
            part('prepare', t('Przygotowanie', 'Preparation')),
            part('launch', t('Uruchomienie', 'Launch')),
            part('deliver', t('Realizacja', 'Delivery')),
            part('review', t('Ocena i utrwalenie', 'Review and follow-up')),
          ],
          lanes: [
            part('city-hall', t('Urząd miasta', 'City hall')),
            part('partners', t('Partnerzy lokalni', 'Local partners')),
            part('residents', t('Mieszkańcy i mieszkanki', 'Residents')),
          ],
        },
      ],
      summary: [
        {
          section: 'conclusions',
          zones: ['scheme'],
          as: 'table',
          heading: t('Schemat kroków', 'The scheme of steps'),
        },
      ],
    },
    {
      id: 'threats',
      title: t('Zagrożenia i rozwiązania', 'Threats and solutions'),
      goal: t(
        'Kluczowe zagrożenia dla kroków planu, każde z rozwiązaniem.',
        'The key threats to the plan’s steps, each with its solution.',
      ),
      instruction: t(
        'Po lewej zapisz zagrożenie i krok, którego dotyczy. Po prawej, w tym samym wierszu, rozwiązanie.',
        'On the left write a threat and the step it concerns. On the right, in the same row, its solution.',
      ),
      facilitatorNotes: t(
        'Najpierw zbierzcie zagrożenia (5 minut), potem wybierzcie najważniejsze i dla nich szukajcie rozwiązań — ' +
          'najlepiej takich, które któreś miasto już sprawdziło. Łącznikiem możecie połączyć zagrożenie z krokiem na poprzednim arkuszu.',
        'First collect the threats (5 minutes), then pick the most important and look for their solutions — ' +
          'best those some city has already tried. A connector can link a threat to its step on the previous sheet.',
      ),
      minutes: 40,
      tools: ['notes', 'connectors'],
      zones: [
        {
          id: 'threat-pairs',
          kind: 'pairs',
          label: t('Zagrożenia i rozwiązania', 'Threats and solutions'),
          count: 5,
          left: part('threat', t('Zagrożenie (który krok?)', 'Threat (which step?)')),
          right: part('solution', t('Rozwiązanie', 'Solution')),
        },
      ],
      summary: [{ section: 'conclusions', zones: ['threat-pairs'], as: 'pairs' }],
    },
    {
      id: 'resources',
      title: t('Założenia i zasoby', 'Assumptions and resources'),
      goal: t(
        'Wiadomo, na czym plan się opiera i czego potrzebuje.',
        'We know what the plan rests on and what it needs.',
      ),
      instruction: t(
        'Dopisz, co zakładamy i czego potrzeba: ludzi, pieniędzy, partnerów lokalnych. Jedna rzecz na karteczkę.',
        'Add what we assume and what it takes: people, money, local partners. One thing per note.',
      ),
      facilitatorNotes: t(
        'Założenia to warunki, które muszą być spełnione, żeby plan zadziałał (np. decyzja prezydenta lub burmistrza, dostęp do danych). ' +
          'Przy zasobach pytajcie o skalę: ile osób, jaki budżet i z jakiego źródła. ' +
          'Przy partnerach lokalnych: z kim miasta już współpracują, kogo brakuje.',
        'Assumptions are the conditions the plan needs to work (e.g. a decision of the mayor, access to data). ' +
          'For resources ask about scale: how many people, what budget, from which source. ' +
          'For local partners: whom the cities already work with, who is missing.',
      ),
      minutes: 30,
      tools: ['notes'],
      zones: [
        {
          id: 'inputs',
          kind: 'columns',
          perRow: 2,
          label: t('Założenia i zasoby', 'Assumptions and resources'),
          columns: [
            part('assumptions', t('Założenia', 'Assumptions')),
            part('people', t('Ludzie', 'People')),
            part('money', t('Pieniądze', 'Money')),
            part('partners', t('Partnerzy lokalni', 'Local partners')),
          ],
        },
      ],
      summary: [{ section: 'conclusions', zones: ['inputs'], as: 'list' }],
    },
    {
      id: 'agree',
      title: t('Sprawdzenie i uzgodnienie', 'Check and agree'),
      goal: t('Grupa uzgadnia schemat działania.', 'The group agrees on the scheme of action.'),
      instruction: t(
        'Przejrzyj schemat. Sprzeciw albo poprawkę zapisz na karteczce. Potem decydujemy razem.',
        'Review the scheme. Write an objection or an amendment on a note. Then we decide together.',
      ),
      facilitatorNotes: t(
        'Przejdźcie przez schemat krok po kroku na ekranie sali. Każdą poprawkę rozstrzygnijcie: przyjęta albo odrzucona. ' +
          'Na koniec zapytajcie o zgodę na cały schemat (czy jest sprzeciw?); gdy są warianty do wyboru, ' +
          'użyjcie głosowania kropkowego. Uzgodniony schemat trafia do decyzji w notatce.',
        'Walk through the scheme step by step on the room display. Settle each amendment: accepted or rejected. ' +
          'Finally ask for consent to the whole scheme (any objection?); when there are variants to choose from, ' +
          'use dot voting. The agreed scheme goes into the note’s decisions.',
      ),
      minutes: 30,
      tools: ['notes', 'consent', 'dot-voting'],
      votesPerPerson: 3,
      zones: [
        {
          id: 'scheme-summary',
          kind: 'area',
          label: t('Schemat do uzgodnienia', 'The scheme to agree on'),
          hint: t(
            'Kluczowe kroki w skrócie, z poprzednich arkuszy.',
            'The key steps in short, from the previous sheets.',
          ),
        },
        {
          id: 'feedback',
          kind: 'columns',
          weight: 1.5,
          label: t('Uwagi', 'Feedback'),
          columns: [
            part('objections', t('Sprzeciwy', 'Objections')),
            part('amendments', t('Poprawki', 'Amendments')),
          ],
        },
      ],
      summary: [
        {
          section: 'decisions',
          zones: ['scheme-summary', 'feedback'],
          as: 'list',
          heading: t('Uzgodniony schemat działania', 'The agreed scheme of action'),
        },
      ],
    },
    approvalStep,
  ],
});
