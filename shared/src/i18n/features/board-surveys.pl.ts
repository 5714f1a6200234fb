import type { Message, PluralMessage } from '../translate';

const plural = (forms: PluralMessage): PluralMessage => forms;

/** Surveys on a meeting's board: the "Ankiety" panel, the pair's request to the room, results shown to everyone. Polish first; `board-surveys.en.ts` has the same keys. */
export const boardSurveysPl = {
  'boardSurveys.button': 'Ankiety',
  'boardSurveys.buttonPending': plural({
    one: 'Ankiety: {count} do wypełnienia',
    few: 'Ankiety: {count} do wypełnienia',
    many: 'Ankiety: {count} do wypełnienia',
    other: 'Ankiety: {count} do wypełnienia',
  }),
  'boardSurveys.heading': 'Ankiety',
  'boardSurveys.close': 'Zamknij ankiety',
  'boardSurveys.loading': 'Wczytuję ankiety…',
  'boardSurveys.none': 'Sieć nie ma teraz otwartych ankiet.',
  'boardSurveys.toAnswer': 'Do wypełnienia',
  'boardSurveys.answer': 'Wypełnij',
  'boardSurveys.back': '← Wszystkie ankiety',
  'boardSurveys.answered': 'Odpowiedziano — dziękujemy.',
  'boardSurveys.notFromHome':
    'Na ankiety odpowiadasz jako osoba z sieci: otwórz tablicę ze swojej strony (link osobisty) albo wypełnij ankietę tam.',

  'boardSurveys.prompt': 'Osoby prowadzące proszą o wypełnienie ankiety: {survey}.',
  'boardSurveys.promptOpen': 'Wypełnij teraz',
  'boardSurveys.promptLater': 'Później',

  'boardSurveys.lead.heading': 'Prośba do sali',
  'boardSurveys.lead.askEvaluation': 'Poproś o ewaluację spotkania',
  'boardSurveys.lead.askEvaluationHint':
    'Wszyscy na tablicy zobaczą prośbę i formularz. Jeśli spotkanie nie ma jeszcze ewaluacji, powstanie z szablonu (anonimowa) i zostanie otwarta.',
  'boardSurveys.lead.asking': 'Sala wypełnia: {survey}',
  'boardSurveys.lead.count': plural({
    one: '{count} osoba odpowiedziała',
    few: '{count} osoby odpowiedziały',
    many: '{count} osób odpowiedziało',
    other: '{count} osoby odpowiedziało',
  }),
  'boardSurveys.lead.countHint': 'Widzisz tylko liczbę odpowiedzi, nie to, kto odpowiedział.',
  'boardSurveys.lead.stopAsking': 'Zakończ prośbę',
  'boardSurveys.lead.ask': 'Poproś salę',
  'boardSurveys.lead.show': 'Pokaż wyniki sali',
  'boardSurveys.lead.hide': 'Ukryj wyniki',
  'boardSurveys.lead.showing': 'Sala widzi wyniki',
  'boardSurveys.lead.others': 'Ankiety sieci',

  'boardSurveys.results.heading': 'Wyniki: {survey}',
  'boardSurveys.results.shownBy': 'Osoby prowadzące pokazują wyniki całej sali.',

  'boardSurveys.error.load': 'Nie udało się wczytać ankiet. Spróbuj ponownie.',
  'boardSurveys.error.noNetwork': 'Ta tablica nie należy do spotkania sieci, więc nie ma ankiet.',
  'boardSurveys.error.closed':
    'Ewaluacja tego spotkania jest już zamknięta. Nową utworzysz na stronie ankiet sieci.',
} satisfies Record<string, Message>;
