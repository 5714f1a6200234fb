import { formatDefinitionSchema, type FormatDefinition } from '../format-definition';
import { approvalStep, part, t } from './common';

/**
 * Format 2 — generating solutions. Refinements of docs formats.md:
 * - The challenge sheet adds what we know about it (data, informal data included), as the
 *   vademecum's work plan asks of every challenge.
 * - Solutions are rows, one per top barrier: a row spans the sheet and holds about 10 notes, a
 *   third of a portrait sheet's width would hold one across.
 * - The test plan is a card per chosen solution (pilot city, measure, deadline).
 */
export const format2: FormatDefinition = formatDefinitionSchema.parse({
  id: 'format-2',
  version: 1,
  name: t('Format 2 – generowanie rozwiązań', 'Format 2 – generating solutions'),
  goal: t(
    'Uczynić trudne działania łatwiejszymi: zebrać bariery i ograniczenia w wybranym obszarze, wspólnie wypracować praktyczne rozwiązania i je przetestować.',
    'Making hard actions easier: collecting the barriers and constraints in a chosen area, working out practical solutions together and testing them.',
  ),
  result: t(
    'Lista barier i ograniczeń; praktyczne rozwiązania wypracowane razem; plan ich sprawdzenia w miastach.',
    'A list of barriers and constraints; practical solutions worked out together; a plan to test them in the cities.',
  ),
  whenToUse: t(
    'Gdy ważne działanie lub inicjatywa idzie miastom opornie i grupa chce znaleźć sposób, żeby było łatwiejsze.',
    'When an important action or initiative is hard going for the cities and the group wants a way to make it easier.',
  ),
  steps: [
    {
      id: 'challenge',
      title: t('Wyzwanie', 'The challenge'),
      goal: t(
        'Wspólnie nazwane działanie lub inicjatywa, które są trudne, i to, co o nich wiemy.',
        'The hard action or initiative, named together, and what we know about it.',
      ),
      instruction: t(
        'Dopisz, co dokładnie jest trudne w tym działaniu i dla kogo. Dodaj fakty i dane, także nieformalne.',
        'Add what exactly is hard about this action and for whom. Add facts and data, informal ones too.',
      ),
      facilitatorNotes: t(
        'Ekspert-moderator przedstawia wyzwanie (z wyboru tematów albo z planu pracy sieci). Grupa doprecyzowuje je jako pytanie: ' +
          '„Jak sprawić, żeby … było łatwiejsze?”. Uzgodnione brzmienie zapiszcie w górnym polu.',
        'The expert presents the challenge (from the choice of topics or the network’s work plan). The group sharpens it into a question: ' +
          '“How might we make … easier?”. Write the agreed wording in the top zone.',
      ),
      minutes: 15,
      observers: 'open',
      tools: ['notes'],
      zones: [
        {
          id: 'statement',
          kind: 'area',
          label: t('Nasze wyzwanie', 'Our challenge'),
          hint: t('Jak sprawić, żeby … było łatwiejsze?', 'How might we make … easier?'),
        },
        {
          id: 'facts',
          kind: 'area',
          weight: 2,
          label: t('Co o nim wiemy', 'What we know about it'),
          hint: t(
            'Dla kogo jest trudne, od kiedy, jakie są dane.',
            'For whom it is hard, since when, what the data say.',
          ),
        },
      ],
      summary: [
        {
          section: 'conclusions',
          zones: ['statement', 'facts'],
          as: 'list',
          heading: t('Wyzwanie', 'The challenge'),
        },
      ],
    },
    {
      id: 'barriers',
      title: t('Bariery i ograniczenia', 'Barriers and constraints'),
      goal: t('Pełna lista barier i ograniczeń.', 'A full list of barriers and constraints.'),
      instruction: t(
        'Napisz w ciszy, co utrudnia to działanie. Jedna bariera na karteczkę. Odsłonimy je wszystkie naraz.',
        'Write in silence what makes this action hard. One barrier per note. We reveal them all at once.',
      ),
      facilitatorNotes: t(
        'Pisanie indywidualne na minutniku (7 minut): nikt nie widzi cudzych karteczek przed odsłonięciem, więc pierwsza wypowiedź ' +
          'nie ustawia reszty. Podpowiedzcie obszary: prawo, pieniądze, ludzie, procedury, technologia, komunikacja. ' +
          'Po odsłonięciu każda osoba czyta swoje; tylko pytania o zrozumienie, bez dyskusji.',
        'Private writing on the timer (7 minutes): nobody sees anyone else’s notes before the reveal, so the first voice does not ' +
          'set the rest. Suggest areas: law, money, people, procedures, technology, communication. ' +
          'After the reveal each person reads theirs; questions of understanding only, no debate.',
      ),
      minutes: 25,
      tools: ['private-writing', 'timer'],
      zones: [
        { id: 'barriers', kind: 'area', label: t('Bariery i ograniczenia', 'Barriers and constraints') },
      ],
      summary: [{ section: 'conclusions', zones: ['barriers'], as: 'list' }],
    },
    {
      id: 'grouping',
      title: t('Grupowanie', 'Grouping'),
      goal: t('Bariery pogrupowane i nazwane.', 'The barriers grouped and named.'),
      instruction: t(
        'Przesuwajcie podobne bariery blisko siebie. Nazwijcie każdą grupę krótkim zdaniem.',
        'Move similar barriers close together. Name each group with a short sentence.',
      ),
      facilitatorNotes: t(
        'Przenieście karteczki z poprzedniego arkusza: w panelu prowadzenia „Przenieś wszystko z kroku 2”. Najpierw grupujcie w ciszy (3–5 minut), potem razem uzgodnijcie nazwy. ' +
          'Nazwa mówi, na czym polega problem (np. „Brak danych o potrzebach mieszkańców i mieszkanek”), a nie jest samym hasłem („Dane”).',
        'Move the notes over from the previous sheet: “Carry everything from step 2” in the console. Group in silence first (3–5 minutes), then agree on the names together. ' +
          'A name says what the problem is (e.g. “No data on residents’ needs”), not just a keyword (“Data”).',
      ),
      minutes: 20,
      tools: ['clustering'],
      carry: 'notes',
      zones: [{ id: 'clusters', kind: 'area', label: t('Grupy barier', 'Groups of barriers') }],
      summary: [{ section: 'conclusions', zones: ['clusters'], as: 'clusters' }],
    },
    {
      id: 'priorities',
      title: t('Które bariery najpierw', 'Which barriers first'),
      goal: t(
        'Grupa wie, którymi barierami zająć się najpierw.',
        'The group knows which barriers to tackle first.',
      ),
      instruction: t(
        'Masz 3 głosy. Postaw kropki przy grupach barier, które najbardziej blokują działanie.',
        'You have 3 votes. Put dots on the groups of barriers that block the action most.',
      ),
      facilitatorNotes: t(
        'Przenieście grupy z poprzedniego arkusza: w panelu prowadzenia „Przenieś wszystko z kroku 3”. Głosowanie kropkowe: 3 głosy na osobę, wyniki po zamknięciu głosowania. ' +
          'Trzy grupy z największą liczbą głosów są „Najpierw” — nad nimi pracujecie w następnym kroku, gdzie „Przenieś zwycięzców głosowania” stawia je na początku wierszy (w notatce trafią do „Bariery do pracy”).',
        'Move the clusters over from the previous sheet: “Carry everything from step 3” in the console. Dot voting: 3 votes each, results when the vote closes. ' +
          'The three groups with the most votes come “First” — the next step works on them: “Carry the vote’s winners” puts them at the start of its rows (and in the notes’ “Barriers to work on”).',
      ),
      minutes: 15,
      tools: ['dot-voting'],
      votesPerPerson: 3,
      carry: 'notes',
      zones: [
        {
          id: 'candidates',
          kind: 'area',
          weight: 2.5,
          label: t('Grupy barier do głosowania', 'Groups of barriers to vote on'),
        },
        {
          id: 'top',
          kind: 'columns',
          weight: 1.2,
          label: t('Najpierw', 'First'),
          columns: [
            part('barrier-1', t('Bariera 1', 'Barrier 1')),
            part('barrier-2', t('Bariera 2', 'Barrier 2')),
            part('barrier-3', t('Bariera 3', 'Barrier 3')),
          ],
        },
      ],
      summary: [
        {
          section: 'conclusions',
          zones: ['candidates'],
          as: 'ranking',
          heading: t('Ranking barier', 'Barriers ranked'),
        },
        {
          section: 'decisions',
          zones: ['top'],
          as: 'list',
          heading: t('Bariery do pracy', 'Barriers to work on'),
        },
      ],
    },
    {
      id: 'solutions',
      title: t('Rozwiązania', 'Solutions'),
      goal: t(
        'Pomysły rozwiązań dla każdej z najważniejszych barier.',
        'Solution ideas for each of the top barriers.',
      ),
      instruction: t(
        'Jak moglibyśmy pokonać tę barierę? Zapisz pomysły w jej wierszu. Liczy się liczba pomysłów; oceniamy później.',
        'How might we overcome this barrier? Write ideas in its row. Quantity counts; we judge later.',
      ),
      facilitatorNotes: t(
        'Na początku każdego wiersza przyklejcie barierę z poprzedniego arkusza: w panelu prowadzenia „Przenieś zwycięzców głosowania”. Burza mózgów w rundach po 5 minut na minutniku, ' +
          'wiersz po wierszu. Pytajcie o rozwiązania sprawdzone w innych miastach, także w Norwegii i Islandii. ' +
          'W tym kroku nie oceniamy pomysłów.',
        'At the start of each row stick the barrier from the previous sheet: “Carry the vote’s winners” in the console. Brainstorm in rounds of 5 minutes on the timer, ' +
          'row by row. Ask about solutions tried in other cities, in Norway and Iceland too. ' +
          'No judging of ideas in this step.',
      ),
      minutes: 40,
      tools: ['notes', 'timer'],
      carry: 'winners',
      zones: [
        {
          id: 'ideas',
          kind: 'rows',
          label: t('Pomysły rozwiązań', 'Solution ideas'),
          rows: [
            part('barrier-1', t('Bariera 1', 'Barrier 1')),
            part('barrier-2', t('Bariera 2', 'Barrier 2')),
            part('barrier-3', t('Bariera 3', 'Barrier 3')),
          ],
        },
      ],
      summary: [
        {
          section: 'conclusions',
          zones: ['ideas'],
          as: 'list',
          heading: t('Rozwiązania dla barier', 'Solutions per barrier'),
        },
      ],
    },
    {
      id: 'impact-effort',
      title: t('Wpływ i wysiłek', 'Impact and effort'),
      goal: t(
        'Rozwiązania ocenione: jaki dadzą efekt i ile wysiłku wymagają.',
        'The solutions assessed: what effect they will have and how much effort they take.',
      ),
      instruction: t(
        'Przenieś każde rozwiązanie do pola macierzy: jaki wpływ, jaki wysiłek? Gdy się nie zgadzacie, porozmawiajcie.',
        'Move each solution into a cell of the matrix: how much impact, how much effort? When you disagree, talk it through.',
      ),
      facilitatorNotes: t(
        'Najpierw ustalcie, co w tym temacie znaczy „duży wpływ” i „mały wysiłek”. Rozwiązania z pola „duży wpływ, mały wysiłek” ' +
          'są pierwsze do przetestowania; „duży wpływ, duży wysiłek” — do planu na dłużej; resztę odłóżcie świadomie.',
        'First agree what “high impact” and “low effort” mean for this topic. Solutions in “high impact, low effort” are the first ' +
          'to test; “high impact, high effort” go to the longer-term plan; set the rest aside on purpose.',
      ),
      minutes: 30,
      tools: ['notes'],
      zones: [
        {
          id: 'matrix',
          kind: 'matrix',
          label: t('Macierz wpływu i wysiłku', 'Impact and effort matrix'),
          rowAxis: t('Wpływ', 'Impact'),
          columnAxis: t('Wysiłek', 'Effort'),
          rows: [
            part('high-impact', t('Duży wpływ', 'High impact')),
            part('low-impact', t('Mały wpływ', 'Low impact')),
          ],
          columns: [
            part('low-effort', t('Mały wysiłek', 'Low effort')),
            part('high-effort', t('Duży wysiłek', 'High effort')),
          ],
        },
      ],
      summary: [{ section: 'conclusions', zones: ['matrix'], as: 'table' }],
    },
    {
      id: 'test-plan',
      title: t('Jak to przetestujemy', 'How we will test it'),
      goal: t(
        'Plan sprawdzenia wybranych rozwiązań w miastach.',
        'A plan to test the chosen solutions in the cities.',
      ),
      instruction: t(
        'Dla każdego wybranego rozwiązania wypełnijcie kartę: które miasto je pilotuje, po czym poznamy, że działa, do kiedy.',
        'For each chosen solution fill in a card: which city pilots it, how we will know it works, by when.',
      ),
      facilitatorNotes: t(
        'Wybierzcie 1–3 rozwiązania, zwykle z pola „duży wpływ, mały wysiłek”. Pilotaż ma być mały i szybki: jedno miasto, ' +
          'kilka tygodni, prosty miernik. Ustalcie, na którym spotkaniu miasto opowie o wynikach.',
        'Choose 1–3 solutions, usually from “high impact, low effort”. A pilot should be small and quick: one city, ' +
          'a few weeks, a simple measure. Agree at which meeting the city reports its results.',
      ),
      minutes: 30,
      tools: ['notes'],
      zones: [
        {
          id: 'tests',
          kind: 'cards',
          label: t('Karty testów', 'Test cards'),
          card: t('Test', 'Test'),
          count: 3,
          fields: [
            part('solution', t('Rozwiązanie', 'Solution')),
            part('pilot-city', t('Miasto pilotażowe', 'Pilot city')),
            part('measure', t('Po czym poznamy, że działa', 'How we will know it works')),
            part('deadline', t('Do kiedy', 'By when')),
          ],
        },
      ],
      summary: [
        { section: 'next-steps', zones: ['tests'], as: 'cards', heading: t('Plan testów', 'Test plan') },
      ],
    },
    approvalStep,
  ],
});
