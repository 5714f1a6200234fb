import type { Message, PluralMessage } from '../translate';

const plural = (forms: PluralMessage): PluralMessage => forms;

/** The network's surveys (`/n/<id>/surveys`), the home's "surveys to fill in" and the board's trust results. Polish first; `surveys.en.ts` has the same keys. */
export const surveysPl = {
  'surveys.eyebrow': 'Ankiety sieci',
  'surveys.lead':
    'Ankiety zaufania i oczekiwań przed pierwszym spotkaniem, krótka ewaluacja po każdym spotkaniu. Wyniki widzi cała sieć po zamknięciu ankiety.',
  'surveys.backToNetwork': '← Strona sieci',
  'surveys.backToHome': '← Moja strona',
  'surveys.backToList': '← Wszystkie ankiety',
  'surveys.kind.trust': 'Ankieta zaufania',
  'surveys.kind.expectations': 'Ankieta oczekiwań',
  'surveys.kind.evaluation': 'Ewaluacja spotkania',
  'surveys.status.draft': 'Szkic',
  'surveys.status.open': 'Otwarta',
  'surveys.status.closed': 'Zamknięta',
  'surveys.anonymous': 'Anonimowa',
  'surveys.named': 'Imienna',
  'surveys.anonymousHint':
    'Serwer nie zapisuje, kto udzielił której odpowiedzi — tylko to, że ktoś już odpowiedział.',
  'surveys.observersToo': 'Odpowiadają też miasta obserwatorzy',
  'surveys.respondents': plural({
    one: '{count} odpowiedź',
    few: '{count} odpowiedzi',
    many: '{count} odpowiedzi',
    other: '{count} odpowiedzi',
  }),
  'surveys.forMeeting': 'Spotkanie: {title}',
  'surveys.none': 'Nie ma jeszcze ankiet.',

  'surveys.new.heading': 'Nowa ankieta',
  'surveys.new.hint': 'Ankieta powstaje z gotowego zestawu pytań; możesz je zmienić, zanim ją otworzysz.',
  'surveys.new.kind': 'Rodzaj',
  'surveys.new.meeting': 'Spotkanie (dla ewaluacji)',
  'surveys.new.noMeeting': '— bez spotkania —',
  'surveys.new.create': 'Utwórz szkic',

  'surveys.edit.heading': 'Pytania',
  'surveys.edit.scale': 'Skala 1–5',
  'surveys.edit.open': 'Pytanie otwarte',
  'surveys.edit.textPl': 'Treść (polski)',
  'surveys.edit.textEn': 'Treść (angielski, opcjonalnie)',
  'surveys.edit.remove': 'Usuń pytanie',
  'surveys.edit.addScale': 'Dodaj pytanie ze skalą',
  'surveys.edit.addOpen': 'Dodaj pytanie otwarte',
  'surveys.edit.save': 'Zapisz pytania',
  'surveys.edit.saved': 'Zapisano.',
  'surveys.open': 'Otwórz ankietę',
  'surveys.openHint':
    'Po otwarciu pytań nie można już zmienić; ankieta pojawi się na stronach osób, które odpowiadają.',
  'surveys.close': 'Zamknij ankietę',
  'surveys.showResults': 'Wyniki',
  'surveys.answerLink': 'Wypełnij',

  'surveys.answer.scaleLegend': 'Skala od 1 ({low}) do 5 ({high}).',
  'surveys.answer.scaleLow': 'zdecydowanie nie',
  'surveys.answer.scaleHigh': 'zdecydowanie tak',
  'surveys.answer.openPlaceholder': 'Twoja odpowiedź (nieobowiązkowa)',
  'surveys.answer.submit': 'Wyślij odpowiedzi',
  'surveys.answer.missing': 'Zaznacz odpowiedź na każde pytanie ze skalą.',
  'surveys.answer.thanks': 'Dziękujemy — Twoje odpowiedzi zostały zapisane.',
  'surveys.answer.already': 'Ta ankieta ma już Twoje odpowiedzi.',
  'surveys.answer.notForYou': 'Na tę ankietę odpowiadają przedstawiciele miast sieci.',
  'surveys.answer.closed': 'Ankieta jest zamknięta.',
  'surveys.results.later': 'Wyniki zobaczysz po zamknięciu ankiety.',

  'surveys.results.heading': 'Wyniki',
  'surveys.results.mean': 'średnia {mean}',
  'surveys.results.noAnswers': 'Brak odpowiedzi.',
  'surveys.results.chartLabel': '{question}: rozkład odpowiedzi od 1 do 5',
  'surveys.results.bar': '{value}: {count}',
  'surveys.results.history': 'Wcześniej w tej sieci',
  'surveys.results.thisSurvey': 'ta ankieta',
  'surveys.results.historyLabel': '{question}: średnia w kolejnych ankietach',
  'surveys.results.historyPoint': '{date}: średnia {mean}',
  'surveys.results.withheld': plural({
    one: 'Wyniki pojawią się od {minimum} odpowiedzi, żeby nie dało się rozpoznać niczyjej. Na razie: {count} odpowiedź.',
    few: 'Wyniki pojawią się od {minimum} odpowiedzi, żeby nie dało się rozpoznać niczyjej. Na razie: {count} odpowiedzi.',
    many: 'Wyniki pojawią się od {minimum} odpowiedzi, żeby nie dało się rozpoznać niczyjej. Na razie: {count} odpowiedzi.',
    other:
      'Wyniki pojawią się od {minimum} odpowiedzi, żeby nie dało się rozpoznać niczyjej. Na razie: {count} odpowiedzi.',
  }),
  'surveys.results.openAnswers': plural({
    one: '{count} odpowiedź otwarta',
    few: '{count} odpowiedzi otwarte',
    many: '{count} odpowiedzi otwartych',
    other: '{count} odpowiedzi otwartych',
  }),

  'surveys.home.heading': 'Ankiety do wypełnienia',

  'surveys.board.heading': 'Wyniki ankiety zaufania',
  'surveys.board.none': 'Sieć nie ma jeszcze otwartej ankiety zaufania.',

  'surveys.error.noToken': 'Otwórz ankiety swoim linkiem osobistym.',
  'surveys.error.forbidden': 'Ten link nie otwiera ankiet tej sieci.',
  'surveys.error.notFound': 'Nie ma takiej ankiety.',
  'surveys.error.linkEnded': 'Ten link już nie działa. Poproś moderatora sieci o nowy.',
  'surveys.error.save': 'Nie udało się zapisać. Spróbuj ponownie.',
  'surveys.error.invalid': 'Sprawdź pytania: każde potrzebuje treści po polsku.',
} satisfies Record<string, Message>;
