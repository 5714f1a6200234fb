import type { MessageKey } from '@empiria/shared';
import { ApiRequestError } from '../api/http';

/**
 * The server's refusals (docs/api.md, "Networks") in the facilitator's words, and the field of the
 * meeting form each belongs next to. Pure.
 */
const KNOWN_CODES = [
  'already_member',
  'city_has_people',
  'city_not_member',
  'city_required',
  'too_many_representatives',
  'role_taken',
  'already_in_network',
  'email_taken',
  'shared_person',
  'empty_agenda',
  'unknown_step',
  'host_not_member',
  'online_has_no_host',
  'field_not_allowed',
  'already_invited',
  'not_invited',
  'bad_substitute',
  'not_in_network',
  'invalid_body',
  'forbidden',
  'unauthorized',
  'rate_limited',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

function isKnown(code: string): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

export interface ActionError {
  code: string;
  key: MessageKey;
}

/** What a page action ends with: done, or why not (for the line beside its button). */
export type ActionResult = { ok: true } | ({ ok: false } & ActionError);

export function actionError(failure: unknown): ActionError {
  if (failure instanceof ApiRequestError) {
    if (failure.isNetworkError) return { code: 'network', key: 'common.error.network' };
    if (failure.status === 401) return { code: 'unauthorized', key: 'networkAdmin.error.unauthorized' };
    if (failure.status === 403 && failure.code !== 'field_not_allowed') {
      return { code: failure.code, key: 'networkAdmin.error.forbidden' };
    }
    if (failure.status === 429) return { code: failure.code, key: 'networkAdmin.error.rate_limited' };
    if (isKnown(failure.code)) return { code: failure.code, key: `networkAdmin.error.${failure.code}` };
  }
  return { code: 'generic', key: 'common.error.generic' };
}

export type MeetingFormField = 'title' | 'startsAt' | 'hostCity' | 'agenda' | 'form';

/** Where in the meeting form a refusal is shown: next to the field it is about. */
export function meetingErrorField(code: string): MeetingFormField {
  switch (code) {
    case 'empty_agenda':
    case 'unknown_step':
      return 'agenda';
    case 'host_not_member':
    case 'online_has_no_host':
      return 'hostCity';
    default:
      return 'form';
  }
}
