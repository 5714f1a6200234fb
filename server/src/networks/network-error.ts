import type { AttendanceErrorCode, NetworkErrorCode } from '@empiria/shared';

/**
 * A request the networks' rules refuse. Domain code, no HTTP: the route layer turns the kind into
 * a status (network-routes.ts). `not-found`: no such network, city, person or meeting here;
 * `conflict`: the request clashes with what is stored (a city already a member); `invalid`: the
 * request can never be right as given (an agenda without items).
 */
export type NetworkErrorKind = 'not-found' | 'conflict' | 'invalid';

export class NetworkError extends Error {
  readonly kind: NetworkErrorKind;
  readonly code: NetworkErrorCode | AttendanceErrorCode | 'not_found';

  constructor(
    kind: NetworkErrorKind,
    code: NetworkErrorCode | AttendanceErrorCode | 'not_found',
    message: string,
  ) {
    super(message);
    this.kind = kind;
    this.code = code;
  }
}

export const notFoundIn = (what: string) => new NetworkError('not-found', 'not_found', `No such ${what}.`);
