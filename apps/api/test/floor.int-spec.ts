import { RollupQueries } from '@onewindow/persistence';
import { DateTime } from 'luxon';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { expectErrorBody, FIX, Harness, startHarness } from './harness';
import { SseClient } from './sse-client';

/**
 * What the hall floor's screens rely on besides the queue contract: citizens' ticket pages
 * (public, by status token), rating pads bound to a window, a device's view of itself and a
 * clerk's window today.
 */
describe('Hall floor (HTTP, real PostgreSQL and Redis)', () => {
  let h: Harness;
  let base: string;
  let windows: { a: string; b: string; yiwu: string };
  let kiosk: string;
  let rater: string;
  const PUBLIC_FIELDS = [
    'hallName',
    'number',
    'serviceItemName',
    'state',
    'position',
    'estimatedWaitMinutes',
    'windowLabel',
    'calledAt',
  ];

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const as = async (user: string) => bearer(await h.token(user));
  const act = async (user: string, path: string, body: object = {}) =>
    request(base)
      .post(`/api/v1${path}`)
      .set(await as(user))
      .send(body);
  let keys = 0;
  const issue = async (serviceItemCode: string, hallId: string = FIX.fuyang) =>
    (
      await request(base)
        .post(`/api/v1/halls/${hallId}/tickets`)
        .set(
          hallId === FIX.fuyang
            ? bearer(kiosk)
            : await as(hallId === FIX.yiwu ? 'yiwu-manager' : 'fuyang-manager'),
        )
        .set('Idempotency-Key', `floor-${++keys}`)
        .send({ serviceItemCode })
        .expect(201)
    ).body as { id: string; number: string; statusToken: string };
  const publicView = (token: string) =>
    request(base).get(`/api/v1/public/tickets/${token}`);
  /** Calls at window `w` until `ticketId` is called (earlier tickets are started and completed). */
  const callUntil = async (w: string, ticketId: string) => {
    for (;;) {
      const called = await act(
        'fuyang-clerk',
        `/halls/${FIX.fuyang}/windows/${w}/call-next`,
      );
      expect(called.status).toBe(200);
      if (called.body.id === ticketId) return;
      await act('fuyang-clerk', `/tickets/${called.body.id}/start`);
      await act('fuyang-clerk', `/tickets/${called.body.id}/complete`, {
        outcome: 'done',
      });
    }
  };
  const serve = async (w: string, ticketId: string) => {
    await callUntil(w, ticketId);
    expect(
      (await act('fuyang-clerk', `/tickets/${ticketId}/start`)).status,
    ).toBe(200);
    expect(
      (
        await act('fuyang-clerk', `/tickets/${ticketId}/complete`, {
          outcome: 'done',
        })
      ).status,
    ).toBe(200);
  };

  beforeAll(async () => {
    h = await startHarness('floor', {
      DEVICE_RATE_LIMIT_PER_MINUTE: '100000',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
      SSE_KEEPALIVE_SECONDS: '1',
    });
    base = `http://127.0.0.1:${await SseClient.listen(h)}`;
    const rows = await h.sql<{ id: string }>(
      `INSERT INTO windows (hall_id, label, mode, category_codes, state, opened_on) VALUES
         ($1, '1号窗口', 'comprehensive', '{}', 'open', '2020-01-01'),
         ($1, '2号窗口', 'comprehensive', '{}', 'open', '2020-01-01'),
         ($2, '9号窗口', 'comprehensive', '{}', 'open', '2020-01-01') RETURNING id`,
      [FIX.fuyang, FIX.yiwu],
    );
    windows = { a: rows[0].id, b: rows[1].id, yiwu: rows[2].id };
    const device = async (body: object) =>
      (
        await request(base)
          .post(`/api/v1/halls/${FIX.fuyang}/devices`)
          .set(await as('fuyang-manager'))
          .send(body)
          .expect(201)
      ).body as { token: string; windowId?: string };
    kiosk = (await device({ kind: 'kiosk', name: '取号机' })).token;
    const pad = await device({
      kind: 'rater',
      name: '1号窗口评价器',
      windowId: windows.a,
    });
    expect(pad.windowId).toBe(windows.a);
    rater = pad.token;
  });
  afterAll(async () => h?.close());

  describe('citizen ticket pages', () => {
    it('shows only the listed fields, the position while waiting and the window once called', async () => {
      const first = await issue('MR-0001');
      const mine = await issue('MR-0002');
      const waiting = await publicView(mine.statusToken).expect(200);
      expect(waiting.body).toEqual({
        hallName: '杭州市富阳区行政服务中心',
        number: mine.number,
        serviceItemName: '营业执照遗失补领',
        state: 'waiting',
        position: expect.any(Number),
        estimatedWaitMinutes: expect.any(Number),
      });
      expect(waiting.body.position).toBeGreaterThanOrEqual(2);
      // nothing about the ticket's id, hall id or anybody else
      expect(JSON.stringify(waiting.body)).not.toContain(mine.id);
      expect(JSON.stringify(waiting.body)).not.toContain(FIX.fuyang);

      const before = waiting.body.position as number;
      await callUntil(windows.a, first.id);
      const moved = await publicView(mine.statusToken).expect(200);
      expect(moved.body.position).toBe(before - 1);

      await callUntil(windows.b, mine.id);
      const called = await publicView(mine.statusToken).expect(200);
      expect(called.body).toEqual({
        hallName: '杭州市富阳区行政服务中心',
        number: mine.number,
        serviceItemName: '营业执照遗失补领',
        state: 'called',
        position: null,
        estimatedWaitMinutes: null,
        windowLabel: '2号窗口',
        calledAt: expect.any(String),
      });
      expect(
        Object.keys(called.body).every((k) => PUBLIC_FIELDS.includes(k)),
      ).toBe(true);
      await act('fuyang-clerk', `/tickets/${first.id}/no-show`);
      await act('fuyang-clerk', `/tickets/${mine.id}/no-show`);
    });

    it('answers 404 for unknown, malformed and expired tokens', async () => {
      expectErrorBody((await publicView('A'.repeat(32)).expect(404)).body, 404);
      expectErrorBody((await publicView('short').expect(404)).body, 404);
      expectErrorBody(
        (await publicView("x'%20OR%201=1--aaaaaaaaaaaaaaaaaa").expect(404))
          .body,
        404,
      );
      // a ticket of an earlier day: its token has expired with its service day
      const t = await issue('MR-0001');
      const yesterday = DateTime.now()
        .setZone('Asia/Shanghai')
        .minus({ days: 1 })
        .toISODate() as string;
      await h.sql(`SELECT ensure_ticket_partitions($1::date, $1::date)`, [
        yesterday,
      ]);
      await h.sql(
        `INSERT INTO tickets (id, service_date, hall_id, number, prefix, sequence, service_item_code, category_code,
                              priority, channel, state, issued_at, queue_at, status_token_hash)
         SELECT gen_random_uuid(), $2::date, hall_id, 'Z001', 'Z', 1, service_item_code, category_code, priority,
                channel, 'waiting', issued_at - interval '1 day', queue_at - interval '1 day', status_token_hash
         FROM tickets WHERE id = $1`,
        [t.id, yesterday],
      );
      await h.sql(`UPDATE tickets SET status_token_hash = NULL WHERE id = $1`, [
        t.id,
      ]);
      await publicView(t.statusToken).expect(404);
      await h.sql(`DELETE FROM tickets WHERE number = 'Z001'`);
    });

    it('lets the holder cancel a waiting ticket, once, and nothing else', async () => {
      const mine = await issue('SS-0001');
      const other = await issue('SS-0001');
      const cancelled = await request(base)
        .post(`/api/v1/public/tickets/${mine.statusToken}/cancel`)
        .expect(200);
      expect(cancelled.body).toMatchObject({
        state: 'cancelled',
        number: mine.number,
        position: null,
      });
      expectErrorBody(
        (
          await request(base)
            .post(`/api/v1/public/tickets/${mine.statusToken}/cancel`)
            .expect(409)
        ).body,
        409,
      );
      // the other ticket is untouched; the token is no credential for anything else
      expect((await publicView(other.statusToken)).body.state).toBe('waiting');
      for (const [method, path] of [
        ['get', `/api/v1/tickets/${other.id}`],
        ['post', `/api/v1/tickets/${other.id}/cancel`],
        ['get', `/api/v1/halls/${FIX.fuyang}/queue`],
        ['get', `/api/v1/public/tickets/${other.statusToken}/../${mine.id}`],
      ] as const) {
        const res = await request(base)
          [method](path)
          .set(bearer(mine.statusToken));
        expect([401, 404]).toContain(res.status);
      }
      const [row] = await h.sql<{ state: string }>(
        'SELECT state FROM tickets WHERE id = $1',
        [other.id],
      );
      expect(row.state).toBe('waiting');
    });

    it("follows a transfer to the ticket it opened, also for the holder's cancel", async () => {
      const mine = await issue('SS-0001');
      await callUntil(windows.a, mine.id);
      await act('fuyang-clerk', `/tickets/${mine.id}/start`);
      const tr = await act('fuyang-clerk', `/tickets/${mine.id}/transfer`, {
        serviceItemCode: 'MI-0001',
      });
      expect(tr.status).toBe(200);
      const view = await publicView(mine.statusToken).expect(200);
      expect(view.body).toMatchObject({
        number: tr.body.to.number,
        state: 'waiting',
        serviceItemName: '基本医疗保险参保人员历年账户家庭共济备案',
      });
      await request(base)
        .post(`/api/v1/public/tickets/${mine.statusToken}/cancel`)
        .expect(200);
      const [row] = await h.sql<{ state: string }>(
        'SELECT state FROM tickets WHERE id = $1',
        [tr.body.to.id],
      );
      expect(row.state).toBe('cancelled');
    });

    it('streams the view now and each change, and closes once the ticket is over', async () => {
      const mine = await issue('MR-0001');
      const page = new SseClient();
      await page.connect(
        Number(new URL(base).port),
        `/api/v1/public/tickets/${mine.statusToken}/events`,
        {},
      );
      expect(page.status).toBe(200);
      await page.waitFor((ev) => ev.length >= 1);
      expect(page.events[0].event).toBe('ticket');
      expect(page.events[0].data).toMatchObject({
        number: mine.number,
        state: 'waiting',
      });
      await callUntil(windows.b, mine.id);
      await page.waitFor((ev) => ev.some((e) => e.data['state'] === 'called'));
      expect(page.events.at(-1)?.data).toMatchObject({
        state: 'called',
        windowLabel: '2号窗口',
      });
      await act('fuyang-clerk', `/tickets/${mine.id}/no-show`);
      await page.waitFor((ev) => ev.some((e) => e.data['state'] === 'no_show'));
      await page.waitFor(() => page.ended, 5000);
      // never a field beyond the public ones, in any event
      for (const e of page.events)
        expect(
          Object.keys(e.data).every((k) => PUBLIC_FIELDS.includes(k)),
        ).toBe(true);
    });

    it('limits requests per client address (429 with Retry-After)', async () => {
      const limited = await startHarness(
        'floorlimit',
        { PUBLIC_RATE_LIMIT_PER_MINUTE: '3' },
        h,
      );
      try {
        const statuses: number[] = [];
        let retryAfter: string | undefined;
        for (let i = 0; i < 5; i++) {
          // an address of its own: the counters are shared with `h` (through Redis), whose
          // requests came from 127.0.0.1 under its far larger limit
          const res = await limited
            .http()
            .get(`/api/v1/public/tickets/${'B'.repeat(32)}`)
            .set('X-Forwarded-For', '203.0.113.9');
          statuses.push(res.status);
          if (res.status === 429) retryAfter = res.headers['retry-after'];
        }
        expect(statuses).toEqual([404, 404, 404, 429, 429]);
        expect(Number(retryAfter)).toBeGreaterThan(0);
      } finally {
        await limited.close();
      }
    });
  });

  describe('devices', () => {
    it('binds a rating pad to a window of the hall, and only a rating pad', async () => {
      const post = async (body: object) =>
        request(base)
          .post(`/api/v1/halls/${FIX.fuyang}/devices`)
          .set(await as('fuyang-manager'))
          .send(body);
      const missing = await post({ kind: 'rater', name: 'pad' });
      expect(missing.status).toBe(400);
      expect(missing.body.details[0].field).toBe('windowId');
      expect(
        (await post({ kind: 'kiosk', name: 'k', windowId: windows.a })).status,
      ).toBe(400);
      expect(
        (await post({ kind: 'rater', name: 'p', windowId: windows.yiwu }))
          .status,
      ).toBe(400);
      const list = await request(base)
        .get(`/api/v1/halls/${FIX.fuyang}/devices`)
        .set(await as('fuyang-manager'))
        .expect(200);
      expect(list.body).toContainEqual(
        expect.objectContaining({
          kind: 'rater',
          windowId: windows.a,
          windowLabel: '1号窗口',
        }),
      );
    });

    it('tells a device who it is, and a revoked one that it no longer is', async () => {
      const me = await request(base)
        .get('/api/v1/devices/me')
        .set(bearer(rater))
        .expect(200);
      expect(me.body).toEqual({
        id: expect.any(String),
        kind: 'rater',
        name: '1号窗口评价器',
        hall: {
          id: FIX.fuyang,
          name: '杭州市富阳区行政服务中心',
          timezone: 'Asia/Shanghai',
          openingHours: expect.any(Object),
        },
        window: { id: windows.a, label: '1号窗口' },
      });
      const created = await request(base)
        .post(`/api/v1/halls/${FIX.fuyang}/devices`)
        .set(await as('fuyang-manager'))
        .send({ kind: 'display', name: 'board' })
        .expect(201);
      const board = await request(base)
        .get('/api/v1/devices/me')
        .set(bearer(created.body.token))
        .expect(200);
      expect(board.body.window).toBeUndefined();
      await request(base)
        .delete(`/api/v1/halls/${FIX.fuyang}/devices/${created.body.id}`)
        .set(await as('fuyang-manager'))
        .expect(200);
      expectErrorBody(
        (
          await request(base)
            .get('/api/v1/devices/me')
            .set(bearer(created.body.token))
            .expect(401)
        ).body,
        401,
      );
      // people have no device self
      await request(base)
        .get('/api/v1/devices/me')
        .set(await as('fuyang-manager'))
        .expect(403);
    });
  });

  describe('rating pads', () => {
    const rate = (ticketId: string, body: object, token = rater) =>
      request(base)
        .post(`/api/v1/tickets/${ticketId}/rating`)
        .set(bearer(token))
        .send(body);

    it('rates a ticket completed at its window once; the rating reaches the ticket and the rollups', async () => {
      const t = await issue('MR-0001');
      expect((await rate(t.id, { rating: 4 })).status).toBe(409); // not served yet
      await serve(windows.a, t.id);
      expect((await rate(t.id, { rating: 5, reason: 'attitude' })).status).toBe(
        400,
      );
      expect((await rate(t.id, { rating: 6 })).status).toBe(400);
      const ok = await rate(t.id, { rating: 2, reason: 'waited_too_long' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        id: t.id,
        rating: 2,
        ratingReason: 'waited_too_long',
      });
      expectErrorBody((await rate(t.id, { rating: 5 }).expect(409)).body, 409);
      const seen = await request(base)
        .get(`/api/v1/tickets/${t.id}`)
        .set(await as('fuyang-clerk'))
        .expect(200);
      expect(seen.body).toMatchObject({
        rating: 2,
        ratingReason: 'waited_too_long',
      });

      await new RollupQueries({ query: h.sql }).rollupHallDays(FIX.fuyang, [
        DateTime.now().setZone('Asia/Shanghai').toISODate() as string,
      ]);
      const day = DateTime.now().setZone('Asia/Shanghai').toISODate() as string;
      const figures = await request(base)
        .get(
          `/api/v1/analytics/halls/${FIX.fuyang}/ratings?from=${day}&to=${day}`,
        )
        .set(await as('fuyang-manager'))
        .expect(200);
      const [raw] = await h.sql<{ rated: number; sum: number; low: number }>(
        `SELECT count(rating)::int AS rated, COALESCE(sum(rating), 0)::int AS sum,
                count(*) FILTER (WHERE rating <= 2)::int AS low
         FROM tickets WHERE hall_id = $1 AND service_date = $2 AND window_id = $3`,
        [FIX.fuyang, day, windows.a],
      );
      const byWindow = figures.body.byWindow.find(
        (w: { windowId: string }) => w.windowId === windows.a,
      );
      expect(byWindow).toMatchObject({
        label: '1号窗口',
        rated: raw.rated,
        low: raw.low,
        meanRating: Math.round((raw.sum / raw.rated) * 100) / 100,
      });
      expect(figures.body.byCategory).toContainEqual(
        expect.objectContaining({
          categoryCode: 'market_regulation',
          rated: 1,
        }),
      );
      expect(figures.body.overall.rated).toBeGreaterThanOrEqual(1);
    });

    it("refuses another window's ticket, a late rating, and anyone but a rating pad", async () => {
      const t = await issue('MR-0001');
      await serve(windows.b, t.id);
      expectErrorBody((await rate(t.id, { rating: 5 }).expect(403)).body, 403);
      const u = await issue('MR-0001');
      await serve(windows.a, u.id);
      await h.sql(
        `UPDATE tickets SET completed_at = now() - interval '11 minutes' WHERE id = $1`,
        [u.id],
      );
      expect((await rate(u.id, { rating: 5 })).status).toBe(409);
      await h.sql(`UPDATE tickets SET completed_at = now() WHERE id = $1`, [
        u.id,
      ]);
      expect((await rate(u.id, { rating: 5 }, kiosk)).status).toBe(403);
      expect(
        (
          await request(base)
            .post(`/api/v1/tickets/${u.id}/rating`)
            .set(await as('fuyang-clerk'))
            .send({ rating: 5 })
        ).status,
      ).toBe(403);
      // a ticket of another hall is unknown to this pad
      const y = await issue('MR-0001', FIX.yiwu);
      expect((await rate(y.id, { rating: 5 })).status).toBe(404);
      expect((await rate(u.id, { rating: 5 })).status).toBe(200);
    });
  });

  describe('serving the floor pages', () => {
    it('answers each page address with the floor app, never cached, and its files gzipped', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ow-floor-'));
      const index =
        '<!doctype html><base href="/floor/"><script src="main-X1.js"></script>';
      const js = 'console.log("floor");'.repeat(50);
      writeFileSync(join(dir, 'index.html'), index);
      writeFileSync(join(dir, 'main-X1.js'), js);
      writeFileSync(join(dir, 'main-X1.js.gz'), gzipSync(js));
      const served = await startHarness('floorpages', { FLOOR_DIR: dir }, h);
      try {
        for (const page of [
          '/kiosk',
          '/board',
          '/counter',
          '/rate',
          `/t/${'C'.repeat(32)}`,
        ]) {
          const res = await served.http().get(page).expect(200);
          expect(res.headers['content-type']).toMatch(/^text\/html/);
          expect(res.headers['cache-control']).toBe('no-cache');
          expect(res.text).toBe(index);
        }
        const file = await served
          .http()
          .get('/floor/main-X1.js')
          .set('Accept-Encoding', 'gzip')
          .expect(200);
        expect(file.headers['content-encoding']).toBe('gzip');
        expect(file.text).toBe(js);
        expect(file.headers['cache-control']).toContain('immutable');
        await served.http().get('/floor/missing.js').expect(404);
        // the API is still the API
        await served.http().get('/api/v1/health').expect(200);
      } finally {
        await served.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe("a clerk's window today", () => {
    it('counts served tickets and no-shows and gives the mean handling time and the held ticket', async () => {
      const day = DateTime.now().setZone('Asia/Shanghai').toISODate() as string;
      const t = await issue('SS-0001');
      await callUntil(windows.b, t.id);
      const today = await request(base)
        .get(`/api/v1/halls/${FIX.fuyang}/windows/${windows.b}/today`)
        .set(await as('fuyang-clerk'))
        .expect(200);
      const [raw] = await h.sql<{
        served: number;
        no_shows: number;
        mean: number | null;
      }>(
        `SELECT count(*) FILTER (WHERE state = 'done')::int AS served,
                count(*) FILTER (WHERE state = 'no_show')::int AS no_shows,
                avg(extract(epoch FROM completed_at - started_at) / 60) FILTER (WHERE state = 'done')::float AS mean
         FROM tickets WHERE hall_id = $1 AND service_date = $2 AND window_id = $3`,
        [FIX.fuyang, day, windows.b],
      );
      expect(today.body).toMatchObject({
        windowId: windows.b,
        served: raw.served,
        noShows: raw.no_shows,
        currentTicket: { id: t.id, state: 'called', windowLabel: '2号窗口' },
      });
      expect(today.body.served).toBeGreaterThan(0);
      expect(today.body.meanHandlingMinutes).toBeCloseTo(raw.mean ?? 0, 1);
      await act('fuyang-clerk', `/tickets/${t.id}/no-show`);
      // a window of another hall: unknown in this hall, and that hall is not the clerk's
      await request(base)
        .get(`/api/v1/halls/${FIX.fuyang}/windows/${windows.yiwu}/today`)
        .set(await as('fuyang-clerk'))
        .expect(404);
      await request(base)
        .get(`/api/v1/halls/${FIX.yiwu}/windows/${windows.yiwu}/today`)
        .set(await as('fuyang-clerk'))
        .expect(403);
    });
  });
});
