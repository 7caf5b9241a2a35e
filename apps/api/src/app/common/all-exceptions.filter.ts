import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { ErrorBody, ErrorDetail } from '@onewindow/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';
import { DomainError, domainErrorOfSql } from './domain-error';

const RETRY_AFTER_SECONDS = 5;

/** PostgreSQL codes and driver messages that mean "the database is not reachable right now". */
const DB_UNAVAILABLE_CODES = new Set([
  '55000',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08006',
]);
const NET_UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);

/**
 * Whether `error` means the database cannot be reached right now (a 503 with Retry-After): its
 * codes and driver messages, and TypeORM's errors of a released query runner, which a transaction
 * meets at its next statement or its COMMIT when its connection was ended under it (a PostgreSQL
 * restart): nothing was committed, the client may retry.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  if (
    error instanceof QueryRunnerAlreadyReleasedError ||
    error instanceof QueryRunnerProviderAlreadyReleasedError
  )
    return true;
  const e = error as { code?: string; message?: string; driverError?: unknown };
  if (
    e.code &&
    (DB_UNAVAILABLE_CODES.has(e.code) || NET_UNAVAILABLE_CODES.has(e.code))
  )
    return true;
  const msg = e.message ?? '';
  if (
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(
      msg,
    )
  ) {
    return true;
  }
  return e.driverError ? isDatabaseUnavailable(e.driverError) : false;
}

/** Short reason phrase for a status, as in the contract ("Bad Request", "Not Found", …). */
export function reasonPhrase(status: number): string {
  const name = HttpStatus[status];
  if (!name) return 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((w) => (w === 'url' ? 'URL' : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

/**
 * The one place that turns any error into the contract's error body: a DomainError (or a
 * PostgreSQL error of SQL_ERRORS) by its code; the framework's HTTP errors (validation pipe, rate
 * limits, body limits) by their status; an unreachable database is a 503 with Retry-After;
 * anything else is logged once and answered with a plain 500 without internals.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<FastifyReply>();
    const req = ctx.getRequest<FastifyRequest>();
    if (res.sent || res.raw.headersSent) {
      // an answer already under way (an event stream): all that is left is to end it
      res.raw.end();
      return;
    }
    let status = HttpStatus.INTERNAL_SERVER_ERROR;
    let message = 'Internal server error';
    let details: ErrorDetail[] | undefined;

    const domain =
      exception instanceof DomainError
        ? exception
        : domainErrorOfSql(exception);
    if (domain) {
      // the service's (or the SQL function's) own error, by its code
      status = domain.status;
      message = domain.message;
      details = domain.details;
      if (domain.retryAfterSeconds !== undefined)
        res.header('Retry-After', String(domain.retryAfterSeconds));
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      const body = exception.getResponse();
      if (typeof body === 'string') {
        message = body;
      } else if (body && typeof body === 'object') {
        const b = body as { message?: unknown; details?: ErrorDetail[] };
        message = Array.isArray(b.message)
          ? b.message.join('; ')
          : String(b.message ?? exception.message);
        details = b.details;
      }
      if (status === HttpStatus.TOO_MANY_REQUESTS) {
        message = 'Too many requests; retry later';
        if (!res.getHeader('Retry-After')) res.header('Retry-After', '60');
      }
      // the body limit's own wording (the API's own 413s are DomainErrors that say why)
      if (status === HttpStatus.PAYLOAD_TOO_LARGE)
        message = 'Request body too large';
    } else if (isDatabaseUnavailable(exception)) {
      status = HttpStatus.SERVICE_UNAVAILABLE;
      // every pooled connection busy (overload) reads differently from an outage
      message = /timeout exceeded when trying to connect/i.test(
        (exception as Error).message ?? '',
      )
        ? 'The service is busy; retry shortly'
        : 'The database is unavailable; retry shortly';
      res.header('Retry-After', String(RETRY_AFTER_SECONDS));
      this.logger.warn(
        `database unavailable on ${req.method} ${req.url}: ${(exception as Error).message}`,
      );
    } else {
      this.logger.error(
        { err: exception, reqId: (req.raw as { id?: unknown }).id },
        `unhandled error on ${req.method} ${req.url}`,
      );
    }

    const body: ErrorBody = {
      statusCode: status,
      error: reasonPhrase(status),
      message,
    };
    if (details?.length) body.details = details;
    void res.status(status).send(body);
  }
}
