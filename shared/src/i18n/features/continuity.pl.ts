import type { Message } from '../translate';

/** What a meeting's board brings from the network's earlier meetings. Polish first; `continuity.en.ts` has the same keys. */
export const continuityPl = {
  'continuity.heading': 'Z poprzednich spotkań sieci',
  'continuity.lastTime': 'Ostatnio: {title}, {date}',
  'continuity.nextSteps': 'Ustaliliśmy na dalej',
  'continuity.noNextSteps': 'Notatka nie zapisała następnych kroków.',
  'continuity.wholeNote': 'Cała zatwierdzona notatka',
  'continuity.contract': 'Kontrakt sieci',
  'continuity.contractFrom': 'Uzgodniony na spotkaniu „{title}” ({date}).',
  'continuity.topics': 'Tematy sieci',
  'continuity.approvedOnly': 'Tylko to, co grupa zatwierdziła w notatkach.',
} satisfies Record<string, Message>;
