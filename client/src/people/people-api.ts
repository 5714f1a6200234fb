import { peopleResponseSchema } from '@empiria/shared';
import type { PeopleResponse } from '@empiria/shared';
import { apiRequest } from '../api/http';

/** The people endpoints of docs/api.md ("People"): the facilitator's and the expert's. */

const people = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/people`;

export function fetchPeople(boardId: string, token: string): Promise<PeopleResponse> {
  return apiRequest(people(boardId), { token, schema: peopleResponseSchema });
}

export function mergePerson(
  boardId: string,
  token: string,
  aliasId: string,
  into: string,
): Promise<PeopleResponse> {
  return apiRequest(`${people(boardId)}/${encodeURIComponent(aliasId)}/merge`, {
    method: 'POST',
    token,
    body: { into },
    schema: peopleResponseSchema,
  });
}

export function removePerson(boardId: string, token: string, personId: string): Promise<PeopleResponse> {
  return apiRequest(`${people(boardId)}/${encodeURIComponent(personId)}/remove`, {
    method: 'POST',
    token,
    schema: peopleResponseSchema,
  });
}
