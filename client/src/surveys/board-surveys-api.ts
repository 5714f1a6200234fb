import {
  boardSurveysResponseSchema,
  surveyResultsSchema,
  type BoardSurveysResponse,
  type SubmitSurveyAnswersRequest,
  type SurveyResults,
} from '@empiria/shared';
import { z } from 'zod';
import { apiRequest } from '../api/http';

/** The board's surveys routes (docs/api.md, "Boards: surveys"), with the board session. */

const base = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/surveys`;

export function fetchBoardSurveys(boardId: string, token: string): Promise<BoardSurveysResponse> {
  return apiRequest(base(boardId), { token, schema: boardSurveysResponseSchema });
}

export async function submitBoardAnswers(
  boardId: string,
  surveyId: string,
  body: SubmitSurveyAnswersRequest,
  token: string,
): Promise<void> {
  await apiRequest(`${base(boardId)}/${encodeURIComponent(surveyId)}/answers`, {
    method: 'POST',
    token,
    body,
    schema: z.unknown(),
  });
}

export function fetchBoardSurveyResults(
  boardId: string,
  surveyId: string,
  token: string,
): Promise<SurveyResults> {
  return apiRequest(`${base(boardId)}/${encodeURIComponent(surveyId)}/results`, {
    token,
    schema: surveyResultsSchema,
  });
}

/** The pair asks the room to answer a survey; without one, the meeting's evaluation. */
export function askBoardSurvey(
  boardId: string,
  surveyId: string | undefined,
  token: string,
): Promise<BoardSurveysResponse> {
  return apiRequest(`${base(boardId)}/ask`, {
    method: 'POST',
    token,
    body: surveyId === undefined ? {} : { surveyId },
    schema: boardSurveysResponseSchema,
  });
}

export function stopAskingBoardSurvey(boardId: string, token: string): Promise<BoardSurveysResponse> {
  return apiRequest(`${base(boardId)}/ask`, { method: 'DELETE', token, schema: boardSurveysResponseSchema });
}

export function showBoardSurvey(
  boardId: string,
  surveyId: string,
  token: string,
): Promise<BoardSurveysResponse> {
  return apiRequest(`${base(boardId)}/show`, {
    method: 'POST',
    token,
    body: { surveyId },
    schema: boardSurveysResponseSchema,
  });
}

export function hideBoardSurvey(boardId: string, token: string): Promise<BoardSurveysResponse> {
  return apiRequest(`${base(boardId)}/show`, { method: 'DELETE', token, schema: boardSurveysResponseSchema });
}
