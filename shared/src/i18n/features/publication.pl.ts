import type { Message, PluralMessage } from '../translate';

const plural = (forms: PluralMessage): PluralMessage => forms;

/**
 * The network's public page (`/public/networks/<id>`, rendered by the server) and the pair's
 * "Strona publiczna" on the network page. Polish first; `publication.en.ts` has the same keys.
 */
export const publicationPl = {
  // The pair's section on the network page.
  'publication.heading': 'Strona publiczna',
  'publication.lead':
    'Strona sieci dostępna bez logowania: nazwa sieci, miasta członkowskie i te zatwierdzone notatki, na których publikację zgodziła się grupa. Gdy ktoś cofnie zgodę, notatka znika ze strony od razu.',
  'publication.open': 'Otwórz stronę publiczną',
  'publication.close': 'Zamknij stronę publiczną',
  'publication.stateOpen': 'Strona publiczna jest otwarta od {date}.',
  'publication.stateClosed': 'Strona publiczna jest zamknięta: pod jej adresem nikt nic nie zobaczy.',
  'publication.link': 'Zobacz stronę publiczną',
  'publication.feed': 'Kanał Atom',
  'publication.published': plural({
    one: 'Grupa zgodziła się opublikować {count} notatkę.',
    few: 'Grupy zgodziły się opublikować {count} notatki.',
    many: 'Grupy zgodziły się opublikować {count} notatek.',
    other: 'Grupy zgodziły się opublikować {count} notatki.',
  }),
  'publication.noneYet':
    'Żadna grupa nie zgodziła się jeszcze na publikację: strona pokaże tylko nazwę sieci i miasta.',
  'publication.saving': 'Zapisywanie…',

  // The public page itself.
  'publication.page.eyebrow': 'Sieć Wymiany Doświadczeń',
  'publication.page.cities': 'Miasta członkowskie',
  'publication.page.observer': 'miasto obserwator',
  'publication.page.notes': 'Opublikowane notatki ze spotkań',
  'publication.page.noNotes': 'Na razie nie ma tu opublikowanych notatek.',
  'publication.page.approved': 'zatwierdzona {date}',
  'publication.page.products': 'Wypracowane rezultaty',
  'publication.page.product.scheme': 'Schemat działania',
  'publication.page.product.recommendation': 'Rekomendacje',
  'publication.page.product.model': 'Modelowa praktyka',
  'publication.page.from': 'ze spotkania „{meeting}”',
  'publication.page.feed': 'Kanał Atom z nowymi notatkami',
  'publication.page.print': 'Wersja do druku: użyj „Drukuj” w przeglądarce.',
  'publication.page.consent':
    'Każda notatka jest tu, ponieważ grupa, która ją zatwierdziła, zgodziła się na jej publikację.',
  'publication.page.other': 'English',
  'publication.page.back': '← Strona sieci',
  'publication.feed.title': '{network} — opublikowane notatki',
} satisfies Record<string, Message>;
