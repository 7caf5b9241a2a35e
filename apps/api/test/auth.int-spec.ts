import { createHash } from 'node:crypto';
import { testAdminUrl } from '@onewindow/persistence/testing';
import { until } from '@onewindow/server-core/testing';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Client } from 'pg';
import { undeclaredRoutes } from '../src/app/auth/route-access.check';
import {
  expectErrorBody,
  FIX,
  Harness,
  PASSWORD,
  startHarness,
} from './harness';

describe('Health and authentication (HTTP, real PostgreSQL and Redis)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('auth');
  });
  afterAll(async () => h?.close());

  it('answers health without credentials', async () => {
    // a just-started instance may still be connecting to Redis (its ping waits 1 s at most)
    const res = await until(
      'Redis to answer the health check',
      async () => {
        const r = await h.http().get('/api/v1/health').expect(200);
        return r.body.redis === 'up' ? r : undefined;
      },
      10_000,
    );
    expect(res.body).toEqual({ status: 'ok', db: 'up', redis: 'up' });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('logs people in with the contract shape', async () => {
    const admin = await h
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'admin', password: PASSWORD })
      .expect(200);
    expect(admin.body).toEqual({
      accessToken: expect.any(String),
      expiresIn: h.config.JWT_TTL_SECONDS,
      user: { id: expect.any(String), username: 'admin', role: 'admin' },
    });
    const manager = await h
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'fuyang-manager', password: PASSWORD })
      .expect(200);
    expect(manager.body.user).toMatchObject({
      role: 'hall_manager',
      hallId: FIX.fuyang,
    });
    const reform = await h
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'hz-reform', password: PASSWORD })
      .expect(200);
    expect(reform.body.user).toMatchObject({
      role: 'reform_office',
      regionCode: '330100',
    });
  });

  it('refuses wrong passwords and unknown users with 401', async () => {
    for (const body of [
      { username: 'admin', password: 'wrong-password' },
      { username: 'nobody', password: PASSWORD },
    ]) {
      const res = await h
        .http()
        .post('/api/v1/auth/login')
        .send(body)
        .expect(401);
      expectErrorBody(res.body, 401);
      expect(res.body.error).toBe('Unauthorized');
    }
  });

  it('rejects malformed login bodies with 400 and field details', async () => {
    const res = await h
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'admin' })
      .expect(400);
    expectErrorBody(res.body, 400);
    expect(res.body.details).toEqual([
      expect.objectContaining({ field: 'password' }),
    ]);
    const extra = await h
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'admin', password: 'x', role: 'admin' })
      .expect(400);
    expect(extra.body.details).toEqual([
      expect.objectContaining({ field: 'role' }),
    ]);
    const bad = await h
      .http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username":')
      .expect(400);
    expectErrorBody(bad.body, 400);
  });

  it('reads JSON only, and answers every malformed body with the error body', async () => {
    const login = () => h.http().post('/api/v1/auth/login');
    const big = await login()
      .set('Content-Type', 'application/json')
      .send(
        JSON.stringify({ username: 'admin', password: 'x'.repeat(200_000) }),
      )
      .expect(413);
    expectErrorBody(big.body, 413);
    expect(big.body.message).toBe('Request body too large');
    const empty = await login()
      .set('Content-Type', 'application/json')
      .send('')
      .expect(400);
    // an empty JSON body is no body: the fields are missing, not the JSON malformed
    expect(empty.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'username' })]),
    );
    const form = await login()
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('username=admin&password=x')
      .expect(415);
    expectErrorBody(form.body, 415);
    const unknownPath = await h.http().get('/api/v1/no-such-thing').expect(404);
    expectErrorBody(unknownPath.body, 404);
  });

  it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
    const given = await h
      .http()
      .get('/api/v1/health')
      .set('X-Request-Id', 'kiosk-7.req_42')
      .expect(200);
    expect(given.headers['x-request-id']).toBe('kiosk-7.req_42');
    const insane = await h
      .http()
      .get('/api/v1/health')
      .set('X-Request-Id', 'a b <script>')
      .expect(200);
    expect(insane.headers['x-request-id']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  it('has no route that leaves its access undeclared (access fails closed)', () => {
    const discovery = h.app.get(DiscoveryService);
    expect(
      undeclaredRoutes(
        discovery,
        h.app.get(MetadataScanner),
        h.app.get(Reflector),
      ),
    ).toEqual([]);
    // the check saw the API's controllers
    expect(discovery.getControllers().length).toBeGreaterThanOrEqual(20);
  });

  it('needs a valid bearer token elsewhere', async () => {
    expectErrorBody(
      (await h.http().get('/api/v1/halls').expect(401)).body,
      401,
    );
    expectErrorBody(
      (
        await h
          .http()
          .get('/api/v1/halls')
          .set('Authorization', 'Bearer not-a-jwt')
          .expect(401)
      ).body,
      401,
    );
    const fake = 'owd_' + 'A'.repeat(43);
    expectErrorBody(
      (
        await h
          .http()
          .get('/api/v1/halls')
          .set('Authorization', `Bearer ${fake}`)
          .expect(401)
      ).body,
      401,
    );
  });

  describe('device tokens', () => {
    it('are issued by the hall manager, stored hashed, scoped to hall and kind, and revocable', async () => {
      const manager = await h.token('fuyang-manager');
      const created = await h
        .http()
        .post(`/api/v1/halls/${FIX.fuyang}/devices`)
        .set('Authorization', `Bearer ${manager}`)
        .send({ kind: 'kiosk', name: '一楼取号机 1' })
        .expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        kind: 'kiosk',
        name: '一楼取号机 1',
        token: expect.stringMatching(/^owd_/),
      });
      const kiosk = created.body.token as string;

      const [row] = await h.sql<{ token_hash: string }>(
        'SELECT token_hash FROM devices WHERE id = $1',
        [created.body.id],
      );
      expect(row.token_hash).toBe(
        createHash('sha256').update(kiosk).digest('hex'),
      );
      expect(row.token_hash).not.toContain(kiosk);

      const search = await h
        .http()
        .get(`/api/v1/halls/${FIX.fuyang}/service-items`)
        .query({ q: '开公司' })
        .set('Authorization', `Bearer ${kiosk}`)
        .expect(200);
      expect(search.body.items[0].code).toBe('MR-0001');
      const [seen] = await h.sql<{ last_seen_at: Date | null }>(
        'SELECT last_seen_at FROM devices WHERE id = $1',
        [created.body.id],
      );
      expect(seen.last_seen_at).not.toBeNull();

      // another hall, a people-only endpoint
      expectErrorBody(
        (
          await h
            .http()
            .get(`/api/v1/halls/${FIX.yiwu}/service-items`)
            .set('Authorization', `Bearer ${kiosk}`)
            .expect(403)
        ).body,
        403,
      );
      expectErrorBody(
        (
          await h
            .http()
            .get('/api/v1/halls')
            .set('Authorization', `Bearer ${kiosk}`)
            .expect(403)
        ).body,
        403,
      );

      // a sensor may not search items
      const sensor = await h
        .http()
        .post(`/api/v1/halls/${FIX.fuyang}/devices`)
        .set('Authorization', `Bearer ${manager}`)
        .send({ kind: 'sensor', name: 'door-north' })
        .expect(201);
      await h
        .http()
        .get(`/api/v1/halls/${FIX.fuyang}/service-items`)
        .set('Authorization', `Bearer ${sensor.body.token}`)
        .expect(403);

      // revoke: the token stops working
      const revoked = await h
        .http()
        .delete(`/api/v1/halls/${FIX.fuyang}/devices/${created.body.id}`)
        .set('Authorization', `Bearer ${manager}`)
        .expect(200);
      expect(revoked.body.revokedAt).toEqual(expect.any(String));
      expectErrorBody(
        (
          await h
            .http()
            .get(`/api/v1/halls/${FIX.fuyang}/service-items`)
            .set('Authorization', `Bearer ${kiosk}`)
            .expect(401)
        ).body,
        401,
      );

      const list = await h
        .http()
        .get(`/api/v1/halls/${FIX.fuyang}/devices`)
        .set('Authorization', `Bearer ${manager}`)
        .expect(200);
      expect(list.body.map((d: { name: string }) => d.name).sort()).toEqual([
        'door-north',
        '一楼取号机 1',
      ]);
      // with when each was last seen (both have called since being issued) and revocation
      const kioskRow = list.body.find(
        (d: { id: string }) => d.id === created.body.id,
      );
      expect(kioskRow).toMatchObject({
        kind: 'kiosk',
        lastSeenAt: expect.any(String),
        revokedAt: expect.any(String),
      });
      expect(JSON.stringify(list.body)).not.toMatch(/owd_|token/i);

      const audit = await h.sql<{ action: string }>(
        `SELECT action FROM audit_log WHERE entity_type = 'device' ORDER BY id`,
      );
      expect(audit.map((a) => a.action)).toEqual([
        'device.create',
        'device.create',
        'device.revoke',
      ]);
    });

    it('may not be issued by clerks, other halls or the reform office; bad kinds are 400', async () => {
      for (const user of ['fuyang-clerk', 'yiwu-manager', 'zj-reform']) {
        const res = await h
          .http()
          .post(`/api/v1/halls/${FIX.fuyang}/devices`)
          .set('Authorization', `Bearer ${await h.token(user)}`)
          .send({ kind: 'kiosk', name: 'x' })
          .expect(403);
        expectErrorBody(res.body, 403);
      }
      const before = await h.sql('SELECT count(*)::int AS n FROM devices');
      const res = await h
        .http()
        .post(`/api/v1/halls/${FIX.fuyang}/devices`)
        .set('Authorization', `Bearer ${await h.token('fuyang-manager')}`)
        .send({ kind: 'printer', name: 'x' })
        .expect(400);
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'kind' }),
      ]);
      expect(await h.sql('SELECT count(*)::int AS n FROM devices')).toEqual(
        before,
      );
    });
  });
});

