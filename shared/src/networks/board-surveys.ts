import { z } from 'zod';
import { isLeadRole, isReadOnlyRole, type Role } from '../roles';
import { entityIdSchema } from './network-api';
import { surveyKindSchema, surveyWithViewerSchema } from './survey-api';

/**
 * Surveys on a meeting's board (issue #13 item 3: "answered from the personal home or a board,
 * results shown as charts on the board"; rules SV6–SV7 in docs/permissions.md). The pair asks the
 * room to answer a survey (at the end of a meeting, its evaluation) and shows a survey's results
 * to the room; both are the board's shared state, kept in the control document under
 * `boardSurveys`, written by the server from the pair's checked requests (docs/decisions.md D20).
 */

/** One survey the pair has put before the room, and when (ms since epoch, the server's clock). */
export const boardSurveyMarkSchema = z.object({
  surveyId: entityIdSchema,
  kind: surveyKindSchema,
  at: z.number().int().min(0),
});
export type BoardSurveyMark = z.infer<typeof boardSurveyMarkSchema>;

/** The control document's `boardSurveys`: what the room is asked to answer, whose results it sees. */
export const boardSurveysStateSchema = z.object({
  asked: boardSurveyMarkSchema.nullable(),
  shown: boardSurveyMarkSchema.nullable(),
});
export type BoardSurveysState = z.infer<typeof boardSurveysStateSchema>;

export const NO_BOARD_SURVEYS: BoardSurveysState = { asked: null, shown: null };

/**
 * `GET /api/boards/:id/surveys` and the answer to the pair's acts: the surveys of the board's
 * network this person sees on the board, each with what they may do.
 */
export const boardSurveysResponseSchema = z.object({
  /** The board's meeting, whose evaluation the pair asks for. */
  meeting: z.object({ id: entityIdSchema, title: z.string() }),
  /** The pair: asks the room, shows results ([SV7]). */
  canManage: z.boolean(),
  /**
   * Whether this board session answers as a person of the network: one opened from a personal
   * link ("Moja strona") does; one made with the board's invite link names nobody the
   * one-answer-per-person rule could hold ([SV7]).
   */
  answersAsPerson: z.boolean(),
  surveys: z.array(surveyWithViewerSchema),
});
export type BoardSurveysResponse = z.infer<typeof boardSurveysResponseSchema>;

/** `POST /api/boards/:id/surveys/ask`: left without a survey, this meeting's evaluation. */
export const askBoardSurveyRequestSchema = z.object({ surveyId: entityIdSchema.optional() }).strict();
export type AskBoardSurveyRequest = z.infer<typeof askBoardSurveyRequestSchema>;

/** `POST /api/boards/:id/surveys/show`: the survey whose results the room sees. */
export const showBoardSurveyRequestSchema = z.object({ surveyId: entityIdSchema }).strict();
export type ShowBoardSurveyRequest = z.infer<typeof showBoardSurveyRequestSchema>;

export const BOARD_SURVEY_ERROR_CODES = {
  /** [SV7] the session was not opened from a personal link of the board's network. */
  notFromHome: 'not_from_home',
  /** [SV7] the board is no meeting of a network: it has no surveys. */
  noNetwork: 'no_network',
} as const;

/** [SV7] the board's facilitator and experts ask the room and show results. */
export function mayManageBoardSurveys(role: Role): boolean {
  return isLeadRole(role);
}

/** [SV7] the surveys panel is for those who work on the board: not observers or the room display. */
export function maySeeBoardSurveys(role: Role): boolean {
  return !isReadOnlyRole(role);
}

/**
 * [SV7] who reads a survey's results on the board: the pair at any time ([SV4]); everyone working
 * on it, and the room display, while the pair shows that survey. Nothing else: a board also has
 * guests and people who came with the board's invite, who are not the network [SV4] opens closed
 * results to; those read them on their home. Observers follow a stream of what the group shares,
 * and this is not part of it. [SV6] still applies.
 */
export function mayReadBoardSurveyResults(
  role: Role,
  survey: { id: string },
  state: BoardSurveysState,
): boolean {
  if (role === 'observer') return false;
  if (mayManageBoardSurveys(role)) return true;
  return state.shown?.surveyId === survey.id;
}
