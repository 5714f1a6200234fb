import type { AttendanceErrorCode, NetworkErrorCode } from '@empiria/shared';
import { DomainError, type DomainErrorKind } from '../domain-error';

/**
 * A request the networks' rules refuse: a domain error whose code is one the client knows
 * (`NetworkErrorCode`, `AttendanceErrorCode`). `not_found`: no such network, city, person or
 * meeting here; `conflict`: the request clashes with what is stored (a city already a member);
 * `invalid`: the request can never be right as given (an agenda without items).
 */
export class NetworkError extends DomainError<NetworkErrorCode | AttendanceErrorCode | 'not_found'> {
  override name = 'NetworkError';

  constructor(
    kind: Extract<DomainErrorKind, 'not_found' | 'conflict' | 'invalid'>,
    code: NetworkErrorCode | AttendanceErrorCode | 'not_found',
    message: string,
  ) {
    super(kind, code, message);
  }
}

export const notFoundIn = (what: string) => new NetworkError('not_found', 'not_found', `No such ${what}.`);
