import { HttpException, HttpStatus } from '@nestjs/common';
import type { ErrorDetail } from '@onewindow/contracts';

/** An error a client can act on: carries the HTTP status, a message and optional field details. */
export class ApiErrorException extends HttpException {
  constructor(
    status: HttpStatus,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super({ message, details }, status);
  }

  static badRequest(
    message: string,
    details?: ErrorDetail[],
  ): ApiErrorException {
    return new ApiErrorException(HttpStatus.BAD_REQUEST, message, details);
  }
  static notFound(what: string): ApiErrorException {
    return new ApiErrorException(HttpStatus.NOT_FOUND, `${what} not found`);
  }
  static conflict(message: string): ApiErrorException {
    return new ApiErrorException(HttpStatus.CONFLICT, message);
  }
  static forbidden(message = 'Not allowed'): ApiErrorException {
    return new ApiErrorException(HttpStatus.FORBIDDEN, message);
  }
  static unauthorized(
    message = 'Missing or invalid credentials',
  ): ApiErrorException {
    return new ApiErrorException(HttpStatus.UNAUTHORIZED, message);
  }
}
