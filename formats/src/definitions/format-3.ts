import { formatDefinitionSchema, type FormatDefinition } from '../format-definition';
import { approvalStep, part, t } from './common';

const cases = [1, 2, 3, 4].map((n) => part(`case-${n}`, t(`Przypadek ${n}`, `Case ${n}`)));
const criteria = [1, 2, 3, 4].map((n) => part(`criterion-${n}`, t(`Kryterium ${n}`, `Criterion ${n}`)));
const modelSteps = [1, 2, 3, 4, 5].map((n) => part(`step-${n}`, t(`Krok ${n}`, `Step ${n}`)));

/**
 * Format 3 — model practices (a synthesis of case studies). Steps as in docs formats.md, sized
 * for four cases and four criteria: the comparison sheet is a 4×4 matrix, so step 1 narrows the
 * criteria to four by dot voting.
 */
export const format3: FormatDefinition = formatDefinitionSchema.parse({
  id: 'format-3',
  version: 1,
  name: t('Format 3 – modelowe praktyki', 'Format 3 – model practices'),
  goal: t(
    'Synteza i aktualizacja studiów przypadków: porównanie kilku podobnych rozwiązań z miast i wypracowanie nowszej wersji do wdrażania, dostosowanej do różnych typów miast.',
    'A synthesis and update of case studies: comparing several similar solutions from the cities and working out a newer version to implement, adapted to different types of city.',
  ),
  result: t(
    'Porównane studia przypadków; modelowa praktyka — nowsza wersja do wdrożenia; jej wersje dla miast o różnej wielkości i specyfice.',
    'The case studies compared; a model practice — a newer version to implement; its versions for cities of different size and character.',
  ),
  whenToUse: t(
    'Gdy kilka miast ma już podobne rozwiązania i chce je usprawnić, a inne miasta chcą je wdrożyć.',
    'When several cities already have similar solutions and want to improve them, and other cities want to adopt them.',
  ),
  steps: [
    {
      id: 'area-criteria',
      title: t('Obszar i kryteria', 'Area and criteria'),
      goal: t(
        'Jasny obszar porównania i kryteria, według których porównamy przypadki.',
        'A clear area of comparison and the criteria to compare the cases by.',
      ),
      instruction: t(
        'Dopisz kryteria dobrej praktyki, np. koszt, efekty, trwałość. Potem masz 3 głosy: wybierz najważniejsze.',
        'Add the criteria of a good practice, e.g. cost, results, durability. Then you have 3 votes: pick the most important.',
      ),
      facilitatorNotes: t(
        'Ekspert-moderator proponuje obszar i 2–3 przykładowe kryteria; grupa dopisuje swoje. Po głosowaniu kropkowym zostają ' +
          'cztery kryteria — tyle kolumn ma arkusz porównania.',
        'The expert proposes the area and 2–3 example criteria; the group adds its own. After the dot vote four criteria remain — ' +
          'as many as the comparison sheet has columns.',
      ),
      minutes: 25,
      observers: 'open',
      tools: ['notes', 'dot-voting'],
      votesPerPerson: 3,
      zones: [
        {
          id: 'area',
          kind: 'area',
          label: t('Obszar', 'Area'),
          hint: t('Jakie rozwiązania porównujemy?', 'Which solutions do we compare?'),
        },
        { id: 'criteria', kind: 'area', weight: 2, label: t('Kryteria porównania', 'Comparison criteria') },
      ],
      summary: [
        { section: 'conclusions', zones: ['area'], as: 'list', heading: t('Obszar', 'Area') },
        {
          section: 'decisions',
          zones: ['criteria'],
          as: 'ranking',
          heading: t('Kryteria porównania', 'Comparison criteria'),
        },
      ],
    },
    {
      id: 'case-cards',
      title: t('Karty przypadków', 'Case cards'),
      goal: t('Każdy przypadek opisany w ten sam sposób.', 'Every case described the same way.'),
      instruction: t(
        'Wypełnij kartę swojego przypadku: miasto, kontekst, problem, rozwiązanie, rezultaty, koszt, wnioski.',
        'Fill in your case’s card: city, context, problem, solution, results, cost, lessons.',
      ),
      facilitatorNotes: t(
        'Miasta — liderzy zmiany i miasta z podobnymi rozwiązaniami — wypełniają karty przed spotkaniem. Na spotkaniu każde miasto ' +
          'przedstawia kartę w 5 minut (ta część może być transmitowana obserwatorom). Pozostałe osoby przyklejają pytania obok karty.',
        'The leaders of change and the cities with similar solutions fill in their cards before the meeting. At the meeting each city ' +
          'presents its card in 5 minutes (this part may be streamed to observers). The others stick their questions beside the card.',
      ),
      minutes: 50,
      tools: ['notes', 'timer'],
      zones: [
        {
          id: 'cases',
          kind: 'cards',
          label: t('Studia przypadków', 'Case studies'),
          card: t('Przypadek', 'Case'),
          count: 4,
          fields: [
            part('city', t('Miasto', 'City')),
            part('context', t('Kontekst', 'Context')),
            part('problem', t('Problem', 'Problem')),
            part('solution', t('Rozwiązanie', 'Solution')),
            part('results', t('Rezultaty', 'Results')),
            part('cost', t('Koszt', 'Cost')),
            part('lessons', t('Wnioski', 'Lessons')),
          ],
        },
      ],
      summary: [
        { section: 'conclusions', zones: ['cases'], as: 'cards', heading: t('Przypadki', 'The cases') },
      ],
    },
    {
      id: 'comparison',
      title: t('Porównanie', 'Comparison'),
      goal: t(
        'Przypadki porównane według uzgodnionych kryteriów.',
        'The cases compared by the agreed criteria.',
      ),
      instruction: t(
        'W każdej komórce zapisz krótko, jak przypadek wypada w danym kryterium: fakt, liczba, ocena.',
        'In each cell write briefly how the case does on that criterion: a fact, a number, a judgement.',
      ),
      facilitatorNotes: t(
        'Najpierw nazwy przypadków i kryteriów: karteczka na każdym nagłówku. Pracujcie kryterium po kryterium, nie przypadek ' +
          'po przypadku — łatwiej zobaczyć różnice. Zaznaczcie najmocniejsze rozwiązanie w każdym kryterium.',
        'First the names of the cases and criteria: a note on each header. Work criterion by criterion, not case by case — ' +
          'differences show more easily. Mark the strongest solution on each criterion.',
      ),
      minutes: 40,
      tools: ['notes'],
      zones: [
        {
          id: 'matrix',
          kind: 'matrix',
          label: t('Przypadki × kryteria', 'Cases × criteria'),
          rowAxis: t('Przypadki', 'Cases'),
          columnAxis: t('Kryteria', 'Criteria'),
          rows: cases,
          columns: criteria,
        },
      ],
      summary: [
        {
          section: 'conclusions',
          zones: ['matrix'],
          as: 'table',
          heading: t('Porównanie', 'The comparison'),
        },
      ],
    },
    {
      id: 'core',
      title: t('Wspólny rdzeń i różnice', 'Common core and differences'),
      goal: t(
        'Wiadomo, co działa wszędzie, a co zależy od kontekstu.',
        'We know what works everywhere and what depends on the context.',
      ),
      instruction: t(
        'Co działa we wszystkich przypadkach? Co zależy od miasta? Jedna rzecz na karteczkę; potem grupujemy.',
        'What works in every case? What depends on the city? One thing per note; then we group them.',
      ),
      facilitatorNotes: t(
        'Wspólny rdzeń to elementy obecne w większości przypadków i ważne dla rezultatu. Zmienne zapisujcie razem z warunkiem: ' +
          '„zależy od… (wielkości miasta, budżetu, partnerów)”. Potem zsuńcie podobne i nazwijcie grupy.',
        'The common core is what most cases share and what matters for the result. Write each variable with its condition: ' +
          '“depends on… (the city’s size, budget, partners)”. Then move similar notes together and name the groups.',
      ),
      minutes: 30,
      tools: ['notes', 'clustering'],
      zones: [
        {
          id: 'split',
          kind: 'columns',
          label: t('Rdzeń i zmienne', 'Core and variables'),
          columns: [
            part('core', t('Działa wszędzie', 'Works everywhere'), t('Wspólny rdzeń', 'The common core')),
            part(
              'variables',
              t('Zależy od kontekstu', 'Depends on the context'),
              t('Zmienne', 'The variables'),
            ),
          ],
        },
      ],
      summary: [
        {
          section: 'conclusions',
          zones: ['split'],
          as: 'clusters',
          heading: t('Rdzeń i zmienne', 'Core and variables'),
        },
      ],
    },
    {
      id: 'model',
      title: t('Modelowa praktyka', 'The model practice'),
      goal: t(
        'Nowsza wersja praktyki do wdrożenia: kroki w kolejności.',
        'A newer version of the practice to implement: its steps in order.',
      ),
      instruction: t(
        'Ułóżcie kroki modelowej praktyki po kolei. Przy każdym kroku: co robimy i co z tego ma wyniknąć.',
        'Lay out the model practice’s steps in order. For each step: what we do and what should come of it.',
      ),
      facilitatorNotes: t(
        'Budujcie na wspólnym rdzeniu; do każdego kroku dobierzcie najmocniejsze rozwiązanie z porównania. ' +
          'Na koniec sprawdźcie, czy model da się wdrożyć w mieście, które tej praktyki jeszcze nie ma.',
        'Build on the common core; for each step pick the strongest solution from the comparison. ' +
          'Finally check that a city without the practice yet could implement the model.',
      ),
      minutes: 40,
      tools: ['notes'],
      zones: [{ id: 'steps', kind: 'rows', label: t('Kroki modelu', 'The model’s steps'), rows: modelSteps }],
      summary: [
        {
          section: 'decisions',
          zones: ['steps'],
          as: 'list',
          heading: t('Modelowa praktyka', 'The model practice'),
        },
      ],
    },
    {
      id: 'versions',
      title: t('Wersje dla typów miast', 'Versions for types of city'),
      goal: t(
        'Model dostosowany do miast małych, średnich i dużych oraz do innej specyfiki.',
        'The model adapted to small, medium and large cities and to other specifics.',
      ),
      instruction: t(
        'Co trzeba zmienić w modelu dla miasta takiego jak Twoje? Zapisz to w wierszu jego wielkości lub w polu specyfiki.',
        'What must change in the model for a city like yours? Write it in the row of its size or in the specifics zone.',
      ),
      facilitatorNotes: t(
        'Podzielcie grupę według wielkości miast; każda podgrupa pracuje 15 minut na swoim wierszu, potem krótko prezentuje. ' +
          'Inna specyfika to np. miasto uzdrowiskowe, akademickie, przygraniczne albo w obszarze metropolitalnym.',
        'Split the group by the size of their cities; each subgroup works 15 minutes on its row, then presents briefly. ' +
          'Other specifics are e.g. a spa town, a university city, a border town or one in a metropolitan area.',
      ),
      minutes: 40,
      tools: ['notes', 'timer'],
      zones: [
        {
          id: 'sizes',
          kind: 'rows',
          weight: 3,
          label: t('Wielkość miasta', 'City size'),
          rows: [
            part('small', t('Małe miasta', 'Small cities')),
            part('medium', t('Średnie miasta', 'Medium cities')),
            part('large', t('Duże miasta', 'Large cities')),
          ],
        },
        {
          id: 'specifics',
          kind: 'area',
          weight: 1.4,
          label: t('Inna specyfika', 'Other specifics'),
          hint: t(
            'Np. uzdrowisko, miasto akademickie, przygraniczne.',
            'E.g. a spa town, a university city, a border town.',
          ),
        },
      ],
      summary: [
        {
          section: 'conclusions',
          zones: ['sizes', 'specifics'],
          as: 'list',
          heading: t('Wersje dla typów miast', 'Versions for types of city'),
        },
      ],
    },
    approvalStep,
  ],
});
