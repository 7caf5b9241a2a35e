import type { ErrorDetail } from '@onewindow/contracts';

/**
 * What a domain error means, and the HTTP status the contract answers it with. Services throw
 * DomainError with one of these codes; AllExceptionsFilter is the one place that turns them (and
 * the PostgreSQL errors in SQL_ERRORS) into the contract's error body.
 */
export const ERROR_STATUS = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media: 415,
  too_many_requests: 429,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** An error a client can act on: a code, a message and optional field details. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** Sent as Retry-After (429, 503): when the client may try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  static invalid(message: string, details?: ErrorDetail[]): DomainError {
    return new DomainError('invalid', message, details);
  }
  static notFound(what: string): DomainError {
    return new DomainError('not_found', `${what} not found`);
  }
  static conflict(message: string): DomainError {
    return new DomainError('conflict', message);
  }
  static forbidden(message = 'Not allowed'): DomainError {
    return new DomainError('forbidden', message);
  }
  static unauthenticated(
    message = 'Missing or invalid credentials',
  ): DomainError {
    return new DomainError('unauthenticated', message);
  }
}

/**
 * PostgreSQL errors a request can cause, by SQLSTATE, and what they mean. The product's own
 * RAISEs (SQLSTATE OW…) carry a message written for the client; any other keeps a fixed message
 * (never SQL in a body).
 */
export const SQL_ERRORS: Readonly<
  Record<string, { code: ErrorCode; message: string | null }>
> = {
  // issue_ticket(): the same Idempotency-Key with another request body; call_next(): the window
  // is not open, or still holds a ticket; change_ticket(): a state the change may not leave
  OW409: { code: 'conflict', message: null },
  // call_next(): no such window in the hall; change_ticket(): no such ticket
  OW404: { code: 'not_found', message: null },
  // invalid_text_representation: a malformed value reached a typed parameter
  '22P02': { code: 'invalid', message: 'Malformed value in request' },
  // character_not_in_repertoire: text PostgreSQL cannot store, a NUL character (U+0000) in any field
  '22021': {
    code: 'invalid',
    message: 'Text may not contain the NUL character (U+0000)',
  },
};

/** The domain error a PostgreSQL error stands for, or null when it is not one a client caused. */
export function domainErrorOfSql(error: unknown): DomainError | null {
  const driver =
    error && typeof error === 'object' && 'driverError' in error
      ? (error as { driverError: unknown }).driverError
      : error;
  const sqlState = (driver as { code?: unknown } | null)?.code;
  if (typeof sqlState !== 'string') return null;
  const known = SQL_ERRORS[sqlState];
  if (!known) return null;
  return new DomainError(
    known.code,
    known.message ?? String((driver as { message?: unknown }).message ?? ''),
  );
}
