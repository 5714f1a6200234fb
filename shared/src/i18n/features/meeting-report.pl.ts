import type { Message, PluralMessage } from '../translate';

const plural = (forms: PluralMessage): PluralMessage => forms;

/**
 * The facilitator's report after a meeting (`/n/<id>/meetings/<mid>/report`), its Word file, the
 * "Sprawozdanie" link on the network page and the office overview's column. Polish first;
 * `meeting-report.en.ts` has the same keys.
 */
export const meetingReportPl = {
  'report.eyebrow': 'Sprawozdanie ze spotkania',
  'report.lead':
    'Formularz biura ZMP, który koordynator wypełnia po każdym spotkaniu. Wstępnie uzupełniliśmy go tym, co wiadomo ze spotkania i jego tablicy — popraw, dopisz trudności i złóż w biurze.',
  'report.backToNetwork': '← Strona sieci',
  'report.open': 'Sprawozdanie',
  'report.openFor': 'Sprawozdanie ze spotkania „{title}”',

  'report.status.new': 'Nowe, jeszcze niezapisane',
  'report.status.draft': 'Wersja robocza',
  'report.status.submitted': 'Złożone w biurze',
  'report.deadline.not-held': 'Spotkanie jeszcze się nie odbyło: sprawozdanie pisze się po nim.',
  'report.deadline.due': 'Termin złożenia: {date}',
  'report.deadline.overdue': 'Po terminie — minął {date}',
  'report.deadline.submitted': 'Złożone {date}, {name}',

  'report.section.planned': 'Co planowano',
  'report.section.happened': 'Co się wydarzyło',
  'report.section.attendance': 'Obecność',
  'report.section.agenda': 'Czas: plan i rzeczywistość',
  'report.section.results': 'Rezultaty',
  'report.section.difficulties': 'Trudności',
  'report.section.nextSteps': 'Dalsze kroki',
  'report.section.photos': 'Zdjęcia arkuszy',

  'report.hint.planned': 'Z programu spotkania.',
  'report.hint.happened': 'Przebieg spotkania własnymi słowami: co poszło zgodnie z planem, co inaczej.',
  'report.hint.attendance':
    'Z listy obecności prowadzonej przez opiekuna; dopóki jej nie prowadzono — z odpowiedzi na zaproszenia i wejść na tablicę.',
  'report.hint.agenda':
    'Plan z programu spotkania, czas faktyczny z tablicy (kiedy grupa przechodziła do kolejnych kroków). Końca ostatniego punktu tablica nie zna: wpisz jego czas sam(a); każdy czas możesz poprawić.',
  'report.hint.results': 'Z zatwierdzonej notatki: decyzje i wnioski.',
  'report.hint.resultsNoNote':
    'Notatka ze spotkania nie jest jeszcze zatwierdzona, więc nic tu nie przepisaliśmy: wpisz rezultaty albo wróć po zatwierdzeniu.',
  'report.hint.difficulties': 'Co utrudniało pracę: frekwencja, technika, czas, temat.',
  'report.hint.nextSteps': 'Z zatwierdzonej notatki: dalsze kroki.',
  'report.hint.nextStepsNoNote':
    'Notatka nie jest jeszcze zatwierdzona: wpisz dalsze kroki, które ustaliła grupa.',

  'report.attendance.count': plural({
    one: '{count} osoba obecna',
    few: '{count} osoby obecne',
    many: '{count} osób obecnych',
    other: '{count} osoby obecnej',
  }),
  'report.attendance.none': 'Nikt nie jest odnotowany jako obecny.',
  'report.attendance.name': 'Imię i nazwisko',
  'report.attendance.city': 'Miasto',
  'report.attendance.where': 'Obecność',
  'report.where.room': 'na sali',
  'report.where.online': 'online',
  'report.where.present': 'obecna/obecny',

  'report.agenda.item': 'Punkt programu',
  'report.agenda.planned': 'Plan (min)',
  'report.agenda.actual': 'Faktycznie (min)',
  'report.agenda.comment': 'Uwagi',
  'report.agenda.total': 'Razem',
  'report.agenda.notMeasured': 'nie zmierzono',
  'report.agenda.none': 'Spotkanie nie ma programu.',
  'report.agenda.actualOf': 'Faktyczny czas: {item}',
  'report.agenda.partial':
    'Czas faktyczny zmierzono dla {measured} z {count} punktów programu; plan dla nich to {planned} min.',
  'report.agenda.commentOf': 'Uwagi: {item}',

  'report.photos.count': plural({
    one: '{count} zdjęcie arkusza z tablicy',
    few: '{count} zdjęcia arkuszy z tablicy',
    many: '{count} zdjęć arkuszy z tablicy',
    other: '{count} zdjęcia arkuszy z tablicy',
  }),
  'report.photos.none': 'Na tablicy nie ma zdjęć arkuszy.',
  'report.photos.line': '{author}, {time}',

  'report.save.idle': 'Zmiany zapisują się same.',
  'report.save.pending': 'Niezapisane zmiany…',
  'report.save.saving': 'Zapisywanie…',
  'report.save.saved': 'Zapisano o {time}.',
  'report.submit': 'Złóż sprawozdanie w biurze',
  'report.submitting': 'Składanie…',
  'report.submittedNote':
    'Sprawozdanie jest w biurze ZMP. Zmienić je można dopiero, gdy biuro zwróci je do poprawy.',
  'report.docx': 'Pobierz jako Word (.docx)',
  'report.readOnly': 'Sprawozdanie piszą koordynator i eksperci sieci; tutaj możesz je przeczytać.',
  'report.returned': 'Biuro zwróciło sprawozdanie do poprawy ({date}): „{reason}”',
  'report.return.open': 'Zwróć do poprawy',
  'report.return.reason': 'Co poprawić?',
  'report.return.send': 'Zwróć sprawozdanie',
  'report.return.cancel': 'Anuluj',

  'report.error.load': 'Nie udało się wczytać sprawozdania.',
  'report.error.stale':
    'W międzyczasie ktoś inny zapisał sprawozdanie. Wczytaj je ponownie; skopiuj wcześniej swoje zmiany, jeśli są Ci potrzebne.',
  'report.error.alreadySubmitted': 'Sprawozdanie zostało już złożone w biurze.',
  'report.error.notHeld': 'Spotkanie jeszcze się nie odbyło.',
  'report.error.forbidden': 'Sprawozdanie czytają osoby prowadzące sieć, opiekun organizacyjny i biuro.',
  'report.error.save': 'Nie udało się zapisać sprawozdania. Spróbuj ponownie.',
  'report.reload': 'Wczytaj ponownie',

  'report.office.col': 'Sprawozdania',
  'report.office.submitted': plural({
    one: '{count} złożone',
    few: '{count} złożone',
    many: '{count} złożonych',
    other: '{count} złożonego',
  }),
  'report.office.due': 'do złożenia:',
  'report.office.overdue': 'po terminie:',
  'report.office.noneHeld': 'brak odbytych spotkań',

  'report.docx.title': 'Sprawozdanie koordynatora ze spotkania sieci',
  'report.docx.network': 'Sieć',
  'report.docx.meeting': 'Spotkanie',
  'report.docx.date': 'Data spotkania',
  'report.docx.status': 'Stan',
  'report.docx.updated': 'Ostatnia zmiana',
  'report.docx.photoLine': 'Zdjęcie {id}: {author}, {time}',
} satisfies Record<string, Message>;
