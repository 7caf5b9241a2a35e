import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIX, Harness, startHarness } from './harness';
import { SseClient } from './sse-client';

/**
 * The security headers every answer carries (helmet), on the API, the pages it serves (dashboard,
 * floor, Swagger UI) and the live streams; what the Content-Security-Policy lets those pages load.
 */
describe('Security headers (HTTP, real PostgreSQL and Redis)', () => {
  let h: Harness;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ow-sec-'));
    mkdirSync(join(dir, 'dashboard'));
    mkdirSync(join(dir, 'floor'));
    writeFileSync(
      join(dir, 'dashboard', 'index.html'),
      '<!doctype html><title>dashboard</title>',
    );
    writeFileSync(
      join(dir, 'floor', 'index.html'),
      '<!doctype html><title>floor</title>',
    );
    h = await startHarness('secheaders', {
      DASHBOARD_DIR: join(dir, 'dashboard'),
      FLOOR_DIR: join(dir, 'floor'),
    });
  });

  afterAll(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const expectHelmet = (headers: Record<string, string>) => {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['x-powered-by']).toBeUndefined();
    const csp = headers['content-security-policy'];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("script-src-attr 'none'");
    expect(csp).toContain("object-src 'none'");
    // a hall may serve its floor over plain http on its own network
    expect(csp).not.toContain('upgrade-insecure-requests');
  };

  it.each([
    ['the API (JSON)', '/api/v1/health'],
    ['an error', '/api/v1/halls/not-a-uuid/queue'],
    ['the dashboard', '/'],
    ['a dashboard route', '/hall/overview'],
    ['a floor page', '/kiosk'],
    ['a ticket page', '/t/abcdef'],
    ['the Swagger UI', '/api/docs'],
    ['the OpenAPI document', '/api/docs-json'],
  ])('sets them on %s', async (_what, path) => {
    const res = await h.http().get(path);
    expect(res.status).toBeLessThan(500);
    expectHelmet(res.headers as Record<string, string>);
  });

  it('sets them on a hall live stream as well (written past the reply)', async () => {
    const manager = await h.token('fuyang-manager');
    const port = await SseClient.listen(h);
    const headers = await new Promise<Record<string, string | string[]>>(
      (resolve, reject) => {
        const req = http.get(
          {
            host: '127.0.0.1',
            port,
            path: `/api/v1/halls/${FIX.fuyang}/events`,
            headers: { Authorization: `Bearer ${manager}` },
          },
          (res) => {
            expect(res.statusCode).toBe(200);
            resolve(res.headers as Record<string, string | string[]>);
            req.destroy();
          },
        );
        req.on('error', reject);
      },
    );
    expect(headers['content-type']).toMatch(/^text\/event-stream/);
    expect(headers['x-request-id']).toBeTruthy();
    expectHelmet(headers as Record<string, string>);
  });
});

/**
 * CORS: the dashboard and the floor are served by the API (same origin); other origins get no
 * access-control-allow-origin unless CORS_ORIGINS names them.
 */
describe('CORS (HTTP, real PostgreSQL and Redis)', () => {
  let closed: Harness;
  let open: Harness;
  const DASHBOARD = 'https://dash.example.gov.cn';

  beforeAll(async () => {
    closed = await startHarness('corsnone');
    open = await startHarness(
      'corssome',
      { CORS_ORIGINS: `${DASHBOARD},http://127.0.0.1:4200` },
      closed,
    );
  });

  afterAll(async () => {
    await open?.close();
    await closed?.close();
  });

  it('answers another origin without access-control-allow-origin by default', async () => {
    const res = await closed
      .http()
      .get('/api/v1/health')
      .set('Origin', 'https://evil.example');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await closed
      .http()
      .options('/api/v1/auth/login')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type');
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    expect(pre.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('allows an origin of CORS_ORIGINS, with a preflight for a login', async () => {
    const pre = await open
      .http()
      .options('/api/v1/auth/login')
      .set('Origin', DASHBOARD)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,authorization');
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe(DASHBOARD);
    expect(pre.headers['access-control-allow-methods']).toContain('POST');
    expect(pre.headers['access-control-allow-headers']).toMatch(
      /authorization/i,
    );
    expect(pre.headers['access-control-allow-credentials']).toBeUndefined();
    const res = await open
      .http()
      .post('/api/v1/auth/login')
      .set('Origin', DASHBOARD)
      .send({ username: 'admin', password: 'wrong password' });
    expect(res.status).toBe(401);
    expect(res.headers['access-control-allow-origin']).toBe(DASHBOARD);
    expect(res.headers['access-control-expose-headers']).toMatch(/Retry-After/);
  });

  it('still refuses an origin CORS_ORIGINS does not name', async () => {
    for (const origin of [
      'https://evil.example',
      'https://dash.example.gov.cn.evil.example',
      'http://dash.example.gov.cn',
      'null',
    ]) {
      const res = await open.http().get('/api/v1/health').set('Origin', origin);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
  });
});
