import { approvalResponseSchema, commentResponseSchema, draftResponseSchema } from '@empiria/shared';
import type {
  ApprovalRule,
  ApprovalState,
  DraftReport,
  Language,
  NotesExportFormat,
  SummaryComment,
} from '@empiria/shared';
import { apiRequest, authorized, fetchApi } from '../api/http';
import { filenameFromDisposition } from './summary-view';

/** The summary note's acts (docs/api.md, "Summary note"), each checked by the server. */

const base = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

/** Drafts the note in `language`: the person drafting edits it next, in the language they work in. */
export async function draftFromBoard(
  boardId: string,
  token: string,
  language: Language,
): Promise<DraftReport> {
  const answer = await apiRequest(`${base(boardId)}/summary/draft`, {
    method: 'POST',
    token,
    body: { language },
    schema: draftResponseSchema,
  });
  return answer.report;
}

export async function openApprovalRound(
  boardId: string,
  token: string,
  rule: ApprovalRule,
): Promise<ApprovalState> {
  const answer = await apiRequest(`${base(boardId)}/summary/versions`, {
    method: 'POST',
    token,
    body: { rule },
    schema: approvalResponseSchema,
  });
  return answer.approval;
}

export async function closeApprovalRound(
  boardId: string,
  token: string,
  versionId: string,
): Promise<ApprovalState> {
  const answer = await apiRequest(
    `${base(boardId)}/summary/versions/${encodeURIComponent(versionId)}/close`,
    { method: 'POST', token, schema: approvalResponseSchema },
  );
  return answer.approval;
}

export async function sendDecision(
  boardId: string,
  token: string,
  body: { versionId: string; decision: 'approve' | 'object'; reason?: string },
): Promise<ApprovalState> {
  const answer = await apiRequest(`${base(boardId)}/summary/decisions`, {
    method: 'POST',
    token,
    body,
    schema: approvalResponseSchema,
  });
  return answer.approval;
}

export async function sendConsent(
  boardId: string,
  token: string,
  body: { versionId: string; observers: boolean; public: boolean },
): Promise<ApprovalState> {
  const answer = await apiRequest(`${base(boardId)}/summary/consents`, {
    method: 'POST',
    token,
    body,
    schema: approvalResponseSchema,
  });
  return answer.approval;
}

export async function sendComment(
  boardId: string,
  token: string,
  body: { sectionId: string | null; kind: 'comment' | 'amendment'; text: string },
): Promise<SummaryComment> {
  const answer = await apiRequest(`${base(boardId)}/summary/comments`, {
    method: 'POST',
    token,
    body,
    schema: commentResponseSchema,
  });
  return answer.comment;
}

export interface ExportedNotes {
  blob: Blob;
  filename: string;
  /** The server sent an approved version (not the current draft). */
  approved: boolean;
}

/** GET /notes?format=…: the file as the server made it, with its file name. */
export async function fetchNotes(
  boardId: string,
  token: string,
  format: NotesExportFormat,
): Promise<ExportedNotes> {
  const response = await fetchApi(`${base(boardId)}/notes?format=${format}`, { headers: authorized(token) });
  return {
    blob: await response.blob(),
    filename: filenameFromDisposition(response.headers.get('content-disposition'), `notatka.${format}`),
    approved: response.headers.get('x-empiria-approved') === 'true',
  };
}
