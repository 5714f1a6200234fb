import type { DomainError, DomainErrorKind } from '../domain-error';
import { HttpError } from './http-error';

/** The one place a domain refusal becomes an HTTP status (docs/api.md lists the codes). */
export const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  unprocessable: 422,
  rate_limited: 429,
  failed: 500,
  unavailable: 503,
  quota_exceeded: 507,
};

/** The answer for a domain refusal: its status, its code and message, its details unchanged. */
export function httpErrorOf(error: DomainError): HttpError {
  return new HttpError(STATUS_OF_KIND[error.kind], error.code, error.message, {
    details: error.details,
    retryAfterSeconds: error.retryAfterSeconds,
  });
}
