import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode } from '../common/domain-error';

/** Largest CSV file accepted (larger: 413). */
export const CSV_BODY_LIMIT_BYTES = 20 * 1024 * 1024;

/** The one route that takes a CSV body: POST /api/v1/halls/{hallId}/imports/{kind}. */
const UPLOAD_PATH =
  /^\/api\/v1\/halls\/[^/?#]+\/imports\/[^/?#]+\/?(?:[?#].*)?$/;

/** An uploaded file as received: its bytes and the charset its Content-Type names, if any. */
export class CsvUpload {
  constructor(
    readonly bytes: Buffer,
    readonly charset: string | null,
  ) {}
}

/** The charset parameter of a Content-Type header, lower-cased. */
export function charsetOf(contentType: string | undefined): string | null {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return m ? m[1].toLowerCase() : null;
}

function rejection(code: ErrorCode, message: string): DomainError {
  return new DomainError(code, message);
}

/**
 * `text/csv` bodies, for the import upload route only (anywhere else: 415, as any non-JSON body).
 * Checked before a byte is read: the route, the presence of credentials (the guard checks them
 * after the body, so an anonymous 20 MiB upload would otherwise be read in full) and the declared
 * length. The body becomes a CsvUpload (raw bytes; the service decodes them).
 */
export function registerCsvBodyParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    ['text/csv', 'application/csv'],
    (req: FastifyRequest, payload, done) => {
      if (req.method !== 'POST' || !UPLOAD_PATH.test(req.url))
        return done(
          rejection(
            'unsupported_media',
            'Unsupported Media Type: this endpoint reads application/json',
          ),
          undefined,
        );
      if (!/^Bearer\s+\S+/i.test(req.headers.authorization ?? ''))
        return done(
          DomainError.unauthenticated('Missing bearer token'),
          undefined,
        );
      const declared = Number(req.headers['content-length']);
      if (declared > CSV_BODY_LIMIT_BYTES)
        return done(
          rejection('too_large', 'Request body too large'),
          undefined,
        );
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = (error: Error | null) => {
        payload.removeListener('data', onData);
        payload.removeListener('end', onEnd);
        payload.removeListener('error', onError);
        if (error) return done(error, undefined);
        done(
          null,
          new CsvUpload(
            Buffer.concat(chunks, size),
            charsetOf(req.headers['content-type']),
          ),
        );
      };
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > CSV_BODY_LIMIT_BYTES)
          finish(rejection('too_large', 'Request body too large'));
        else chunks.push(chunk);
      };
      const onEnd = () => finish(null);
      const onError = () =>
        finish(rejection('invalid', 'The upload was interrupted'));
      payload.on('data', onData);
      payload.on('end', onEnd);
      payload.on('error', onError);
      payload.resume();
    },
  );
}
