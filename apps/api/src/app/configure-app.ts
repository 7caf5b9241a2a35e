import {
  BadRequestException,
  NotFoundException,
  VersioningType,
} from '@nestjs/common';
import {
  FastifyAdapter,
  NestFastifyApplication,
} from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig, requestIdOf } from '@onewindow/server-core';
import fastifyStatic from '@fastify/static';
import { Logger } from 'nestjs-pino';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerSecurity } from './common/security-headers';
import { createValidationPipe } from './common/validation';
import { registerCsvBodyParser } from './imports/csv-body';

/**
 * The hall floor's pages (the floor app): printed QR codes and paired devices depend on these
 * addresses. Its files are served under /floor/.
 */
export const FLOOR_PAGES = [
  '/kiosk',
  '/board',
  '/counter',
  '/rate',
  '/t/:statusToken',
] as const;

/** Largest JSON body accepted (larger: 413). */
export const BODY_LIMIT_BYTES = 100 * 1024;

/**
 * The HTTP server: Fastify (its router, body handling and reply path cost a fraction of
 * Express's per request, which is what a hall's kiosks and boards feel). Nest's own body parsers
 * are off (`bodyParser: false` at creation): the API speaks JSON only, see `configureApp`.
 */
export function createHttpAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    trustProxy: 'loopback',
    // the id in every log line of the request and in the X-Request-Id answer header
    genReqId: requestIdOf,
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { ignoreTrailingSlash: true },
  });
}

/** Everything an API instance needs besides its module: used by main.ts and by the tests. */
export async function configureApp(
  app: NestFastifyApplication,
): Promise<NestFastifyApplication> {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  await registerSecurity(app, config);

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (req, reply, done) => {
    void reply.header('X-Request-Id', req.id);
    done();
  });
  // a route that takes larger JSON bodies says so with @RouteConfig({ bodyLimit }) (planning replay)
  fastify.addHook('onRoute', (route) => {
    const limit = (route.config as { bodyLimit?: unknown } | undefined)
      ?.bodyLimit;
    if (typeof limit === 'number') route.bodyLimit = limit;
  });
  // JSON only. An empty body with a JSON content type reads as no body (kiosks send that on
  // call-next and the like); anything unparsable is the contract's 400; other types are 415.
  fastify.addContentTypeParser(
    'application/json',
    // no parser-wide limit: the route's (BODY_LIMIT_BYTES unless it sets its own) applies
    { parseAs: 'string' },
    (_req, body, done) => {
      const text = (body as string).trim();
      if (!text) return done(null, undefined);
      try {
        done(null, JSON.parse(text));
      } catch {
        done(new BadRequestException('Malformed JSON body'), undefined);
      }
    },
  );
  // CSV uploads: text/csv on the import upload route only, up to 20 MiB (imports/csv-body.ts)
  registerCsvBodyParser(fastify);

  if (config.FLOOR_DIR) {
    // registered before the dashboard's catch-all; hashed file names, so the files may be cached
    // for good, the pages never (a new build must reach every paired device)
    const index = readFileSync(join(config.FLOOR_DIR, 'index.html'));
    await app.register(fastifyStatic, {
      root: config.FLOOR_DIR,
      prefix: '/floor/',
      decorateReply: false,
      preCompressed: true,
      index: false,
      immutable: true,
      maxAge: '365d',
    });
    for (const page of FLOOR_PAGES)
      fastify.get(page, (_req, reply) =>
        reply
          .type('text/html; charset=utf-8')
          .header('Cache-Control', 'no-cache')
          .send(index),
      );
  }

  if (config.DASHBOARD_DIR) {
    // the built dashboard at /, and its index for any other page path (client-side routes)
    await app.register(fastifyStatic, {
      root: config.DASHBOARD_DIR,
      prefix: '/',
      wildcard: false,
    });
    fastify.get('/*', (req, reply) => {
      if (req.url.startsWith('/api/'))
        throw new NotFoundException(`Cannot GET ${req.url}`);
      return reply.sendFile('index.html');
    });
  }

  const doc = new DocumentBuilder()
    .setTitle('OneWindow API')
    .setDescription(
      'Queue, hall administration, analytics and planning for government service halls. Paths start with /api/v1.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup(
    'api/docs',
    app,
    () => SwaggerModule.createDocument(app, doc),
    {
      jsonDocumentUrl: 'api/docs-json',
    },
  );
  return app;
}

/** Creates the Nest application on Fastify (bodies parsed by `configureApp`). */
export const NEST_APP_OPTIONS = { bufferLogs: true, bodyParser: false };
