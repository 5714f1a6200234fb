import {
  boardAccessResponseSchema,
  boardListResponseSchema,
  clientConfigSchema,
  createBoardResponseSchema,
  joinResponseSchema,
  revokeInviteResponseSchema,
} from '@empiria/shared';
import type {
  BoardAccessResponse,
  BoardListResponse,
  ClientConfig,
  CreateBoardRequest,
  CreateBoardResponse,
  JoinRequest,
  JoinResponse,
  RevokeInviteResponse,
  Role,
} from '@empiria/shared';
import { apiRequest } from './http';

/** The HTTP API of docs/api.md, one function per endpoint the client calls. */

export function fetchConfig(): Promise<ClientConfig> {
  return apiRequest('/api/config', { schema: clientConfigSchema });
}

export function listBoards(adminToken: string): Promise<BoardListResponse> {
  return apiRequest('/api/boards', { token: adminToken, schema: boardListResponseSchema });
}

export function createBoard(adminToken: string, body: CreateBoardRequest): Promise<CreateBoardResponse> {
  return apiRequest('/api/boards', {
    method: 'POST',
    token: adminToken,
    body,
    schema: createBoardResponseSchema,
  });
}

export function fetchBoardAccess(boardId: string, token: string): Promise<BoardAccessResponse> {
  return apiRequest(`/api/boards/${encodeURIComponent(boardId)}`, {
    token,
    schema: boardAccessResponseSchema,
  });
}

export function joinBoard(boardId: string, inviteToken: string, body: JoinRequest): Promise<JoinResponse> {
  return apiRequest(`/api/boards/${encodeURIComponent(boardId)}/join`, {
    method: 'POST',
    token: inviteToken,
    body,
    schema: joinResponseSchema,
  });
}

export function revokeInvite(boardId: string, role: Role, token: string): Promise<RevokeInviteResponse> {
  return apiRequest(`/api/boards/${encodeURIComponent(boardId)}/invites/${role}/revoke`, {
    method: 'POST',
    token,
    schema: revokeInviteResponseSchema,
  });
}
