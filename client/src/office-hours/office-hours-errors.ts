import { OFFICE_HOURS_ERROR_CODES, type MessageKey } from '@empiria/shared';
import { ApiRequestError } from '../api/http';

/** What a person reads when loading the office hours failed. */
export function loadErrorKey(error: unknown): MessageKey {
  if (error instanceof ApiRequestError) {
    if (error.isNetworkError) return 'common.error.network';
    if (error.status === 401) return 'officeHours.error.linkEnded';
    if (error.status === 403) return 'officeHours.error.forbidden';
    if (error.status === 404) return 'officeHours.error.notFound';
  }
  return 'common.error.generic';
}

const BY_CODE: Record<string, MessageKey> = {
  invalid_body: 'officeHours.error.invalid',
  payload_too_large: 'officeHours.error.invalid',
  not_found: 'officeHours.error.notFound',
  [OFFICE_HOURS_ERROR_CODES.slotTaken]: 'officeHours.error.slotTaken',
  [OFFICE_HOURS_ERROR_CODES.slotPast]: 'officeHours.error.slotPast',
  [OFFICE_HOURS_ERROR_CODES.slotCancelled]: 'officeHours.error.slotCancelled',
  [OFFICE_HOURS_ERROR_CODES.notBooker]: 'officeHours.error.notBooker',
  [OFFICE_HOURS_ERROR_CODES.bookingAnswered]: 'officeHours.error.bookingAnswered',
  [OFFICE_HOURS_ERROR_CODES.notBooked]: 'officeHours.error.notFound',
};

/** What a person reads when a series, a booking, a cancellation or an answer was refused. */
export function actErrorKey(error: unknown): MessageKey {
  if (error instanceof ApiRequestError) {
    if (error.isNetworkError) return 'common.error.network';
    if (error.status === 401) return 'officeHours.error.linkEnded';
    if (error.status === 429) return 'officeHours.error.rateLimited';
    const key = BY_CODE[error.code];
    if (key) return key;
  }
  return 'officeHours.error.save';
}
