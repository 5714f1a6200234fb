/**
 * How a domain service refuses a request. Services speak the domain, never HTTP: the kind says
 * what sort of refusal it is, the code is the stable word clients and tests match on, the message
 * says what exactly was wrong. The HTTP layer turns the kind into a status in one place
 * (`http/domain-error-status.ts`); a later transport (a queue, a CLI) maps the same kinds.
 */
export type DomainErrorKind =
  /** The request can never be right as given (an agenda without items, a vote for no target). */
  | 'invalid'
  /** The caller is known but may not do this (a participant approving the note). */
  | 'forbidden'
  /** No such thing here (a network, a note of yours, a vote on this board). */
  | 'not_found'
  /** The request clashes with what is stored now (a second open vote, a stale version). */
  | 'conflict'
  /** More than the limits allow (a file, an image's pixels). */
  | 'too_large'
  /** A kind of content the service does not take (a file type, not an image at all). */
  | 'unsupported'
  /** Of a kind the service takes, but its content cannot be used (a photo that cannot be read). */
  | 'unprocessable'
  /** The space set aside for this is full (a network's documents over their quota). */
  | 'quota_exceeded'
  /** Too much at once from one caller or for the server; `retryAfterSeconds` says when to try. */
  | 'rate_limited'
  /** The service cannot do it right now through nobody's fault; try again later. */
  | 'unavailable'
  /** The work could not be done (a broken demo file); the server's failure, not the caller's. */
  | 'failed';

export class DomainError<Code extends string = string> extends Error {
  override name = 'DomainError';
  readonly kind: DomainErrorKind;
  readonly code: Code;
  /** Machine-readable facts for the client (the revision a stale save lost to). */
  readonly details: unknown;
  /** For `rate_limited` and `unavailable`: when trying again makes sense. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    kind: DomainErrorKind,
    code: Code,
    message: string,
    options: { details?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
