import { HttpErrorResponse } from '@angular/common/http';
import type { ErrorBody } from '@onewindow/contracts';

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).message === 'string'
  );
}

/** The API's own message of an error response ({statusCode, error, message, details?}), if it sent one. */
export function apiErrorMessage(error: unknown): string | null {
  if (error instanceof HttpErrorResponse) {
    if (isErrorBody(error.error)) return error.error.message;
    if (error.status === 0) return null;
    return error.statusText || `HTTP ${error.status}`;
  }
  return error instanceof Error ? error.message : null;
}

export function httpStatus(error: unknown): number | null {
  return error instanceof HttpErrorResponse ? error.status : null;
}
