import { formatDefinitionSchema, type FormatDefinition } from '../format-definition';
import { approvalStep, part, t } from './common';

/**
 * Format 0 — the network's first meeting. Steps as in docs formats.md, with one refinement: the
 * quick polls of step 3 (trust 1–5, preferred way of working) get their own sheet after the
 * private writing. They stand in for the vademecum's trust and expectations surveys, whose
 * results are presented to the group: a sheet of their own leaves room for the dots and for what
 * the group concludes from them, and keeps each sheet to one task on the projector.
 */
export const format0: FormatDefinition = formatDefinitionSchema.parse({
  id: 'format-0',
  version: 1,
  name: t('Format 0 – spotkanie wprowadzające (kick-off)', 'Format 0 – kick-off meeting'),
  goal: t(
    'Poznanie się i integracja grupy, wspólne rozumienie tematyki sieci, wstępny wybór 2–3 tematów.',
    'Getting to know each other and integrating the group, a shared understanding of the network’s topic, a first choice of 2–3 topics.',
  ),
  result: t(
    'Uczestnicy i uczestniczki oraz duet prowadzących znają się; grupa ma kontrakt; wskazane są 2–3 tematy i pomysł na format dalszej pracy.',
    'The participants and the facilitator–expert pair know each other; the group has a contract; 2–3 topics are chosen, with an idea of the format to work in next.',
  ),
  whenToUse: t(
    'Na pierwszym spotkaniu sieci, zaraz na początku jej działania.',
    'At the network’s first meeting, right at the start of its work.',
  ),
  steps: [
    {
      id: 'welcome',
      title: t('Powitanie i agenda', 'Welcome and agenda'),
      goal: t(
        'Cała grupa wie, po co się spotykamy, jak przebiegnie spotkanie i kto je prowadzi.',
        'Everyone knows why we meet, how the meeting will run and who leads it.',
      ),
      instruction: t(
        'Przeczytaj agendę. Jeśli coś jest niejasne albo czegoś brakuje, zapytaj teraz.',
        'Read the agenda. If something is unclear or missing, ask now.',
      ),
      facilitatorNotes: t(
        'Przedstawcie się jako duet: kto prowadzi proces (koordynator-facylitator), a kto odpowiada za treść (ekspert-moderator). ' +
          'Powiedzcie, po co jest sieć i co ma z niej wyniknąć. Agendę z godzinami i przerwami wpiszcie przed spotkaniem; ' +
          'zmiany nanoście na bieżąco — do notatki trafi agenda zrealizowana. Pokażcie, jak dodać karteczkę na tablicy.',
        'Introduce yourselves as a pair: who runs the process (the facilitator) and who owns the content (the expert-moderator). ' +
          'Say what the network is for and what should come of it. Write the agenda with times and breaks before the meeting; ' +
          'update it as you go — the agenda as run goes into the summary note. Show how to add a sticky note on the board.',
      ),
      minutes: 15,
      observers: 'open',
      tools: [],
      zones: [
        {
          id: 'agenda',
          kind: 'area',
          weight: 3,
          label: t('Agenda spotkania', 'Agenda'),
          hint: t('Punkty programu z godzinami i przerwami.', 'Items with times and breaks.'),
        },
        {
          id: 'duo',
          kind: 'columns',
          weight: 1.3,
          label: t('Prowadzą', 'Led by'),
          columns: [
            part('facilitator', t('Koordynator-facylitator', 'Facilitator')),
            part('expert', t('Ekspert-moderator', 'Expert-moderator')),
          ],
        },
      ],
      summary: [
        {
          section: 'meeting',
          zones: ['agenda'],
          as: 'list',
          heading: t('Agenda zrealizowana', 'Agenda as run'),
        },
        { section: 'facilitation', zones: ['duo'], as: 'list' },
      ],
    },
    {
      id: 'who-we-are',
      title: t('Kim jesteśmy', 'Who we are'),
      goal: t(
        'Wiemy, kto jest w sieci, z jakiego miasta i z jakim doświadczeniem w temacie.',
        'We know who is in the network, from which city and with what experience of the topic.',
      ),
      instruction: t(
        'Wypełnij jedną kartę: imię, miasto, rola, doświadczenie z tematem. Potem przedstaw się w jednym zdaniu.',
        'Fill in one card: name, city, role, experience with the topic. Then introduce yourself in one sentence.',
      ),
      facilitatorNotes: t(
        'Najpierw 5 minut na wypełnienie kart, potem runda przedstawień po 30–60 sekund na osobę, pilnowana minutnikiem. ' +
          'Na sali protokolant/ka może wypełnić kartę za osobę bez laptopa. Przy dużej grupie skopiujcie arkusz, gdy zabraknie kart. ' +
          'Dopytujcie o doświadczenie: to pierwsza inwentaryzacja zasobów sieci.',
        'First 5 minutes to fill in the cards, then a round of introductions, 30–60 seconds each, kept by the timer. ' +
          'In the room a scribe can fill in a card for someone without a laptop. With a large group, copy the sheet when the cards run out. ' +
          'Ask about experience: this is the network’s first inventory of resources.',
      ),
      minutes: 30,
      tools: ['notes', 'timer'],
      zones: [
        {
          id: 'people',
          kind: 'cards',
          label: t('Karty osób', 'Person cards'),
          card: t('Karta osoby', 'Person card'),
          count: 12,
          fields: [
            part('name', t('Imię', 'Name')),
            part('city', t('Miasto', 'City')),
            part('role', t('Rola', 'Role')),
            part('experience', t('Doświadczenie z tematem', 'Experience with the topic')),
          ],
        },
      ],
      summary: [
        {
          section: 'attendance',
          zones: ['people'],
          as: 'cards',
          heading: t('Uczestnicy i uczestniczki, miasta', 'Participants and cities'),
        },
      ],
    },
    {
      id: 'expectations',
      title: t('Oczekiwania i obawy', 'Expectations and concerns'),
      goal: t(
        'Grupa zna swoje oczekiwania wobec sieci i obawy z nią związane.',
        'The group knows what it expects from the network and what worries it.',
      ),
      instruction: t(
        'Napisz w ciszy, czego oczekujesz od sieci i czego się obawiasz. Jedna myśl na karteczkę.',
        'Write in silence what you expect from the network and what worries you. One thought per note.',
      ),
      facilitatorNotes: t(
        'Pisanie indywidualne: karteczki widzi tylko autor lub autorka, dopóki ich nie odsłonicie (5–7 minut na minutniku). ' +
          'Po odsłonięciu przeczytajcie je na głos i zsuńcie podobne. Obawy traktujcie poważnie: ' +
          'wiele z nich stanie się zasadami kontraktu.',
        'Private writing: each note is visible only to its author until you reveal them (5–7 minutes on the timer). ' +
          'After the reveal read them aloud and move similar ones together. Take the concerns seriously: ' +
          'many of them become rules of the contract.',
      ),
      minutes: 20,
      tools: ['private-writing', 'timer'],
      zones: [
        {
          id: 'hopes',
          kind: 'columns',
          label: t('Oczekiwania i obawy', 'Expectations and concerns'),
          columns: [
            part('expectations', t('Oczekiwania', 'Expectations')),
            part('concerns', t('Obawy', 'Concerns')),
          ],
        },
      ],
      summary: [{ section: 'conclusions', zones: ['hopes'], as: 'list' }],
    },
    {
      id: 'trust',
      title: t('Zaufanie i tryb pracy', 'Trust and way of working'),
      goal: t(
        'Grupa zna poziom wzajemnego zaufania i preferowany tryb pracy, i wie, co z tego wynika.',
        'The group knows its level of mutual trust and its preferred way of working, and what follows from them.',
      ),
      instruction: t(
        'Odpowiedz na dwa pytania: postaw kropkę przy swojej odpowiedzi. Potem powiedzcie, co z wyników wynika.',
        'Answer two questions: put a dot on your answer. Then say what the results mean for us.',
      ),
      facilitatorNotes: t(
        'Dwa szybkie pytania zastępują ankiety zaufania i oczekiwań z vademecum (preferowany styl aktywności i współpracy). ' +
          'Pokażcie wyniki od razu i zapytajcie: co z nich wynika dla sposobu pracy sieci? Wnioski zapiszcie w dolnym polu.',
        'Two quick polls stand in for the vademecum’s trust and expectations surveys (preferred style of activity and cooperation). ' +
          'Show the results at once and ask: what do they mean for how the network works? Write the conclusions in the bottom zone.',
      ),
      minutes: 15,
      tools: ['poll', 'notes'],
      zones: [
        {
          id: 'trust',
          kind: 'poll',
          label: t(
            'Na ile ufam, że możemy tu rozmawiać otwarcie?',
            'How far do I trust that we can talk openly here?',
          ),
          options: [
            part('1', t('1 – wcale', '1 – not at all')),
            part('2', t('2', '2')),
            part('3', t('3', '3')),
            part('4', t('4', '4')),
            part('5', t('5 – w pełni', '5 – fully')),
          ],
        },
        {
          id: 'mode',
          kind: 'poll',
          label: t('Jak wolę pracować w sieci?', 'How do I prefer to work in the network?'),
          options: [
            part('in-person', t('Stacjonarnie', 'In person')),
            part('online', t('On-line', 'Online')),
            part('hybrid', t('Hybrydowo', 'Hybrid')),
          ],
        },
        {
          id: 'implications',
          kind: 'area',
          weight: 1.2,
          label: t(
            'Co z tego wynika dla naszej współpracy?',
            'What does this mean for how we work together?',
          ),
        },
      ],
      summary: [
        {
          section: 'conclusions',
          zones: ['trust', 'mode'],
          as: 'poll',
          heading: t('Zaufanie i preferowany tryb pracy', 'Trust and preferred way of working'),
        },
        { section: 'conclusions', zones: ['implications'], as: 'list' },
      ],
    },
    {
      id: 'contract',
      title: t('Nasz kontrakt', 'Our contract'),
      goal: t(
        'Grupa ma wspólnie przyjęte zasady współpracy.',
        'The group has cooperation rules it has agreed on together.',
      ),
      instruction: t(
        'Zaproponuj zasadę współpracy, jedną na karteczkę. Zasady, na które cała grupa się zgadza, przenosimy do „Przyjętych”.',
        'Propose a cooperation rule, one per note. Rules the whole group agrees to move to “Accepted”.',
      ),
      facilitatorNotes: t(
        'Zacznijcie od kilku przykładów z wzoru kontraktu (zał. 2 vademecum): punktualność, poufność wewnętrznej części pracy, ' +
          'jedna osoba mówi naraz, zasady udostępniania notatki. Podobne propozycje połączcie. O każdej zasadzie decydujcie przez zgodę: ' +
          'pytajcie o sprzeciw, nie o poparcie; zasada ze sprzeciwem wraca do przeredagowania.',
        'Start with a few examples from the contract template (annex 2 of the vademecum): punctuality, confidentiality of the internal work, ' +
          'one person speaks at a time, how the summary note is shared. Merge similar proposals. Decide each rule by consent: ' +
          'ask for objections, not support; a rule with an objection goes back to be reworded.',
      ),
      minutes: 25,
      tools: ['notes', 'clustering', 'consent'],
      zones: [
        {
          id: 'rules',
          kind: 'columns',
          flow: true,
          label: t('Zasady współpracy', 'Cooperation rules'),
          columns: [
            part('proposed', t('Propozycje', 'Proposed')),
            part('accepted', t('Przyjęte', 'Accepted')),
          ],
        },
      ],
      summary: [
        {
          section: 'decisions',
          zones: ['rules'],
          cells: ['accepted'],
          as: 'list',
          heading: t('Kontrakt: zasady współpracy', 'The contract: cooperation rules'),
        },
      ],
    },
    {
      id: 'topic-meaning',
      title: t('Co znaczy dla nas ten temat', 'What the topic means to us'),
      goal: t(
        'Wspólne rozumienie tematyki sieci: wyzwania i problemy miast, pogrupowane i nazwane.',
        'A shared understanding of the network’s topic: the cities’ challenges and problems, grouped and named.',
      ),
      instruction: t(
        'Wypisz wyzwania i problemy w temacie sieci, które widzisz w swoim mieście. Jedna sprawa na karteczkę.',
        'Write down the challenges and problems in the network’s topic that you see in your city. One issue per note.',
      ),
      facilitatorNotes: t(
        'Najpierw 5 minut pisania, potem każde miasto krótko czyta swoje karteczki. Razem zsuwajcie podobne i nazwijcie grupy: ' +
          'nazwa grupy to krótkie zdanie, które mówi, na czym polega problem, a nie jedno hasło. ' +
          'Ekspert-moderator dopytuje o dane, także nieformalne.',
        'First 5 minutes of writing, then each city briefly reads its notes. Together move similar notes close and name the groups: ' +
          'a group’s name is a short sentence saying what the problem is, not a single keyword. ' +
          'The expert asks about data, informal data included.',
      ),
      minutes: 40,
      tools: ['notes', 'clustering', 'timer'],
      zones: [
        {
          id: 'challenges',
          kind: 'area',
          label: t('Wyzwania i problemy', 'Challenges and problems'),
          hint: t(
            'Podobne karteczki blisko siebie; każda grupa z nazwą.',
            'Similar notes close together; each group named.',
          ),
        },
      ],
      summary: [{ section: 'conclusions', zones: ['challenges'], as: 'clusters' }],
    },
    {
      id: 'choose-topics',
      title: t('Wybór 2–3 tematów', 'Choosing 2–3 topics'),
      goal: t('Grupa wybiera 2–3 tematy do dalszej pracy.', 'The group chooses 2–3 topics to work on.'),
      instruction: t(
        'Masz 3 głosy. Postaw kropki przy tematach, nad którymi chcesz pracować. Możesz dać kilka głosów jednemu tematowi.',
        'You have 3 votes. Put dots on the topics you want to work on. You may give one topic several votes.',
      ),
      facilitatorNotes: t(
        'Przenieście nazwy grup z poprzedniego arkusza do pola „Tematy do wyboru”. Głosowanie kropkowe: 3 głosy na osobę, ' +
          'wyniki widać po zamknięciu głosowania. Przy remisie krótka rozmowa i drugie głosowanie. ' +
          'Zwycięskie 2–3 tematy przenieście do pól „Wybrane tematy”.',
        'Move the group names from the previous sheet into “Topics to choose from”. Dot voting: 3 votes each, ' +
          'results shown when the vote closes. On a tie, a short talk and a second vote. ' +
          'Move the 2–3 winning topics into “Chosen topics”.',
      ),
      minutes: 20,
      tools: ['dot-voting', 'timer'],
      votesPerPerson: 3,
      zones: [
        {
          id: 'candidates',
          kind: 'area',
          weight: 2.5,
          label: t('Tematy do wyboru', 'Topics to choose from'),
        },
        {
          id: 'chosen',
          kind: 'columns',
          weight: 1.2,
          label: t('Wybrane tematy', 'Chosen topics'),
          columns: [
            part('topic-1', t('Temat 1', 'Topic 1')),
            part('topic-2', t('Temat 2', 'Topic 2')),
            part('topic-3', t('Temat 3', 'Topic 3')),
          ],
        },
      ],
      summary: [
        {
          section: 'conclusions',
          zones: ['candidates'],
          as: 'ranking',
          heading: t('Wyniki głosowania', 'Vote results'),
        },
        {
          section: 'decisions',
          zones: ['chosen'],
          as: 'list',
          heading: t('Wybrane tematy', 'Chosen topics'),
        },
      ],
    },
    {
      id: 'next-formats',
      title: t('Jak będziemy nad nimi pracować', 'How we will work on them'),
      goal: t(
        'Dla każdego wybranego tematu wiadomo: w jakim formacie, kiedy i kto co wnosi.',
        'For each chosen topic we know: in which format, when, and who brings what.',
      ),
      instruction: t(
        'Dla każdego tematu uzgodnijcie: format pracy (1, 2 czy 3), termin i kto co przygotuje.',
        'For each topic agree on: the format (1, 2 or 3), the date, and who prepares what.',
      ),
      facilitatorNotes: t(
        'Przypomnijcie formaty w jednym zdaniu każdy: 1 – planowanie (uporządkowanie sposobu pracy), 2 – generowanie rozwiązań, ' +
          '3 – modelowe praktyki (synteza studiów przypadków). Wpiszcie terminy kolejnych spotkań i wkład miast, ' +
          'np. które miasto pokaże swój przypadek. To zalążek planu pracy sieci.',
        'Recall the formats in one sentence each: 1 – planning (ordering a way of working), 2 – generating solutions, ' +
          '3 – model practices (a synthesis of case studies). Write the dates of the next meetings and what each city contributes, ' +
          'e.g. which city presents its case. This is the seed of the network’s work plan.',
      ),
      minutes: 25,
      tools: ['notes'],
      zones: [
        {
          id: 'plan',
          kind: 'matrix',
          label: t('Plan dalszej pracy', 'Plan of further work'),
          rowAxis: t('Temat', 'Topic'),
          rows: [
            part('topic-1', t('Temat 1', 'Topic 1')),
            part('topic-2', t('Temat 2', 'Topic 2')),
            part('topic-3', t('Temat 3', 'Topic 3')),
          ],
          columns: [
            part('format', t('Format (1, 2, 3)', 'Format (1, 2, 3)')),
            part('when', t('Kiedy', 'When')),
            part('who', t('Kto co przygotuje', 'Who prepares what')),
          ],
        },
      ],
      summary: [{ section: 'next-steps', zones: ['plan'], as: 'table' }],
    },
    approvalStep,
  ],
});
