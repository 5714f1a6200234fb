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
