import {
  boardListResponseSchema,
  createdResponseSchema,
  createMeetingResponseSchema,
  homeResponseSchema,
  hostSuggestionSchema,
  invitationListResponseSchema,
  networkDetailSchema,
  personalLinkResponseSchema,
  type AddMemberRequest,
  type AddPersonRequest,
  type CreateMeetingRequest,
  type CreateNetworkRequest,
  type MembershipType,
  type UpdateMeetingRequest,
  type UpdateNetworkRequest,
  memberCityResponseSchema,
  meetingResponseSchema,
  networkPersonResponseSchema,
  networkResponseSchema,
} from '@empiria/shared';
import { z } from 'zod';
import { apiRequest, authorized, fetchApi } from '../api/http';

/**
 * The network page's calls to the networks API (docs/api.md, "Networks"), one function per
 * endpoint. The token is the office's admin token or a person's personal token; the server
 * decides what each may do (N1–N5).
 */

const base = (networkId: string) => `/api/networks/${encodeURIComponent(networkId)}`;
const meetingPath = (networkId: string, meetingId: string) =>
  `${base(networkId)}/meetings/${encodeURIComponent(meetingId)}`;
/** A 204 answer has no body; the helper reads it as null. */
const noContent = z.null();

export const createNetwork = (token: string, body: CreateNetworkRequest) =>
  apiRequest('/api/networks', { method: 'POST', token, body, schema: createdResponseSchema });

export const fetchNetwork = (token: string, networkId: string) =>
  apiRequest(base(networkId), { token, schema: networkDetailSchema });

/** Who a personal token belongs to (its person and role); the admin token has no home. */
export const fetchMe = (token: string) => apiRequest('/api/me', { token, schema: homeResponseSchema });

export const updateNetwork = (token: string, networkId: string, body: UpdateNetworkRequest) =>
  apiRequest(base(networkId), {
    method: 'PATCH',
    token,
    body,
    schema: networkResponseSchema,
  });

export const addMember = (token: string, networkId: string, body: AddMemberRequest) =>
  apiRequest(`${base(networkId)}/members`, {
    method: 'POST',
    token,
    body,
    schema: memberCityResponseSchema,
  });

export const changeMembership = (
  token: string,
  networkId: string,
  cityId: string,
  membership: MembershipType,
) =>
  apiRequest(`${base(networkId)}/members/${encodeURIComponent(cityId)}`, {
    method: 'PATCH',
    token,
    body: { membership },
    schema: memberCityResponseSchema,
  });

export const removeMember = (token: string, networkId: string, cityId: string) =>
  apiRequest(`${base(networkId)}/members/${encodeURIComponent(cityId)}`, {
    method: 'DELETE',
    token,
    schema: noContent,
  });

export const addPerson = (token: string, networkId: string, body: AddPersonRequest) =>
  apiRequest(`${base(networkId)}/people`, {
    method: 'POST',
    token,
    body,
    schema: networkPersonResponseSchema,
  });

export const removePerson = (token: string, networkId: string, personId: string) =>
  apiRequest(`${base(networkId)}/people/${encodeURIComponent(personId)}`, {
    method: 'DELETE',
    token,
    schema: noContent,
  });

export const reissueLink = (token: string, networkId: string, personId: string) =>
  apiRequest(`${base(networkId)}/people/${encodeURIComponent(personId)}/link`, {
    method: 'POST',
    token,
    schema: personalLinkResponseSchema,
  });

export const fetchSuggestedHost = (token: string, networkId: string) =>
  apiRequest(`${base(networkId)}/meetings/suggested-host`, { token, schema: hostSuggestionSchema });

export const createMeeting = (token: string, networkId: string, body: CreateMeetingRequest) =>
  apiRequest(`${base(networkId)}/meetings`, {
    method: 'POST',
    token,
    body,
    schema: createMeetingResponseSchema,
  });

export const updateMeeting = (
  token: string,
  networkId: string,
  meetingId: string,
  body: UpdateMeetingRequest,
) =>
  apiRequest(meetingPath(networkId, meetingId), {
    method: 'PATCH',
    token,
    body,
    schema: meetingResponseSchema,
  });

export const fetchInvitations = (token: string, networkId: string, meetingId: string) =>
  apiRequest(`${meetingPath(networkId, meetingId)}/invitations`, {
    token,
    schema: invitationListResponseSchema,
  });

export const addInvitee = (token: string, networkId: string, meetingId: string, personId: string) =>
  apiRequest(`${meetingPath(networkId, meetingId)}/invitations`, {
    method: 'POST',
    token,
    body: { personId },
    schema: invitationListResponseSchema,
  });

export const removeInvitee = (token: string, networkId: string, meetingId: string, personId: string) =>
  apiRequest(`${meetingPath(networkId, meetingId)}/invitations/${encodeURIComponent(personId)}`, {
    method: 'DELETE',
    token,
    schema: invitationListResponseSchema,
  });

/** The office's boards with their invite links: the meeting's board opens with its facilitator link. */
export const fetchAdminBoards = (adminToken: string) =>
  apiRequest('/api/boards', { token: adminToken, schema: boardListResponseSchema });

/**
 * The meeting's calendar file. Not JSON, and the token goes in a header, so it cannot be a plain
 * link: the page fetches it and hands the browser a file.
 */
export async function fetchInvitationCalendar(
  token: string,
  networkId: string,
  meetingId: string,
): Promise<Blob> {
  const response = await fetchApi(`${meetingPath(networkId, meetingId)}/invitation.ics`, {
    headers: authorized(token, { accept: 'text/calendar' }),
  });
  return response.blob();
}
