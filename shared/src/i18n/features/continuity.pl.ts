import type { Message } from '../translate';

/** What a meeting's board brings from the network's earlier meetings. Polish first; `continuity.en.ts` has the same keys. */
export const continuityPl = {
  'continuity.jump': 'Co ustaliliśmy na poprzednich spotkaniach',
  'continuity.heading': 'Z poprzednich spotkań sieci',
  'continuity.lastTime': 'Ostatnio: {title}, {date}',
  'continuity.nextSteps': 'Ustaliliśmy na dalej',
  'continuity.noNextSteps': 'Notatka nie zapisała następnych kroków.',
  'continuity.wholeNote': 'Cała zatwierdzona notatka',
  'continuity.contract': 'Kontrakt sieci',
  'continuity.contractFrom': 'Uzgodniony na spotkaniu „{title}” ({date}).',
  'continuity.topics': 'Tematy sieci',
  'continuity.approvedOnly': 'Tylko to, co grupa zatwierdziła w notatkach.',
  'continuity.cases': 'Przypadki z wcześniejszych spotkań',
  'continuity.casesHint':
    'Karty przypadków z zatwierdzonych notatek sieci. Możesz wstawić przypadek na wolną kartę i go zaktualizować.',
  'continuity.caseNoCity': 'Miasto nie podane',
  'continuity.caseFrom': 'Ze spotkania „{title}” ({date}).',
  'continuity.insertCase': 'Wstaw na wolną kartę',
  'continuity.insertCaseLabel': 'Wstaw przypadek: {city} na wolną kartę',
  'continuity.caseInserted': 'Wstawiono na kartę „{card}”. Ctrl+Z cofa wstawienie.',
  'continuity.noFreeCard':
    'Nie ma wolnej karty: na każdej coś już jest. Wyczyść jedną kartę albo przepisz przypadek ręcznie.',
  'continuity.casesLocked': 'Arkusz jest zablokowany: przypadek wstawisz, gdy prowadzący go odblokuje.',
} satisfies Record<string, Message>;
