import {
  meetingReportResponseSchema,
  type MeetingReportResponse,
  type ReturnReportRequest,
  type SaveReportRequest,
} from '@empiria/shared';
import { apiRequest, authorized, fetchApi, saveBlob } from '../api/http';

/** The report's routes (docs/api.md, "Meeting report"), with the network page's token. */

const base = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/report`;

export function fetchReport(meetingId: string, token: string): Promise<MeetingReportResponse> {
  return apiRequest(base(meetingId), { token, schema: meetingReportResponseSchema });
}

export function saveReport(
  meetingId: string,
  body: SaveReportRequest,
  token: string,
): Promise<MeetingReportResponse> {
  return apiRequest(base(meetingId), { method: 'PUT', token, body, schema: meetingReportResponseSchema });
}

export function submitReport(
  meetingId: string,
  body: SaveReportRequest,
  token: string,
): Promise<MeetingReportResponse> {
  return apiRequest(`${base(meetingId)}/submit`, {
    method: 'POST',
    token,
    body,
    schema: meetingReportResponseSchema,
  });
}

export function returnReport(
  meetingId: string,
  body: ReturnReportRequest,
  token: string,
): Promise<MeetingReportResponse> {
  return apiRequest(`${base(meetingId)}/return`, {
    method: 'POST',
    token,
    body,
    schema: meetingReportResponseSchema,
  });
}

/** The Word file is fetched with the token (a plain link would carry none) and handed to the browser. */
export async function downloadReportDocx(meetingId: string, token: string, language: string): Promise<void> {
  const response = await fetchApi(`${base(meetingId)}.docx?lang=${encodeURIComponent(language)}`, {
    headers: authorized(token),
  });
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  saveBlob(await response.blob(), name ?? 'sprawozdanie.docx');
}
