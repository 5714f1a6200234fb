import {
  officeHoursLogResponseSchema,
  officeHoursResponseSchema,
  officeHoursSeriesCreatedSchema,
  type CreateOfficeHoursSeriesRequest,
  type OfficeHoursLogResponse,
  type OfficeHoursResponse,
  type OfficeHoursSeriesCreated,
} from '@empiria/shared';
import { z } from 'zod';
import { apiRequest } from '../api/http';

/** The office hours' routes (docs/api.md, "Networks: office hours"), with the page's token. */

const base = (networkId: string) => `/api/networks/${encodeURIComponent(networkId)}/office-hours`;
const slot = (networkId: string, slotId: string) => `${base(networkId)}/slots/${encodeURIComponent(slotId)}`;
const nothing = z.unknown();

export function fetchOfficeHours(networkId: string, token: string): Promise<OfficeHoursResponse> {
  return apiRequest(base(networkId), { token, schema: officeHoursResponseSchema });
}

export function publishSeries(
  networkId: string,
  series: CreateOfficeHoursSeriesRequest,
  token: string,
): Promise<OfficeHoursSeriesCreated> {
  return apiRequest(base(networkId), {
    method: 'POST',
    token,
    body: series,
    schema: officeHoursSeriesCreatedSchema,
  });
}

export async function cancelSlot(networkId: string, slotId: string, token: string): Promise<void> {
  await apiRequest(slot(networkId, slotId), { method: 'DELETE', token, schema: nothing });
}

export async function book(
  networkId: string,
  slotId: string,
  question: string,
  token: string,
): Promise<void> {
  await apiRequest(`${slot(networkId, slotId)}/booking`, {
    method: 'POST',
    token,
    body: { question },
    schema: nothing,
  });
}

export async function withdrawBooking(networkId: string, slotId: string, token: string): Promise<void> {
  await apiRequest(`${slot(networkId, slotId)}/booking`, { method: 'DELETE', token, schema: nothing });
}

export async function answer(networkId: string, slotId: string, text: string, token: string): Promise<void> {
  await apiRequest(`${slot(networkId, slotId)}/answer`, {
    method: 'PUT',
    token,
    body: { answer: text },
    schema: nothing,
  });
}

export function fetchLog(networkId: string, query: string, token: string): Promise<OfficeHoursLogResponse> {
  const search = query.trim() === '' ? '' : `?q=${encodeURIComponent(query.trim())}`;
  return apiRequest(`${base(networkId)}/log${search}`, { token, schema: officeHoursLogResponseSchema });
}
