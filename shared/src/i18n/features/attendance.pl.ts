import type { Message, PluralMessage } from '../translate';

const plural = (forms: PluralMessage): PluralMessage => forms;

/**
 * The organiser's attendance list of a meeting and the pair's grant to invite (issue #12 item 4,
 * [N18]–[N19]). Polish first; `attendance.en.ts` has the same keys.
 */
export const attendancePl = {
  'attendance.heading': 'Lista obecności',
  'attendance.summary': plural({
    one: '{count} osoba obecna',
    few: '{count} osoby obecne',
    many: '{count} osób obecnych',
    other: '{count} osoby obecnej',
  }),
  'attendance.notKept': 'jeszcze nieprowadzona',
  'attendance.kept': 'prowadzona',
  'attendance.intro':
    'Zaznacz, kto był w sali, kto online, a kto nie przyszedł. Lista zaczyna się od odpowiedzi na zaproszenia i od tego, kto dołączył do tablicy; gdy coś zaznaczysz, notatka ze spotkania i lista obecności w archiwum biorą obecność stąd.',
  'attendance.person': 'Osoba',
  'attendance.evidence': 'Co wiemy',
  'attendance.status': 'Obecność',
  'attendance.status.room': 'W sali',
  'attendance.status.online': 'Online',
  'attendance.status.absent': 'Nieobecność',
  'attendance.status.groupLabel': 'Obecność: {name}',
  'attendance.status.clear': 'Cofnij',
  'attendance.status.clearNamed': 'Cofnij zaznaczenie: {name}',
  'attendance.concluded.room': 'w sali',
  'attendance.concluded.online': 'online',
  'attendance.concluded.present': 'obecność, miejsce nieznane',
  'attendance.concluded.none': 'brak śladu obecności',
  'attendance.concluded.absent': 'nieobecność',
  'attendance.marked': 'zaznaczone',
  'attendance.suggested': 'z odpowiedzi lub tablicy',
  'attendance.unmarked': 'nie zaznaczono',
  'attendance.joined.room': 'na tablicy z sali',
  'attendance.joined.online': 'na tablicy online',
  'attendance.joined.unknown': 'na tablicy',
  'attendance.source.joined': 'bez zaproszenia',
  'attendance.source.substitute': 'zastępstwo bez zapowiedzi',
  'attendance.source.guest': 'gość spoza sieci',
  'attendance.observer': 'miasto obserwator',
  'attendance.remove': 'Usuń z listy',
  'attendance.removeNamed': 'Usuń z listy: {name}',
  'attendance.empty': 'Nikt nie jest zaproszony i nikt nie dołączył do tablicy.',

  'attendance.add.heading': 'Dodaj osobę, która przyszła bez zapowiedzi',
  'attendance.add.kind': 'Kto to jest',
  'attendance.add.kind.substitute': 'Zastępstwo z miasta członkowskiego',
  'attendance.add.kind.guest': 'Gość spoza sieci',
  'attendance.add.name': 'Imię i nazwisko',
  'attendance.add.city': 'Miasto',
  'attendance.add.chooseCity': '— wybierz miasto —',
  'attendance.add.institution': 'Instytucja',
  'attendance.add.where': 'Gdzie',
  'attendance.add.submit': 'Dodaj do listy',

  'attendance.grant.label': 'Opiekun organizacyjny może zapraszać na to spotkanie',
  'attendance.grant.hint':
    'Zmieniać listę zaproszonych i wysyłać zaproszenia — tylko na to spotkanie. Na pozostałe zaprasza para koordynator–ekspert.',
  'attendance.grant.given': 'Para koordynator–ekspert pozwoliła Ci zapraszać na to spotkanie.',

  'attendance.error.notOnList': 'Tej osoby nie ma już na liście. Lista została odświeżona.',
  'attendance.error.walkIn': 'Osobę dodaną ręcznie usuń z listy zamiast odznaczać.',
  'attendance.error.cityNotMember':
    'To miasto nie należy do sieci. Dodaj tę osobę jako gościa spoza sieci, z jej instytucją.',
  'attendance.error.generic': 'Nie udało się zapisać. Spróbuj jeszcze raz.',
} satisfies Record<string, Message>;
