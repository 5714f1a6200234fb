import {
  homeResponseSchema,
  homeSubstitutesResponseSchema,
  joinResponseSchema,
  type HomeResponse,
  type HomeSubstitutesResponse,
  type InvitationAnswer,
  type Invitation,
  type JoinResponse,
  type Location,
  invitationResponseSchema,
} from '@empiria/shared';
import { apiRequest, authorized, fetchApi, saveBlob } from '../api/http';

/** The routes a person's home calls with their personal token (docs/api.md, "Networks"). */

export function fetchHome(token: string): Promise<HomeResponse> {
  return apiRequest('/api/me', { token, schema: homeResponseSchema });
}

export async function answerInvitation(
  token: string,
  ids: { networkId: string; meetingId: string; personId: string },
  answer: InvitationAnswer,
  /** With `cannot-come` only: who comes instead ([N10]); null for nobody. */
  substituteId: string | null = null,
): Promise<Invitation> {
  const { invitation } = await apiRequest(
    `/api/networks/${ids.networkId}/meetings/${ids.meetingId}/invitations/${ids.personId}/answer`,
    {
      method: 'PUT',
      token,
      body: { answer, substituteId },
      schema: invitationResponseSchema,
    },
  );
  return invitation;
}

/** Who may come instead of this person at a meeting, and whom their answer names now. */
export function fetchSubstitutes(token: string, meetingId: string): Promise<HomeSubstitutesResponse> {
  return apiRequest(`/api/me/meetings/${meetingId}/substitutes`, {
    token,
    schema: homeSubstitutesResponseSchema,
  });
}

export function joinFromHome(token: string, meetingId: string, where?: Location): Promise<JoinResponse> {
  return apiRequest(`/api/me/meetings/${meetingId}/join`, {
    method: 'POST',
    token,
    body: where ? { where } : {},
    schema: joinResponseSchema,
  });
}

/**
 * A file the server gives only with the token (the calendar entry, the approved note): fetched,
 * then handed to the browser as a download, so the token never appears in a URL.
 */
export async function downloadWithToken(path: string, token: string, fileName: string): Promise<void> {
  const response = await fetchApi(path, { headers: authorized(token) });
  saveBlob(await response.blob(), fileName);
}