describe('Login rate limit', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('ratelimit', { LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(async () => h?.close());

  it('answers 429 with Retry-After after the limit', async () => {
    for (let i = 0; i < 3; i++) {
      await h
        .http()
        .post('/api/v1/auth/login')
        .send({ username: 'admin', password: 'wrong-password' })
        .expect(401);
    }
    const res = await h
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'admin', password: PASSWORD })
      .expect(429);
    expectErrorBody(res.body, 429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('OpenAPI document', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('openapi');
  });
  afterAll(async () => h?.close());

  it('is served at /api/docs-json and lists the contract paths', async () => {
    const res = await h.http().get('/api/docs-json').expect(200);
    const paths = Object.keys(res.body.paths);
    for (const p of [
      '/api/v1/health',
      '/api/v1/auth/login',
      '/api/v1/halls',
      '/api/v1/halls/{hallId}',
      '/api/v1/regions/{code}',
      '/api/v1/categories',
      '/api/v1/halls/{hallId}/service-items',
      '/api/v1/halls/{hallId}/windows',
      '/api/v1/halls/{hallId}/devices/{id}',
      '/api/v1/users',
    ]) {
      expect(paths).toContain(p);
    }
  });

  it('documents the administration and analytics endpoints with examples', async () => {
    const res = await h.http().get('/api/docs-json').expect(200);
    const doc = res.body as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    const examples = (path: string) => {
      // the operation's own examples, and those of the schemas it names
      const text = JSON.stringify(doc.paths[path]);
      const refs = [...text.matchAll(/#\/components\/schemas\/(\w+)/g)].map(
        (m) => JSON.stringify(doc.components.schemas[m[1]]),
      );
      return [text, ...refs].join('').includes('"example"');
    };
    for (const p of [
      '/api/v1/halls/{hallId}/windows',
      '/api/v1/halls/{hallId}/windows/{windowId}',
      '/api/v1/halls/{hallId}/windows/{windowId}/retire',
      '/api/v1/halls/{hallId}/windows/history',
      '/api/v1/halls/{hallId}/staff',
      '/api/v1/halls/{hallId}/reassignments',
      '/api/v1/halls/{hallId}/reassignments/flows',
      '/api/v1/regions/{code}/reassignments/flows',
      '/api/v1/halls/{hallId}/targets',
      '/api/v1/regions/{code}/targets',
      '/api/v1/targets/{id}',
      '/api/v1/halls/{hallId}/devices',
      '/api/v1/audit',
      '/api/v1/users',
      '/api/v1/users/{id}',
      '/api/v1/analytics/halls/{hallId}/daily',
      '/api/v1/analytics/halls/{hallId}/hourly',
      '/api/v1/analytics/regions/{code}/trends',
    ]) {
      expect({ path: p, documented: !!doc.paths[p] }).toEqual({
        path: p,
        documented: true,
      });
      expect({ path: p, examples: examples(p) }).toEqual({
        path: p,
        examples: true,
      });
    }
  });
});

describe('Database outage', () => {
  let h: Harness;
  let admin: Client;
  beforeAll(async () => {
    h = await startHarness('outage');
    admin = new Client({ connectionString: testAdminUrl() });
    await admin.connect();
  });
  afterAll(async () => {
    await admin
      ?.query(`ALTER DATABASE "${h.db.name}" ALLOW_CONNECTIONS true`)
      .catch(() => undefined);
    await admin?.end();
    await h?.close();
  });

  it('answers 503 with Retry-After while the database refuses connections, and recovers without a restart', async () => {
    const token = await h.token('admin');
    await admin.query(`ALTER DATABASE "${h.db.name}" ALLOW_CONNECTIONS false`);
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [h.db.name],
    );

    const health = await h.http().get('/api/v1/health').expect(503);
    expect(health.body).toEqual({ status: 'down', db: 'down', redis: 'up' });
    expect(health.headers['retry-after']).toBe('5');
    const halls = await h
      .http()
      .get('/api/v1/halls')
      .set('Authorization', `Bearer ${token}`)
      .expect(503);
    expectErrorBody(halls.body, 503);
    expect(halls.headers['retry-after']).toBe('5');

    await admin.query(`ALTER DATABASE "${h.db.name}" ALLOW_CONNECTIONS true`);
    await h.http().get('/api/v1/health').expect(200);
    await h
      .http()
      .get('/api/v1/halls')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
  });
});
