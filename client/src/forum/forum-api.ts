import {
  forumCreatedResponseSchema,
  forumResponseSchema,
  forumThreadResponseSchema,
  forumUnreadResponseSchema,
  type CreateForumThreadRequest,
  type ForumAgendaRequest,
  type ForumConversion,
  type ForumCreatedResponse,
  type ForumResponse,
  type ForumThreadResponse,
  type ForumUnreadResponse,
  forumConversionResponseSchema,
  forumPostDeletedResponseSchema,
} from '@empiria/shared';
import { z } from 'zod';
import { apiRequest } from '../api/http';

/** The forum's routes (docs/api.md, "Network forum"), with the page's token. */

const base = (networkId: string) => `/api/networks/${encodeURIComponent(networkId)}/forum`;
const nothing = z.unknown();

export function fetchForum(networkId: string, token: string): Promise<ForumResponse> {
  return apiRequest(base(networkId), { token, schema: forumResponseSchema });
}

export function fetchThread(
  networkId: string,
  threadId: string,
  token: string,
): Promise<ForumThreadResponse> {
  return apiRequest(`${base(networkId)}/threads/${encodeURIComponent(threadId)}`, {
    token,
    schema: forumThreadResponseSchema,
  });
}

export function openThread(
  networkId: string,
  body: CreateForumThreadRequest,
  token: string,
): Promise<ForumCreatedResponse> {
  return apiRequest(`${base(networkId)}/threads`, {
    method: 'POST',
    token,
    body,
    schema: forumCreatedResponseSchema,
  });
}

export function replyTo(networkId: string, threadId: string, body: string, token: string) {
  return apiRequest(`${base(networkId)}/threads/${encodeURIComponent(threadId)}/posts`, {
    method: 'POST',
    token,
    body: { body },
    schema: forumCreatedResponseSchema,
  });
}

export async function markRead(networkId: string, threadId: string, upToSeq: number, token: string) {
  await apiRequest(`${base(networkId)}/threads/${encodeURIComponent(threadId)}/read`, {
    method: 'PUT',
    token,
    body: { upToSeq },
    schema: nothing,
  });
}

export async function editPost(networkId: string, postId: string, body: string, token: string) {
  await apiRequest(`${base(networkId)}/posts/${encodeURIComponent(postId)}`, {
    method: 'PATCH',
    token,
    body: { body },
    schema: nothing,
  });
}

export function deletePost(networkId: string, postId: string, token: string) {
  return apiRequest(`${base(networkId)}/posts/${encodeURIComponent(postId)}`, {
    method: 'DELETE',
    token,
    schema: forumPostDeletedResponseSchema,
  });
}

export async function setPostHidden(networkId: string, postId: string, hidden: boolean, token: string) {
  await apiRequest(`${base(networkId)}/posts/${encodeURIComponent(postId)}/hidden`, {
    method: 'PUT',
    token,
    body: { hidden },
    schema: nothing,
  });
}

export async function putOnAgenda(
  networkId: string,
  threadId: string,
  body: ForumAgendaRequest,
  token: string,
): Promise<ForumConversion> {
  const answer = await apiRequest(`${base(networkId)}/threads/${encodeURIComponent(threadId)}/agenda`, {
    method: 'POST',
    token,
    body,
    schema: forumConversionResponseSchema,
  });
  return answer.conversion;
}

/** The home's notification: unread posts in the personal link's network. */
export function fetchUnread(token: string): Promise<ForumUnreadResponse> {
  return apiRequest('/api/me/forum', { token, schema: forumUnreadResponseSchema });
}
