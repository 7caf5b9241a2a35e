import { testAdminUrl } from '@onewindow/persistence/testing';
import { OwnRedis } from '@onewindow/server-core/testing';
import { Client } from 'pg';
import request from 'supertest';
import { expectErrorBody, FIX, Harness, startHarness } from './harness';
import { SseClient } from './sse-client';

describe('Live fan-out across API instances, and faults (real PostgreSQL, own Redis)', () => {
  let redis: OwnRedis;
  let a: Harness;
  let b: Harness;
  let baseA: string;
  let portB: number;
  let kiosk: string;
  let display: string;
  let windowId: string;
  const boards: SseClient[] = [];

  beforeAll(async () => {
    redis = await OwnRedis.start();
    const env = {
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
      DEVICE_RATE_LIMIT_PER_MINUTE: '100000',
    };
    a = await startHarness('fanout', env);
    b = await startHarness('fanout', env, a);
    baseA = `http://127.0.0.1:${await SseClient.listen(a)}`;
    portB = await SseClient.listen(b);
    const manager = await a.token('fuyang-manager');
    const dev = async (kind: string) =>
      (
        await request(baseA)
          .post(`/api/v1/halls/${FIX.fuyang}/devices`)
          .set('Authorization', `Bearer ${manager}`)
          .send({ kind, name: kind })
          .expect(201)
      ).body.token as string;
    kiosk = await dev('kiosk');
    display = await dev('display');
    [{ id: windowId }] = await a.sql<{ id: string }>(
      `INSERT INTO windows (hall_id, label, mode, category_codes, state, opened_on) VALUES ($1, 'Z1', 'comprehensive', '{}', 'open', '2020-01-01') RETURNING id`,
      [FIX.fuyang],
    );
  });

  afterAll(async () => {
    for (const s of boards) s.close();
    await b?.close();
    await a?.close();
    await redis?.stop();
  });

  const issue = (key: string) =>
    request(baseA)
      .post(`/api/v1/halls/${FIX.fuyang}/tickets`)
      .set('Authorization', `Bearer ${kiosk}`)
      .set('Idempotency-Key', key)
      .send({ serviceItemCode: 'SS-0001' });

  it('delivers an event issued on one instance to a board connected to the other', async () => {
    const board = new SseClient();
    boards.push(board);
    await board.connect(portB, `/api/v1/halls/${FIX.fuyang}/events`, {
      Authorization: `Bearer ${display}`,
    });
    const t = (await issue('fan-1').expect(201)).body;
    await board.waitFor((ev) =>
      ev.some((e) => e.event === 'ticket.issued' && e.data['id'] === t.id),
    );
  });

  it('keeps issuing, calling and serving with Redis stopped, and the other instance catches up when Redis returns', async () => {
    const remote = boards[0];
    const local = new SseClient();
    boards.push(local);
    await local.connect(
      Number(new URL(baseA).port),
      `/api/v1/halls/${FIX.fuyang}/events`,
      { Authorization: `Bearer ${display}` },
    );

    await redis.stop();
    const clerk = await a.token('fuyang-clerk');
    const t = (await issue('fan-2').expect(201)).body;
    const called = await request(baseA)
      .post(`/api/v1/halls/${FIX.fuyang}/windows/${windowId}/call-next`)
      .set('Authorization', `Bearer ${clerk}`)
      .expect(200);
    expect(called.body.id).toBe(
      (
        await a.sql<{ id: string }>(
          `SELECT id FROM tickets WHERE number = 'A001'`,
        )
      )[0].id,
    );
    await request(baseA)
      .post(`/api/v1/tickets/${called.body.id}/no-show`)
      .set('Authorization', `Bearer ${clerk}`)
      .expect(200);
    const again = await request(baseA)
      .post(`/api/v1/halls/${FIX.fuyang}/windows/${windowId}/call-next`)
      .set('Authorization', `Bearer ${clerk}`)
      .expect(200);
    expect(again.body.id).toBe(t.id);
    await request(baseA)
      .post(`/api/v1/tickets/${t.id}/start`)
      .set('Authorization', `Bearer ${clerk}`)
      .expect(200);
    await request(baseA)
      .post(`/api/v1/tickets/${t.id}/complete`)
      .set('Authorization', `Bearer ${clerk}`)
      .send({ outcome: 'done' })
      .expect(200);
    expect(
      (await request(baseA).get('/api/v1/health').expect(200)).body,
    ).toEqual({ status: 'ok', db: 'up', redis: 'down' });

    // the instance that made the changes still tells its own boards
    await local.waitFor((ev) =>
      ev.some((e) => e.event === 'ticket.completed' && e.data['id'] === t.id),
    );

    // …but not the other instance's: its only news comes through Redis
    await new Promise((r) => setTimeout(r, 500));
    expect(remote.events.some((e) => e.data['id'] === t.id)).toBe(false);

    await redis.start();
    // the other instance resubscribes and delivers everything it missed, in order
    await remote.waitFor(
      (ev) =>
        ev.some((e) => e.event === 'ticket.completed' && e.data['id'] === t.id),
      20_000,
    );
    const ids = remote.events.map((e) => e.id);
    expect(ids).toEqual(
      Array.from({ length: ids.length }, (_, i) => ids[0] + i),
    );
    expect(remote.events.slice(-6).map((e) => e.event)).toEqual([
      'ticket.issued',
      'ticket.called',
      'ticket.no_show',
      'ticket.called',
      'ticket.started',
      'ticket.completed',
    ]);
  });

  it('answers 503 with Retry-After while PostgreSQL refuses connections, loses nothing, and recovers without a restart', async () => {
    const admin = new Client({ connectionString: testAdminUrl() });
    await admin.connect();
    try {
      const before = (
        await a.sql<{ n: number }>(`SELECT count(*)::int AS n FROM tickets`)
      )[0].n;
      await admin.query(
        `ALTER DATABASE "${a.db.name}" ALLOW_CONNECTIONS false`,
      );
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [a.db.name],
      );
      const down = await issue('pg-down-1');
      expect(down.status).toBe(503);
      expectErrorBody(down.body, 503);
      expect(down.headers['retry-after']).toBe('5');
      await admin.query(`ALTER DATABASE "${a.db.name}" ALLOW_CONNECTIONS true`);
      // the kiosk retries with the same key: one ticket
      const up = await issue('pg-down-1').expect(201);
      await issue('pg-down-1').expect(200);
      const check = new Client({ connectionString: a.db.url });
      await check.connect();
      const { rows } = await check.query(
        `SELECT count(*)::int AS n FROM tickets`,
      );
      await check.end();
      expect(rows[0].n).toBe(before + 1);
      expect(up.body.state).toBe('waiting');
    } finally {
      await admin
        .query(`ALTER DATABASE "${a.db.name}" ALLOW_CONNECTIONS true`)
        .catch(() => undefined);
      await admin.end();
    }
  });
});
