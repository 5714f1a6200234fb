import {
  planActionResponseSchema,
  planResponseSchema,
  planReviewResponseSchema,
  planSeedResponseSchema,
  type CreatePlanActionRequest,
  type PlanAction,
  type PlanActionStatus,
  type PlanResponse,
  type PlanReviewResponse,
  type PlanSeedResponse,
  type UpdatePlanActionRequest,
} from '@empiria/shared';
import { apiRequest, authorized, fetchApi, saveBlob } from '../api/http';

/** The work plan's routes (docs/api.md, "Networks: work plan"), with the page's or the board's token. */

const base = (networkId: string) => `/api/networks/${encodeURIComponent(networkId)}/plan`;
const boardBase = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/plan`;

export function fetchPlan(networkId: string, token: string): Promise<PlanResponse> {
  return apiRequest(base(networkId), { token, schema: planResponseSchema });
}

export function seedPlan(networkId: string, token: string): Promise<PlanSeedResponse> {
  return apiRequest(`${base(networkId)}/seed`, { method: 'POST', token, schema: planSeedResponseSchema });
}

export async function createAction(
  networkId: string,
  body: CreatePlanActionRequest,
  token: string,
): Promise<PlanAction> {
  const { action } = await apiRequest(`${base(networkId)}/actions`, {
    method: 'POST',
    token,
    body,
    schema: planActionResponseSchema,
  });
  return action;
}

export async function updateAction(
  networkId: string,
  actionId: string,
  body: UpdatePlanActionRequest,
  token: string,
): Promise<PlanAction> {
  const { action } = await apiRequest(`${base(networkId)}/actions/${encodeURIComponent(actionId)}`, {
    method: 'PATCH',
    token,
    body,
    schema: planActionResponseSchema,
  });
  return action;
}

/** The Word file, fetched with the token (a plain link would carry none) and handed to the browser. */
export async function downloadPlanDocx(networkId: string, token: string): Promise<void> {
  const response = await fetchApi(`/api/networks/${encodeURIComponent(networkId)}/plan.docx`, {
    headers: authorized(token),
  });
  saveBlob(await response.blob(), 'plan-pracy.docx');
}

export function fetchReview(boardId: string, token: string): Promise<PlanReviewResponse> {
  return apiRequest(boardBase(boardId), { token, schema: planReviewResponseSchema });
}

export async function reviewStatus(
  boardId: string,
  actionId: string,
  status: PlanActionStatus,
  token: string,
): Promise<PlanAction> {
  const { action } = await apiRequest(`${boardBase(boardId)}/actions/${encodeURIComponent(actionId)}`, {
    method: 'PATCH',
    token,
    body: { status },
    schema: planActionResponseSchema,
  });
  return action;
}
