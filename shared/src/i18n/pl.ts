import type { Message, PluralMessage } from './translate';

/** Marks a message with plural forms (and keeps the dictionary's value type uniform). */
const plural = (forms: PluralMessage): PluralMessage => forms;

/**
 * Polish is the source language: every key is defined here first, and `en.ts` must define the
 * same keys (the type checker enforces it). Keys are grouped by the screen they belong to.
 */
export const pl = {
  'app.name': 'Empiria',
  'app.tagline': 'Tablica do warsztatów sieci wymiany doświadczeń',

  'language.label': 'Język',
  'language.pl': 'Polski',
  'language.en': 'English',

  'role.facilitator': 'Koordynator-facylitator',
  'role.expert': 'Ekspert-moderator',
  'role.organiser': 'Opiekun organizacyjny',
  'role.participant': 'Uczestnik / uczestniczka',
  'role.observer': 'Obserwator',

  'common.loading': 'Wczytywanie…',
  'common.retry': 'Spróbuj ponownie',
  'common.cancel': 'Anuluj',
  'common.error.network': 'Brak połączenia z serwerem. Sprawdź sieć i spróbuj ponownie.',
  'common.error.generic': 'Coś poszło nie tak. Spróbuj ponownie.',

  'common.quoted': '„{text}”',

  'duration.minutes': '{minutes} min',
  'duration.hours': '{hours} godz.',
  'duration.hoursMinutes': '{hours} godz. {minutes} min',

  'step.region': 'Bieżący krok',
  'step.of': 'Krok {number} z {total}',
  'step.planned': 'plan: {duration}',
  'step.tools': 'Narzędzia w tym kroku',
  'step.loading': 'Wczytywanie kroku…',
  'step.notStarted.title': 'Za chwilę zaczynamy',
  'step.notStarted.body': 'Osoba prowadząca rozpocznie pierwszy krok.',
  'step.notStarted.lead': 'Kiedy grupa będzie gotowa, zacznij pierwszy krok.',
  'step.start': 'Zacznij krok 1',
  'step.next': 'Następny krok',
  'step.previous': 'Poprzedni krok',
  'step.last': 'To ostatni krok.',
  'step.leadNotes': 'Wskazówki dla prowadzących do tego kroku',
  'step.keys': 'Klawisze: Alt+→ dalej, Alt+← wstecz',
  'step.skip.question': 'Przejść od razu do kroku {number}: {title}?',
  'step.skip.detail': plural({
    one: 'Grupa pominie {count} krok: {titles}.',
    few: 'Grupa pominie {count} kroki: {titles}.',
    many: 'Grupa pominie {count} kroków: {titles}.',
    other: 'Grupa pominie {count} kroku: {titles}.',
  }),
  'step.skip.confirm': 'Tak, przejdź do kroku {number}',
  'step.skip.stay': 'Zostań przy kroku {number}',

  'agenda.heading': 'Agenda spotkania',
  'agenda.total': 'Razem: {duration}',
  'agenda.left': 'Zostało wg planu: {duration}',
  'agenda.done': 'zrobione',
  'agenda.now': 'teraz',
  'agenda.goTo': 'Przejdź do kroku {number}: {title}',
  'agenda.show': 'Pokaż agendę',
  'agenda.hide': 'Ukryj agendę',

  'tool.notes': 'Karteczki',
  'tool.private-writing': 'Pisanie indywidualne',
  'tool.dot-voting': 'Głosowanie kropkowe',
  'tool.timer': 'Minutnik',
  'tool.clustering': 'Grupowanie',
  'tool.poll': 'Szybka ankieta',
  'tool.consent': 'Decyzja przez zgodę',
  'tool.connectors': 'Strzałki',
  'tool.approval': 'Zatwierdzenie',
  'tool.votes': plural({
    one: '{count} głos na osobę',
    few: '{count} głosy na osobę',
    many: '{count} głosów na osobę',
    other: '{count} głosu na osobę',
  }),

  'guide.open': 'Opis formatu',
  'guide.close': 'Zamknij',
  'guide.eyebrow': 'Format pracy',
  'guide.goal': 'Cel',
  'guide.result': 'Rezultat',
  'guide.whenToUse': 'Kiedy stosować',
  'guide.steps': 'Kroki',
  'guide.summary': plural({
    one: '{count} krok · razem {duration}',
    few: '{count} kroki · razem {duration}',
    many: '{count} kroków · razem {duration}',
    other: '{count} kroku · razem {duration}',
  }),
  'guide.stepGoal': 'Cel kroku',
  'guide.instruction': 'Instrukcja dla uczestników i uczestniczek',
  'guide.notes': 'Technika i wskazówki dla prowadzących',
  'guide.tools': 'Narzędzia',
  'guide.noTools': 'rozmowa, bez narzędzi tablicy',
  'guide.current': 'bieżący krok',

  'follow.back': 'Wróć do grupy',
  'follow.where': 'Grupa jest na kroku {number}: {title}',

  'tidy.heading': 'Uporządkuj karteczki w polu',
  'tidy.hint': 'Układa karteczki równo, bez nakładania. Cofniesz to przez Ctrl+Z.',
  'tidy.zone': 'Uporządkuj: {zone}',
  'tidy.done': plural({
    one: 'Uporządkowano {count} karteczkę w polu {zone}.',
    few: 'Uporządkowano {count} karteczki w polu {zone}.',
    many: 'Uporządkowano {count} karteczek w polu {zone}.',
    other: 'Uporządkowano {count} karteczki w polu {zone}.',
  }),
  'tidy.empty': 'W polu {zone} nie ma karteczek.',

  'admin.heading': 'Tablice',
  'admin.subheading': 'Twórz tablice na spotkania sieci i rozsyłaj linki zaproszeń dla każdej roli.',
  'admin.noToken.title': 'Potrzebny jest link administratora',
  'admin.noToken.body':
    'Ta strona służy do tworzenia tablic. Otwórz ją linkiem administratora, który serwer Empirii wypisuje przy pierwszym uruchomieniu (zawiera „?admin=…”).',
  'admin.noToken.hint':
    'Osoba, która zainstalowała Empirię, znajdzie token w pliku „admin-token” w katalogu danych serwera.',
  'admin.noToken.participant': 'Masz link do tablicy? Otwórz go bezpośrednio — ta strona nie jest potrzebna.',
  'admin.badToken': 'Serwer nie przyjął tokenu administratora. Otwórz ponownie aktualny link administratora.',
  'admin.signOut': 'Zapomnij token na tym urządzeniu',
  'admin.create.heading': 'Nowa tablica',
  'admin.create.titleLabel': 'Tytuł tablicy',
  'admin.create.titlePlaceholder': 'np. Sieć „Zielone miasta” — spotkanie 3',
  'admin.create.formatLabel': 'Format pracy',
  'admin.create.submit': 'Utwórz tablicę',
  'admin.create.submitting': 'Tworzenie…',
  'admin.list.empty': 'Nie ma jeszcze żadnej tablicy. Utwórz pierwszą powyżej.',
  'admin.list.count': plural({
    one: '{count} tablica',
    few: '{count} tablice',
    many: '{count} tablic',
    other: '{count} tablicy',
  }),
  'admin.board.created': 'Utworzona {date}',
  'admin.board.open': 'Otwórz jako facylitator',
  'admin.invites.heading': 'Linki zaproszeń',
  'admin.invite.copy': 'Kopiuj link',
  'admin.invite.copied': 'Skopiowano',
  'admin.invite.copyFailed': 'Nie udało się skopiować — zaznacz link i skopiuj ręcznie.',
  'admin.invite.revoke': 'Nowy link (unieważnia stary)',
  'admin.invite.revokeQuestion':
    'Utworzyć nowy link dla roli „{role}”? Stary link przestanie działać, a osoby, które weszły przez niego, zostaną odłączone i będą potrzebować nowego linku.',
  'admin.invite.revokeConfirm': 'Tak, utwórz nowy link',
  'admin.invite.revoked': 'Nowy link jest gotowy. Stary już nie działa.',

  'join.heading': 'Dołącz do tablicy',
  'join.role': 'Twoja rola: {role}',
  'join.nameLabel': 'Imię i nazwisko',
  'join.namePlaceholder': 'np. Anna Kowalska',
  'join.cityLabel': 'Miasto',
  'join.cityPlaceholder': 'np. Lublin',
  'join.remember': 'Imię i miasto zapamiętamy na tym urządzeniu.',
  'join.submit': 'Wejdź na tablicę',
  'join.submitting': 'Wchodzenie…',
  'join.observerNote': 'Jako obserwator/ka widzisz tablicę, ale nie możesz jej zmieniać.',
  'join.sessionEnded':
    'Twoja sesja na tej tablicy wygasła albo link został zmieniony. Wpisz dane, aby wejść ponownie.',
  'join.invalidLink.title': 'Ten link nie działa',
  'join.invalidLink.body':
    'Link mógł zostać zastąpiony nowym albo jest niepełny. Poproś osobę prowadzącą spotkanie o aktualny link.',
  'join.notFound.title': 'Nie ma takiej tablicy',
  'join.notFound.body': 'Sprawdź, czy link jest kompletny, albo poproś osobę prowadzącą o nowy.',

  'board.loading': 'Wczytywanie tablicy…',
  'board.firstPage': 'Strona 1',
  'board.you': 'Ty',
  'board.readOnly': 'Tylko podgląd',
  'board.people.heading': 'Obecni',
  'board.people.count': plural({
    one: '{count} osoba',
    few: '{count} osoby',
    many: '{count} osób',
    other: '{count} osoby',
  }),
  'board.people.show': 'Pokaż listę obecnych',
  'board.people.hide': 'Ukryj listę obecnych',
  'board.brokenRecords': plural({
    one: 'Pominięto {count} uszkodzony element tablicy. Reszta działa normalnie.',
    few: 'Pominięto {count} uszkodzone elementy tablicy. Reszta działa normalnie.',
    many: 'Pominięto {count} uszkodzonych elementów tablicy. Reszta działa normalnie.',
    other: 'Pominięto {count} uszkodzonego elementu tablicy. Reszta działa normalnie.',
  }),
  'board.maxShapes':
    'Na tej stronie tablicy jest już {count} elementów — nowe nie zostały dodane. Usuń zbędne elementy albo przejdź na nową stronę.',
  'board.newerVersion':
    'Część tablicy zapisano nowszą wersją Empirii. Odśwież stronę, aby zobaczyć wszystko.',
  'board.reload': 'Odśwież stronę',
  'board.dismiss': 'Zamknij',
  'board.revoked': 'Link, przez który weszłaś/wszedłeś, został unieważniony. Poproś o nowy link.',

  'status.connecting': 'Łączenie…',
  'status.connected': 'Połączono',
  'status.reconnecting': 'Ponowne łączenie…',
  'status.offline': 'Offline',
  'status.allSent': 'wszystko zapisane',
  'status.pending': plural({
    one: '{count} zmiana czeka na wysłanie',
    few: '{count} zmiany czekają na wysłanie',
    many: '{count} zmian czeka na wysłanie',
    other: '{count} zmiany czeka na wysłanie',
  }),
  'status.savedLocally': 'Zmiany są zapisane na tym urządzeniu i zostaną wysłane po połączeniu.',
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof pl;
