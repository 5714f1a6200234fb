import type { Message, PluralMessage } from '../translate';

const plural = (forms: PluralMessage): PluralMessage => forms;

/**
 * The expert's office hours (`/n/<id>/office-hours`, its log at `/n/<id>/office-hours/log`) and
 * the "Dyżury eksperta" section of the home. Polish first; `office-hours.en.ts` has the same keys.
 */
export const officeHoursPl = {
  'officeHours.eyebrow': 'Dyżury eksperta',
  'officeHours.lead':
    'Godzina z ekspertem sieci dla miast: zarezerwuj wolny termin i napisz pytanie. Odpowiedzi zostają w sieci.',
  'officeHours.backToNetwork': '← Strona sieci',
  'officeHours.backToHome': '← Moja strona',
  'officeHours.nav.slots': 'Terminy',
  'officeHours.nav.log': 'Pytania i odpowiedzi',
  'officeHours.officeReads': 'Biuro ZMP widzi terminy i rezerwacje; rezerwują przedstawiciele miast.',

  'officeHours.series.open': 'Dodaj terminy dyżurów',
  'officeHours.series.heading': 'Nowe terminy dyżurów',
  'officeHours.series.weekday': 'Dzień tygodnia',
  'officeHours.weekday.1': 'poniedziałek',
  'officeHours.weekday.2': 'wtorek',
  'officeHours.weekday.3': 'środa',
  'officeHours.weekday.4': 'czwartek',
  'officeHours.weekday.5': 'piątek',
  'officeHours.weekday.6': 'sobota',
  'officeHours.weekday.7': 'niedziela',
  'officeHours.series.startTime': 'Godzina rozpoczęcia',
  'officeHours.series.minutes': 'Czas trwania (minuty)',
  'officeHours.series.everyWeeks': 'Co ile tygodni',
  'officeHours.series.from': 'Pierwszy dzień',
  'officeHours.series.to': 'Ostatni dzień',
  'officeHours.series.where': 'Gdzie',
  'officeHours.series.online': 'Online',
  'officeHours.series.inPerson': 'Na miejscu',
  'officeHours.series.url': 'Link do spotkania online',
  'officeHours.series.place': 'Miejsce (adres, sala)',
  'officeHours.series.preview': plural({
    one: '{count} termin: {first}.',
    few: '{count} terminy: od {first} do {last}.',
    many: '{count} terminów: od {first} do {last}.',
    other: '{count} terminu: od {first} do {last}.',
  }),
  'officeHours.series.previewNone': 'Między tymi dniami nie ma takiego dnia tygodnia.',
  'officeHours.series.previewTooMany': 'Za dużo terminów naraz (najwyżej {max}). Skróć okres.',
  'officeHours.series.timeZone': 'Czas polski (Europe/Warsaw): godzina zostaje ta sama po zmianie czasu.',
  'officeHours.series.submit': 'Opublikuj terminy',
  'officeHours.series.cancel': 'Anuluj',
  'officeHours.series.published': plural({
    one: 'Opublikowano {count} termin.',
    few: 'Opublikowano {count} terminy.',
    many: 'Opublikowano {count} terminów.',
    other: 'Opublikowano {count} terminu.',
  }),

  'officeHours.slots.empty': 'Nie ma jeszcze terminów dyżurów.',
  'officeHours.slots.emptyPair':
    'Nie ma jeszcze terminów. Dodaj serię: na przykład co dwa tygodnie, godzina.',
  'officeHours.slot.time': '{date}, {start}–{end}',
  'officeHours.slot.host': 'Prowadzi: {name}',
  'officeHours.slot.join': 'Link do spotkania',
  'officeHours.slot.free': 'Wolny',
  'officeHours.slot.taken': 'Zajęty',
  'officeHours.slot.mine': 'Twoja rezerwacja',
  'officeHours.slot.cancelled': 'Odwołany',
  'officeHours.slot.started': 'Już się odbył',
  'officeHours.slot.cancel': 'Odwołaj termin',
  'officeHours.slot.cancelConfirm': 'Odwołać ten termin? Nikt go już nie zarezerwuje.',
  'officeHours.slot.cancelConfirmBooked':
    'Odwołać ten termin? Jest zarezerwowany: osoba, która pyta, zobaczy go jako odwołany, a jej pytanie zostanie przy nim.',
  'officeHours.slot.cancelYes': 'Tak, odwołaj',
  'officeHours.slot.cancelNo': 'Nie',

  'officeHours.book.open': 'Zarezerwuj',
  'officeHours.book.question': 'Twoje pytanie do eksperta',
  'officeHours.book.hint': 'Napisz, o co chcesz zapytać: ekspert przygotuje się do rozmowy.',
  'officeHours.book.submit': 'Zarezerwuj termin',
  'officeHours.book.cancel': 'Anuluj',
  'officeHours.booking.asker': 'Pyta: {name}',
  'officeHours.booking.withdraw': 'Odwołaj rezerwację',

  'officeHours.answer.label': 'Odpowiedź',
  'officeHours.answer.hint':
    'Zapisz, co ustaliliście: odpowiedź trafi do dziennika pytań i odpowiedzi sieci.',
  'officeHours.answer.write': 'Wpisz odpowiedź',
  'officeHours.answer.edit': 'Zmień odpowiedź',
  'officeHours.answer.submit': 'Zapisz odpowiedź',
  'officeHours.answer.cancel': 'Anuluj',
  'officeHours.answer.waiting': 'Czeka na odpowiedź eksperta.',

  'officeHours.log.search': 'Szukaj w pytaniach i odpowiedziach',
  'officeHours.log.searchButton': 'Szukaj',
  'officeHours.log.searchHint':
    'Wielkość liter i polskie znaki nie mają znaczenia: „zlobek” znajdzie „żłobek”.',
  'officeHours.log.empty': 'Nie ma jeszcze odpowiedzi. Pojawią się tu po dyżurach.',
  'officeHours.log.noMatch': 'Nic nie znaleziono dla „{query}”.',
  'officeHours.log.count': plural({
    one: '{count} pytanie z odpowiedzią',
    few: '{count} pytania z odpowiedzią',
    many: '{count} pytań z odpowiedzią',
    other: '{count} pytania z odpowiedzią',
  }),
  'officeHours.log.question': 'Pytanie',
  'officeHours.log.answeredBy': 'Odpowiada: {name}',

  'officeHours.home.link': 'Dyżury eksperta',
  'officeHours.home.none': 'Nie masz rezerwacji dyżuru.',
  'officeHours.home.booked': 'Twoja rezerwacja: {time}',
  'officeHours.home.toAnswer': plural({
    one: '{count} pytanie na dyżur',
    few: '{count} pytania na dyżury',
    many: '{count} pytań na dyżury',
    other: '{count} pytania na dyżury',
  }),

  'officeHours.error.noToken':
    'Otwórz tę stronę swoim linkiem osobistym (z zaproszenia) albo z panelu biura.',
  'officeHours.error.forbidden': 'Dyżury eksperta są dla miast rdzenia tej sieci: ten link ich nie otwiera.',
  'officeHours.error.linkEnded':
    'Ten link osobisty już nie działa (wymieniono go albo usunięto Cię z sieci).',
  'officeHours.error.notFound': 'Nie ma takiej sieci ani terminu.',
  'officeHours.error.invalid': 'Sprawdź pola formularza.',
  'officeHours.error.slotTaken': 'Ktoś przed chwilą zarezerwował ten termin. Wybierz inny.',
  'officeHours.error.slotPast': 'Ten termin już się zaczął albo minął.',
  'officeHours.error.slotCancelled': 'Ten termin odwołano. Wybierz inny.',
  'officeHours.error.notBooker': 'Rezerwację odwołuje tylko osoba, która jej dokonała.',
  'officeHours.error.bookingAnswered': 'Na to pytanie jest już odpowiedź: zostaje w dzienniku.',
  'officeHours.error.rateLimited': 'Za dużo działań naraz. Spróbuj za chwilę.',
  'officeHours.error.save': 'Nie udało się zapisać. Spróbuj jeszcze raz.',
} satisfies Record<string, Message>;
