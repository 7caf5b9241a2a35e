import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import { parseCorsOrigins, type AppConfig } from '@onewindow/server-core';

/**
 * The pages' Content-Security-Policy. The dashboard and the floor are Angular apps served by this
 * API (their own scripts only, no inline script or handler: the builds do not inline critical CSS,
 * whose `onload` swap this policy would block); Angular and the Swagger UI insert <style> elements,
 * so styles may be inline; charts draw on canvas; the API is the only address they talk to. No
 * `upgrade-insecure-requests`: a hall may serve its floor over plain http on its own network.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'upgrade-insecure-requests': null,
} as const;

/** Headers a browser may read on a cross-origin answer (besides the CORS-safelisted ones). */
const EXPOSED_HEADERS = ['Retry-After', 'X-Request-Id', 'Location'];

/**
 * Security headers on every answer (helmet: CSP, X-Content-Type-Options, X-Frame-Options,
 * Referrer-Policy, …) and CORS for the origins of CORS_ORIGINS only (none by default: the dashboard
 * is served by the API itself). Registered before any route.
 */
export async function registerSecurity(
  app: NestFastifyApplication,
  config: AppConfig,
): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...CONTENT_SECURITY_POLICY },
    },
    // the floor's paired devices and ticket pages open no cross-origin windows
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  const parsed = parseCorsOrigins(config.CORS_ORIGINS);
  const origins = 'origins' in parsed ? parsed.origins : [];
  await app.register(fastifyCors, {
    // false: no CORS headers at all, the browser keeps other origins out
    origin: origins.length ? origins : false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    exposedHeaders: EXPOSED_HEADERS,
    // bearer tokens, never cookies
    credentials: false,
    maxAge: 600,
  });
}
