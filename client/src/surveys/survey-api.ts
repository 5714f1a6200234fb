import {
  boardTrustResultsResponseSchema,
  pendingSurveysResponseSchema,
  surveyCreatedResponseSchema,
  surveyListResponseSchema,
  surveyResultsSchema,
  surveyWithViewerSchema,
  type BoardTrustResultsResponse,
  type CreateSurveyRequest,
  type PendingSurveysResponse,
  type SubmitSurveyAnswersRequest,
  type SurveyListResponse,
  type SurveyResults,
  type SurveyWithViewer,
  type UpdateSurveyRequest,
} from '@empiria/shared';
import { z } from 'zod';
import { apiRequest } from '../api/http';

/** The surveys' routes (docs/api.md, "Networks: surveys"), with the page's token. */

const base = (networkId: string) => `/api/networks/${encodeURIComponent(networkId)}/surveys`;
const one = (networkId: string, surveyId: string) => `${base(networkId)}/${encodeURIComponent(surveyId)}`;

export function fetchSurveys(networkId: string, token: string): Promise<SurveyListResponse> {
  return apiRequest(base(networkId), { token, schema: surveyListResponseSchema });
}

export async function createSurvey(
  networkId: string,
  body: CreateSurveyRequest,
  token: string,
): Promise<string> {
  const created = await apiRequest(base(networkId), {
    method: 'POST',
    token,
    body,
    schema: surveyCreatedResponseSchema,
  });
  return created.surveyId;
}

export function fetchSurvey(networkId: string, surveyId: string, token: string): Promise<SurveyWithViewer> {
  return apiRequest(one(networkId, surveyId), { token, schema: surveyWithViewerSchema });
}

export function updateSurvey(
  networkId: string,
  surveyId: string,
  body: UpdateSurveyRequest,
  token: string,
): Promise<SurveyWithViewer> {
  return apiRequest(one(networkId, surveyId), {
    method: 'PATCH',
    token,
    body,
    schema: surveyWithViewerSchema,
  });
}

export function setSurveyStatus(
  networkId: string,
  surveyId: string,
  act: 'open' | 'close',
  token: string,
): Promise<SurveyWithViewer> {
  return apiRequest(`${one(networkId, surveyId)}/${act}`, {
    method: 'POST',
    token,
    schema: surveyWithViewerSchema,
  });
}

export async function submitAnswers(
  networkId: string,
  surveyId: string,
  body: SubmitSurveyAnswersRequest,
  token: string,
): Promise<void> {
  await apiRequest(`${one(networkId, surveyId)}/answers`, {
    method: 'POST',
    token,
    body,
    schema: z.unknown(),
  });
}

export function fetchResults(networkId: string, surveyId: string, token: string): Promise<SurveyResults> {
  return apiRequest(`${one(networkId, surveyId)}/results`, { token, schema: surveyResultsSchema });
}

/** The home's "surveys to fill in", for the personal link's network. */
export function fetchPending(token: string): Promise<PendingSurveysResponse> {
  return apiRequest('/api/me/surveys', { token, schema: pendingSurveysResponseSchema });
}

/** The board's view: its network's latest trust survey, with the board session. */
export function fetchBoardTrustResults(boardId: string, token: string): Promise<BoardTrustResultsResponse> {
  return apiRequest(`/api/boards/${encodeURIComponent(boardId)}/surveys/trust-results`, {
    token,
    schema: boardTrustResultsResponseSchema,
  });
}
