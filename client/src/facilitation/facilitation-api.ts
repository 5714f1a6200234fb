import {
  myBallotsSchema,
  privateNoteRemovedResponseSchema,
  privateNoteResponseSchema,
  privateNotesResponseSchema,
  privateWritingResponseSchema,
  raisedHandsResponseSchema,
  timerResponseSchema,
  votingResponseSchema,
} from '@empiria/shared';
import type {
  BallotRequest,
  MyBallots,
  PrivateNote,
  PrivateNoteInput,
  PrivateNotesResponse,
  PrivateWritingState,
  RaisedHand,
  TimerAction,
  TimerResponse,
  VoteSettingsInput,
  VotingState,
} from '@empiria/shared';
import { apiRequest } from '../api/http';

/**
 * The facilitation endpoints of docs/api.md ("Facilitation"), one function each. The server
 * checks every act and writes its outcome into the control document, which is where the screens
 * read it from; the answers here only serve the caller's own view (their ballots, their notes).
 */

const board = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

export function postTimer(boardId: string, token: string, action: TimerAction): Promise<TimerResponse> {
  return apiRequest(`${board(boardId)}/timer`, {
    method: 'POST',
    token,
    body: action,
    schema: timerResponseSchema,
  });
}

export function openVote(boardId: string, token: string, settings: VoteSettingsInput): Promise<VotingState> {
  return apiRequest(`${board(boardId)}/votes`, {
    method: 'POST',
    token,
    body: settings,
    schema: votingResponseSchema,
  }).then((answer) => answer.voting);
}

export function closeVote(boardId: string, token: string, sessionId: string): Promise<VotingState> {
  return apiRequest(`${board(boardId)}/votes/${encodeURIComponent(sessionId)}/close`, {
    method: 'POST',
    token,
    schema: votingResponseSchema,
  }).then((answer) => answer.voting);
}

export function castBallot(
  boardId: string,
  token: string,
  sessionId: string,
  targetId: string,
): Promise<MyBallots> {
  return apiRequest(`${board(boardId)}/votes/${encodeURIComponent(sessionId)}/ballots`, {
    method: 'POST',
    token,
    body: { targetId } satisfies BallotRequest,
    schema: myBallotsSchema,
  });
}

export function withdrawBallot(
  boardId: string,
  token: string,
  sessionId: string,
  targetId: string,
): Promise<MyBallots> {
  return apiRequest(
    `${board(boardId)}/votes/${encodeURIComponent(sessionId)}/ballots/${encodeURIComponent(targetId)}`,
    { method: 'DELETE', token, schema: myBallotsSchema },
  );
}

export function fetchMyBallots(boardId: string, token: string, sessionId: string): Promise<MyBallots> {
  return apiRequest(`${board(boardId)}/votes/${encodeURIComponent(sessionId)}/mine`, {
    token,
    schema: myBallotsSchema,
  });
}

export function startPrivateWriting(
  boardId: string,
  token: string,
  stepId: string | null,
): Promise<PrivateWritingState> {
  return apiRequest(`${board(boardId)}/private-writing`, {
    method: 'POST',
    token,
    body: { stepId },
    schema: privateWritingResponseSchema,
  }).then((answer) => answer.privateWriting);
}

export function revealPrivateWriting(boardId: string, token: string): Promise<PrivateWritingState> {
  return apiRequest(`${board(boardId)}/private-writing/reveal`, {
    method: 'POST',
    token,
    schema: privateWritingResponseSchema,
  }).then((answer) => answer.privateWriting);
}

export function putPrivateNote(boardId: string, token: string, note: PrivateNoteInput): Promise<PrivateNote> {
  return apiRequest(`${board(boardId)}/private-notes/${encodeURIComponent(note.id)}`, {
    method: 'PUT',
    token,
    body: note,
    schema: privateNoteResponseSchema,
  }).then((answer) => answer.note);
}

export function deletePrivateNote(boardId: string, token: string, noteId: string): Promise<void> {
  return apiRequest(`${board(boardId)}/private-notes/${encodeURIComponent(noteId)}`, {
    method: 'DELETE',
    token,
    schema: privateNoteRemovedResponseSchema,
  }).then(() => undefined);
}

export function fetchPrivateNotes(boardId: string, token: string): Promise<PrivateNotesResponse> {
  return apiRequest(`${board(boardId)}/private-notes`, { token, schema: privateNotesResponseSchema });
}

export function setHand(boardId: string, token: string, raised: boolean): Promise<RaisedHand[]> {
  return apiRequest(`${board(boardId)}/hand`, {
    method: 'POST',
    token,
    body: { raised },
    schema: raisedHandsResponseSchema,
  }).then((answer) => answer.hands);
}

export function lowerHand(boardId: string, token: string, personId: string): Promise<RaisedHand[]> {
  return apiRequest(`${board(boardId)}/hands/${encodeURIComponent(personId)}/lower`, {
    method: 'POST',
    token,
    schema: raisedHandsResponseSchema,
  }).then((answer) => answer.hands);
}
