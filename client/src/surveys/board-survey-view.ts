import type { BoardSurveysResponse, BoardSurveysState, SurveyWithViewer } from '@empiria/shared';

/**
 * What the board's surveys panel and prompt show, from the server's list and the control
 * document's `boardSurveys`. Pure: the components only draw it.
 */

/** The surveys this person can still answer here. */
export function surveysToAnswer(list: BoardSurveysResponse | null): SurveyWithViewer[] {
  return list?.surveys.filter((entry) => entry.viewer.canAnswer) ?? [];
}

/** The survey the pair asks the room to answer, as this person sees it (null: none asked, or not listed yet). */
export function askedSurvey(
  list: BoardSurveysResponse | null,
  state: BoardSurveysState,
): SurveyWithViewer | null {
  const asked = state.asked;
  if (!asked || !list) return null;
  return list.surveys.find((entry) => entry.survey.id === asked.surveyId) ?? null;
}

/**
 * The survey to prompt this person for: the one asked, while they can answer it and have not put
 * this request off ("Później" remembers the request's time, so asking again prompts again).
 */
export function surveyToPrompt(
  list: BoardSurveysResponse | null,
  state: BoardSurveysState,
  putOffAt: number | null,
): SurveyWithViewer | null {
  const asked = askedSurvey(list, state);
  if (!asked || !asked.viewer.canAnswer) return null;
  return state.asked?.at === putOffAt ? null : asked;
}

/** The survey whose results the room sees, as listed (null: none shown). */
export function shownSurvey(
  list: BoardSurveysResponse | null,
  state: BoardSurveysState,
): SurveyWithViewer | null {
  const shown = state.shown;
  if (!shown || !list) return null;
  return list.surveys.find((entry) => entry.survey.id === shown.surveyId) ?? null;
}
