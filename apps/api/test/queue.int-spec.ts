import { DateTime } from 'luxon';
import request from 'supertest';
import { expectErrorBody, FIX, Harness, startHarness } from './harness';
import { SseClient } from './sse-client';
import { randomUUID } from 'node:crypto';

const today = () =>
  DateTime.now().setZone('Asia/Shanghai').toISODate() as string;

interface Windows {
  comp1: string;
  comp2: string;
  social: string;
  market: string;
}

/** Four open windows: two comprehensive (all categories), one social-security, one market-regulation. */
async function openWindows(
  h: Harness,
  hallId: string,
  prefix: string,
): Promise<Windows> {
  const rows = await h.sql<{ id: string; label: string }>(
    `INSERT INTO windows (hall_id, label, mode, category_codes, state, opened_on) VALUES
       ($1, $2 || '1', 'comprehensive', '{}', 'open', '2020-01-01'),
       ($1, $2 || '2', 'comprehensive', '{}', 'open', '2020-01-01'),
       ($1, $2 || '3', 'department', '{social_security}', 'open', '2020-01-01'),
       ($1, $2 || '4', 'department', '{market_regulation}', 'open', '2020-01-01') RETURNING id, label`,
    [hallId, prefix],
  );
  return {
    comp1: rows[0].id,
    comp2: rows[1].id,
    social: rows[2].id,
    market: rows[3].id,
  };
}

async function device(
  h: Harness,
  manager: string,
  hallId: string,
  kind: string,
): Promise<string> {
  const res = await h
    .http()
    .post(`/api/v1/halls/${hallId}/devices`)
    .set('Authorization', `Bearer ${await h.token(manager)}`)
    .send({ kind, name: `${kind}-${Math.random()}` })
    .expect(201);
  return res.body.token;
}

describe('Queue service (HTTP, real PostgreSQL and Redis)', () => {
  let h: Harness;
  let base: string;
  let fy: Windows;
  let kiosk: string;
  let display: string;
  let sensor: string;
  const as = async (user: string) => ({
    Authorization: `Bearer ${await h.token(user)}`,
  });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    h = await startHarness('queue', {
      DEVICE_RATE_LIMIT_PER_MINUTE: '100000',
      SSE_KEEPALIVE_SECONDS: '1',
    });
    base = `http://127.0.0.1:${await SseClient.listen(h)}`;
    fy = await openWindows(h, FIX.fuyang, 'F');
    kiosk = await device(h, 'fuyang-manager', FIX.fuyang, 'kiosk');
    display = await device(h, 'fuyang-manager', FIX.fuyang, 'display');
    sensor = await device(h, 'fuyang-manager', FIX.fuyang, 'sensor');
  });
  afterAll(async () => h?.close());

  const issue = (
    token: string,
    body: object,
    key?: string,
    hallId: string = FIX.fuyang,
  ) => {
    const r = request(base)
      .post(`/api/v1/halls/${hallId}/tickets`)
      .set(bearer(token));
    if (key) r.set('Idempotency-Key', key);
    return r.send(body);
  };
  const act = async (user: string, path: string, body: object = {}) =>
    request(base)
      .post(`/api/v1${path}`)
      .set(await as(user))
      .send(body);

  describe('issuing', () => {
    it('issues numbered tickets with position and estimated wait; retries with the same key return the ticket', async () => {
      const first = await issue(
        kiosk,
        { serviceItemCode: 'MR-0001' },
        'kiosk-1-0001',
      ).expect(201);
      expect(first.body).toEqual({
        id: expect.any(String),
        number: 'C001',
        hallId: FIX.fuyang,
        serviceDate: today(),
        serviceItemCode: 'MR-0001',
        categoryCode: 'market_regulation',
        priority: 'normal',
        state: 'waiting',
        issuedAt: expect.any(String),
        recallCount: 0,
        position: 1,
        estimatedWaitMinutes: 0,
        statusToken: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
        statusUrl: `/t/${first.body.statusToken}`,
      });
      const again = await issue(
        kiosk,
        { serviceItemCode: 'MR-0001' },
        'kiosk-1-0001',
      ).expect(200);
      expect(again.body.id).toBe(first.body.id);
      expect(again.body.statusToken).toBe(first.body.statusToken);
      expectErrorBody(
        (
          await issue(
            kiosk,
            { serviceItemCode: 'MR-0002' },
            'kiosk-1-0001',
          ).expect(409)
        ).body,
        409,
      );
      expectErrorBody(
        (
          await issue(
            kiosk,
            { serviceItemCode: 'MR-0001', priority: 'priority' },
            'kiosk-1-0001',
          ).expect(409)
        ).body,
        409,
      );

      const second = await issue(
        kiosk,
        { serviceItemCode: 'MR-0002' },
        'kiosk-1-0002',
      ).expect(201);
      expect(second.body).toMatchObject({ number: 'C002', position: 2 });
      // no recent handling times yet: the item's typical 10 min; three open windows serve market
      // regulation (two comprehensive, one department): 1 ahead × 10 / 3 ≈ 3
      expect(second.body.estimatedWaitMinutes).toBe(3);
      const social = await issue(
        kiosk,
        { serviceItemCode: 'SS-0001' },
        'kiosk-1-0003',
      ).expect(201);
      expect(social.body).toMatchObject({
        number: 'A001',
        categoryCode: 'social_security',
      });
      // people may issue without a key (staff channel)
      const staff = await request(base)
        .post(`/api/v1/halls/${FIX.fuyang}/tickets`)
        .set(await as('fuyang-clerk'))
        .send({ serviceItemCode: 'SS-0001' })
        .expect(201);
      expect(staff.body.number).toBe('A002');
      const [{ n }] = await h.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM tickets WHERE hall_id = $1`,
        [FIX.fuyang],
      );
      expect(n).toBe(4);
      const got = await request(base)
        .get(`/api/v1/tickets/${second.body.id}`)
        .set(bearer(kiosk))
        .expect(200);
      expect(got.body).toMatchObject({
        id: second.body.id,
        state: 'waiting',
        position: 2,
      });
      // tidy up for the tests below
      for (const t of [first, second, social, staff])
        await act('fuyang-clerk', `/tickets/${t.body.id}/cancel`).then((r) =>
          expect(r.status).toBe(200),
        );
    });

    it('prints at least three digits and grows past 999', async () => {
      await h.sql(
        `INSERT INTO ticket_counters (hall_id, service_date, prefix, last_value) VALUES ($1, $2, 'D', 998)`,
        [FIX.fuyang, today()],
      );
      await h.sql(
        `INSERT INTO categories (code, name, ticket_prefix) VALUES ('real_estate', '不动产登记', 'D')`,
      );
      await h.sql(
        `INSERT INTO service_items (code, name, category_code) VALUES ('RE-0001', '不动产转移登记', 'real_estate')`,
      );
      const a = (
        await issue(kiosk, { serviceItemCode: 'RE-0001' }, 'digits-1').expect(
          201,
        )
      ).body;
      const b = (
        await issue(kiosk, { serviceItemCode: 'RE-0001' }, 'digits-2').expect(
          201,
        )
      ).body;
      expect([a.number, b.number]).toEqual(['D999', 'D1000']);
      for (const t of [a, b])
        await request(base)
          .post(`/api/v1/tickets/${t.id}/cancel`)
          .set(bearer(kiosk))
          .expect(200);
    });

    it('needs an Idempotency-Key from kiosks and a known item', async () => {
      const res = await issue(kiosk, { serviceItemCode: 'MR-0001' }).expect(
        400,
      );
      expect(res.body.details).toEqual([
        { field: 'Idempotency-Key', problems: ['is required for kiosks'] },
      ]);
      const unknown = await issue(
        kiosk,
        { serviceItemCode: 'XX-9999' },
        'kiosk-1-0099',
      ).expect(400);
      expect(unknown.body.details).toEqual([
        { field: 'serviceItemCode', problems: ['no service item XX-9999'] },
      ]);
    });
  });

  describe('calling and serving', () => {
    it('walks a ticket through called, recalled, serving and done; every illegal step is a 409 that changes nothing', async () => {
      const t = (
        await issue(kiosk, { serviceItemCode: 'MR-0002' }, 'serve-1').expect(
          201,
        )
      ).body;
      const called = await act(
        'fuyang-clerk',
        `/halls/${FIX.fuyang}/windows/${fy.market}/call-next`,
      ).then((r) => r);
      expect(called.status).toBe(200);
      expect(called.body).toMatchObject({
        id: t.id,
        state: 'called',
        windowLabel: 'F4',
        windowId: fy.market,
        calledAt: expect.any(String),
      });
      const holding = await act(
        'fuyang-clerk',
        `/halls/${FIX.fuyang}/windows/${fy.market}/call-next`,
      );
      expectErrorBody(holding.body, 409);
      expect(holding.body.message).toBe(
        `Window F4 still holds ticket ${t.number}`,
      );

      const snapshot = async () =>
        (
          await h.sql(
            `SELECT state, recall_count, started_at, completed_at FROM tickets WHERE id = $1`,
            [t.id],
          )
        )[0];
      const before = await snapshot();
      for (const [path, message] of [
        [
          'complete',
          'Cannot completed a ticket that is called (needs serving)',
        ],
        ['cancel', 'Cannot cancelled a ticket that is called (needs waiting)'],
      ]) {
        const res = await act(
          'fuyang-clerk',
          `/tickets/${t.id}/${path}`,
          path === 'complete' ? { outcome: 'done' } : {},
        );
        expect(res.status).toBe(409);
        expectErrorBody(res.body, 409);
        expect(res.body.message).toBe(message);
      }
      expect(await snapshot()).toEqual(before);

      const recalled = await act('fuyang-clerk', `/tickets/${t.id}/recall`);
      expect(recalled.body).toMatchObject({ state: 'called', recallCount: 1 });
      const started = await act('fuyang-clerk', `/tickets/${t.id}/start`);
      expect(started.body).toMatchObject({
        state: 'serving',
        startedAt: expect.any(String),
      });
      for (const [path, message] of [
        ['start', 'Cannot started a ticket that is serving (needs called)'],
        ['recall', 'Cannot recalled a ticket that is serving (needs called)'],
        ['no-show', 'Cannot no-show a ticket that is serving (needs called)'],
      ]) {
        const res = await act('fuyang-clerk', `/tickets/${t.id}/${path}`);
        expect(res.status).toBe(409);
        expect(res.body.message).toBe(message);
      }
      expect(
        (await act('fuyang-clerk', `/tickets/${randomUUID()}/start`)).body
          .message,
      ).toBe('Ticket not found');
      const done = await act('fuyang-clerk', `/tickets/${t.id}/complete`, {
        outcome: 'needs_materials',
        rating: 4,
      });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({
        state: 'done',
        outcome: 'needs_materials',
        rating: 4,
        completedAt: expect.any(String),
      });
      expect(
        (
          await act('fuyang-clerk', `/tickets/${t.id}/complete`, {
            outcome: 'done',
          })
        ).status,
      ).toBe(409);
      // each change appended one event, its payload the ticket as the change answered it
      expect(
        await h.sql(
          `SELECT type, payload FROM hall_events WHERE hall_id = $1 AND payload->>'id' = $2 AND type <> 'ticket.issued' ORDER BY seq`,
          [FIX.fuyang, t.id],
        ),
      ).toEqual([
        { type: 'ticket.called', payload: called.body },
        { type: 'ticket.recalled', payload: recalled.body },
        { type: 'ticket.started', payload: started.body },
        { type: 'ticket.completed', payload: done.body },
      ]);
      // nothing left for this window
      expect(
        (
          await act(
            'fuyang-clerk',
            `/halls/${FIX.fuyang}/windows/${fy.market}/call-next`,
          )
        ).status,
      ).toBe(204);
    });

    it('marks no-shows and cancels only waiting tickets', async () => {
      const a = (
        await issue(kiosk, { serviceItemCode: 'SS-0001' }, 'ns-1').expect(201)
      ).body;
      const called = await act(
        'fuyang-clerk',
        `/halls/${FIX.fuyang}/windows/${fy.social}/call-next`,
      );
      expect(called.body.id).toBe(a.id);
      expect(
        (
          await request(base)
            .post(`/api/v1/tickets/${a.id}/cancel`)
            .set(bearer(kiosk))
        ).status,
      ).toBe(409);
      expect(
        (await act('fuyang-clerk', `/tickets/${a.id}/no-show`)).body,
      ).toMatchObject({ state: 'no_show' });
      const b = (
        await issue(kiosk, { serviceItemCode: 'SS-0001' }, 'ns-2').expect(201)
      ).body;
      expect(
        (
          await request(base)
            .post(`/api/v1/tickets/${b.id}/cancel`)
            .set(bearer(kiosk))
        ).body,
      ).toMatchObject({ state: 'cancelled' });
    });

    it('department windows serve only their categories; comprehensive windows serve all', async () => {
      const mi = (
        await issue(kiosk, { serviceItemCode: 'MI-0001' }, 'dept-1').expect(201)
      ).body;
      expect(
        (
          await act(
            'fuyang-clerk',
            `/halls/${FIX.fuyang}/windows/${fy.social}/call-next`,
          )
        ).status,
      ).toBe(204);
      expect(
        (
          await act(
            'fuyang-clerk',
            `/halls/${FIX.fuyang}/windows/${fy.market}/call-next`,
          )
        ).status,
      ).toBe(204);
      const c = await act(
        'fuyang-clerk',
        `/halls/${FIX.fuyang}/windows/${fy.comp2}/call-next`,
      );
      expect(c.body).toMatchObject({ id: mi.id, windowLabel: 'F2' });
      await act('fuyang-clerk', `/tickets/${mi.id}/start`);
      await act('fuyang-clerk', `/tickets/${mi.id}/complete`, {
        outcome: 'done',
        rating: 5,
      });
    });

    it('transfers a served ticket; the new ticket keeps its place by the original issue time', async () => {
      const ss = (
        await issue(kiosk, { serviceItemCode: 'SS-0001' }, 'tr-1').expect(201)
      ).body;
      await new Promise((r) => setTimeout(r, 20));
      const later = (
        await issue(kiosk, { serviceItemCode: 'MI-0001' }, 'tr-2').expect(201)
      ).body;
      const called = await act(
        'fuyang-clerk',
        `/halls/${FIX.fuyang}/windows/${fy.social}/call-next`,
      );
      expect(called.body.id).toBe(ss.id);
      await act('fuyang-clerk', `/tickets/${ss.id}/start`);
      const tr = await act('fuyang-clerk', `/tickets/${ss.id}/transfer`, {
        serviceItemCode: 'MI-0001',
      });
      expect(tr.status).toBe(200);
      expect(tr.body.from).toMatchObject({ id: ss.id, state: 'transferred' });
      expect(tr.body.to).toMatchObject({
        state: 'waiting',
        serviceItemCode: 'MI-0001',
        categoryCode: 'medical_insurance',
        transferredFromId: ss.id,
        position: 1,
      });
      expect(tr.body.to.number).toMatch(/^B\d{3}$/);
      // the transferred ticket is ahead of the one issued after the original
      const next = await act(
        'fuyang-clerk',
        `/halls/${FIX.fuyang}/windows/${fy.comp1}/call-next`,
      );
      expect(next.body.id).toBe(tr.body.to.id);
      expect(
        (
          await act('fuyang-clerk', `/tickets/${ss.id}/transfer`, {
            serviceItemCode: 'MR-0001',
          })
        ).status,
      ).toBe(409);
      for (const id of [tr.body.to.id]) {
        await act('fuyang-clerk', `/tickets/${id}/start`);
        await act('fuyang-clerk', `/tickets/${id}/complete`, {
          outcome: 'done',
        });
      }
      await act('fuyang-clerk', `/tickets/${later.id}/cancel`);
    });

    it('opens, pauses and closes windows; only open windows call; a window holding a ticket does not close', async () => {
      const path = (a: string) =>
        `/halls/${FIX.fuyang}/windows/${fy.social}/${a}`;
      expect((await act('fuyang-clerk', path('pause'))).body).toMatchObject({
        id: fy.social,
        state: 'paused',
      });
      expect((await act('fuyang-clerk', path('pause'))).status).toBe(409);
      const paused = await act('fuyang-clerk', path('call-next'));
      expect([paused.status, paused.body.message]).toEqual([
        409,
        expect.stringMatching(/^Window \S+ is paused; open it first$/),
      ]);
      const unknown = await act(
        'fuyang-clerk',
        `/halls/${FIX.fuyang}/windows/99999999-9999-4999-8999-999999999999/call-next`,
      );
      expect([unknown.status, unknown.body.message]).toEqual([
        404,
        'Window not found',
      ]);
      expect((await act('fuyang-clerk', path('open'))).body.state).toBe('open');
      const t = (
        await issue(kiosk, { serviceItemCode: 'SS-0001' }, 'win-1').expect(201)
      ).body;
      expect((await act('fuyang-clerk', path('call-next'))).body.id).toBe(t.id);
      expect((await act('fuyang-clerk', path('close'))).status).toBe(409);
      await act('fuyang-clerk', `/tickets/${t.id}/no-show`);
      expect((await act('fuyang-clerk', path('close'))).body.state).toBe(
        'closed',
      );
      expect((await act('fuyang-clerk', path('close'))).status).toBe(409);
      expect((await act('fuyang-clerk', path('open'))).body.state).toBe('open');
      expect((await act('yiwu-manager', path('open'))).status).toBe(403);
      expect((await act('zj-reform', path('open'))).status).toBe(403);
    });
  });

  describe('priority', () => {
    /** Calls at window `windowId` until nothing waits, each called ticket marked a no-show; the ids in order. */
    const callAll = async (windowId: string): Promise<string[]> => {
      const order: string[] = [];
      for (;;) {
        const r = await act(
          'admin',
          `/halls/${FIX.lishui}/windows/${windowId}/call-next`,
        );
        if (r.status !== 200) {
          expect(r.status).toBe(204);
          return order;
        }
        order.push(r.body.id);
        await act('admin', `/tickets/${r.body.id}/no-show`);
      }
    };
    const issueAs = async (priority: string): Promise<string> =>
      (
        await issue(
          await h.token('admin'),
          { serviceItemCode: 'SS-0001', priority },
          undefined,
          FIX.lishui,
        ).expect(201)
      ).body.id;

    it('calls a new priority ticket next with 200 normal tickets waiting', async () => {
      const [w] = await h.sql<{ id: string }>(
        `INSERT INTO windows (hall_id, label, mode, category_codes, state, opened_on) VALUES ($1, 'P1', 'comprehensive', '{}', 'open', '2020-01-01') RETURNING id`,
        [FIX.lishui],
      );
      await h.sql(
        `UPDATE halls SET priority_streak_cap = 3, normal_max_wait_minutes = 45 WHERE id = $1`,
        [FIX.lishui],
      );
      const normals: string[] = [];
      for (let i = 0; i < 200; i++) normals.push(await issueAs('normal'));
      const prio = await issueAs('priority');
      const first = await act(
        'admin',
        `/halls/${FIX.lishui}/windows/${w.id}/call-next`,
      );
      expect(first.status).toBe(200);
      expect(first.body.id).toBe(prio);
      await act('admin', `/tickets/${prio}/no-show`);
      // then the normal tickets in their order
      expect(await callAll(w.id)).toEqual(normals);
    });

    it('hands the window to the oldest normal ticket after the hall’s streak cap of priority calls', async () => {
      const [w] = await h.sql<{ id: string }>(
        `SELECT id FROM windows WHERE hall_id = $1 AND label = 'P1'`,
        [FIX.lishui],
      );
      await h.sql(
        `UPDATE halls SET priority_streak_cap = 2, normal_max_wait_minutes = 45 WHERE id = $1`,
        [FIX.lishui],
      );
      const n = [await issueAs('normal'), await issueAs('normal')];
      const p = [
        await issueAs('priority'),
        await issueAs('appointment'),
        await issueAs('priority'),
        await issueAs('priority'),
        await issueAs('priority'),
      ];
      // two priority calls, then a normal one, two more priority, a normal, the last priority
      expect(await callAll(w.id)).toEqual([
        p[0],
        p[1],
        n[0],
        p[2],
        p[3],
        n[1],
        p[4],
      ]);
    });

    it('gives every waiting ticket the place the green channel will call it in', async () => {
      const [w] = await h.sql<{ id: string }>(
        `UPDATE windows SET priority_streak = 0 WHERE hall_id = $1 AND label = 'P1' RETURNING id`,
        [FIX.lishui],
      );
      await h.sql(
        `UPDATE halls SET priority_streak_cap = 3, normal_max_wait_minutes = 45 WHERE id = $1`,
        [FIX.lishui],
      );
      // eight priority tickets, a normal one, one more priority
      const ids: string[] = [];
      for (let i = 0; i < 8; i++) ids.push(await issueAs('priority'));
      ids.push(await issueAs('normal'));
      ids.push(await issueAs('priority'));
      const admin = await h.token('admin');
      const positions = new Map<string, number>();
      for (const id of ids) {
        const r = await h
          .http()
          .get(`/api/v1/tickets/${id}`)
          .set('Authorization', `Bearer ${admin}`)
          .expect(200);
        positions.set(id, r.body.position);
      }
      // the normal ticket is 4th (three priority calls, then it), not 9th behind every priority one
      expect(positions.get(ids[8])).toBe(4);
      // the order the window calls them in is the order of their places
      const called = await callAll(w.id);
      expect(called.map((id) => positions.get(id))).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
      ]);
    });

    it('serves a normal ticket first once it has waited the hall’s maximum', async () => {
      const [w] = await h.sql<{ id: string }>(
        `SELECT id FROM windows WHERE hall_id = $1 AND label = 'P1'`,
        [FIX.lishui],
      );
      await h.sql(
        `UPDATE halls SET priority_streak_cap = 10, normal_max_wait_minutes = 45 WHERE id = $1`,
        [FIX.lishui],
      );
      const admin = await h.token('admin');
      const old = (
        await issue(
          admin,
          { serviceItemCode: 'SS-0001' },
          undefined,
          FIX.lishui,
        ).expect(201)
      ).body.id;
      await h.sql(
        `UPDATE tickets SET queue_at = queue_at - interval '50 minutes' WHERE id = $1`,
        [old],
      );
      const fresh = (
        await issue(
          admin,
          { serviceItemCode: 'SS-0001' },
          undefined,
          FIX.lishui,
        ).expect(201)
      ).body.id;
      const prio = (
        await issue(
          admin,
          { serviceItemCode: 'SS-0001', priority: 'appointment' },
          undefined,
          FIX.lishui,
        ).expect(201)
      ).body.id;
      const order: string[] = [];
      for (
        let r = await act(
          'admin',
          `/halls/${FIX.lishui}/windows/${w.id}/call-next`,
        );
        r.status === 200;
        r = await act('admin', `/halls/${FIX.lishui}/windows/${w.id}/call-next`)
      ) {
        order.push(r.body.id);
        await act('admin', `/tickets/${r.body.id}/no-show`);
      }
      expect(order).toEqual([old, prio, fresh]);
    });
  });

  describe('live', () => {
    it('gives a queue snapshot', async () => {
      const t = (
        await issue(kiosk, { serviceItemCode: 'MR-0001' }, 'snap-1').expect(201)
      ).body;
      await act(
        'fuyang-clerk',
        `/halls/${FIX.fuyang}/windows/${fy.market}/call-next`,
      );
      const u = (
        await issue(kiosk, { serviceItemCode: 'MR-0001' }, 'snap-2').expect(201)
      ).body;
      const snap = await request(base)
        .get(`/api/v1/halls/${FIX.fuyang}/queue`)
        .set(bearer(display))
        .expect(200);
      expect(snap.body.waiting).toEqual([
        {
          categoryCode: 'market_regulation',
          count: 1,
          oldestIssuedAt: u.issuedAt,
        },
      ]);
      const market = snap.body.windows.find(
        (w: { id: string }) => w.id === fy.market,
      );
      expect(market).toMatchObject({
        label: 'F4',
        mode: 'department',
        state: 'open',
        currentTicket: { id: t.id, state: 'called' },
      });
      expect(snap.body.windows).toHaveLength(4);
      expect(snap.body.averageWaitTodayMinutes).toEqual(expect.any(Number));
      await act('fuyang-clerk', `/tickets/${t.id}/no-show`);
      await request(base)
        .post(`/api/v1/tickets/${u.id}/cancel`)
        .set(bearer(kiosk))
        .expect(200);
    });

    it('streams events with ids, replays after Last-Event-ID, and sends keep-alive comments', async () => {
      const live = new SseClient();
      await live.connect(
        Number(new URL(base).port),
        `/api/v1/halls/${FIX.fuyang}/events`,
        bearer(display),
      );
      expect(live.status).toBe(200);
      const t = (
        await issue(kiosk, { serviceItemCode: 'MI-0001' }, 'sse-1').expect(201)
      ).body;
      await live.waitFor((ev) =>
        ev.some((e) => e.event === 'ticket.issued' && e.data['id'] === t.id),
      );
      // the issued event (built by issue_ticket() in SQL) is the ticket's view without its place,
      // and never carries the holder's status token
      const {
        position,
        estimatedWaitMinutes,
        statusToken,
        statusUrl,
        ...view
      } = t;
      expect(statusUrl).toBe(`/t/${statusToken}`);
      expect([position, estimatedWaitMinutes]).toEqual([
        expect.any(Number),
        expect.any(Number),
      ]);
      expect(
        live.events.find(
          (e) => e.event === 'ticket.issued' && e.data['id'] === t.id,
        )?.data,
      ).toEqual(view);
      await act(
        'fuyang-clerk',
        `/halls/${FIX.fuyang}/windows/${fy.comp1}/call-next`,
      );
      await act('fuyang-clerk', `/tickets/${t.id}/start`);
      await act('fuyang-clerk', `/tickets/${t.id}/complete`, {
        outcome: 'done',
      });
      await live.waitFor((ev) =>
        ev.some((e) => e.event === 'ticket.completed'),
      );
      const mine = live.events
        .filter((e) => e.data['id'] === t.id)
        .map((e) => e.event);
      expect(mine).toEqual([
        'ticket.issued',
        'ticket.called',
        'ticket.started',
        'ticket.completed',
      ]);
      const ids = live.events.map((e) => e.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      await live.waitFor(() => live.comments > 0, 3000);
      live.close();

      // a board that was away: resumes after the issued event and gets the rest in order
      const issuedId = live.events.find(
        (e) => e.event === 'ticket.issued' && e.data['id'] === t.id,
      )?.id as number;
      const back = new SseClient();
      await back.connect(
        Number(new URL(base).port),
        `/api/v1/halls/${FIX.fuyang}/events`,
        { ...bearer(display), 'Last-Event-ID': String(issuedId) },
      );
      await back.waitFor((ev) =>
        ev.some((e) => e.event === 'ticket.completed' && e.data['id'] === t.id),
      );
      expect(back.events.map((e) => e.event).slice(0, 3)).toEqual([
        'ticket.called',
        'ticket.started',
        'ticket.completed',
      ]);
      expect(back.events[0].id).toBe(issuedId + 1);
      back.close();
    });

    it('refuses event streams of other halls and of other device kinds', async () => {
      await request(base)
        .get(`/api/v1/halls/${FIX.yiwu}/events`)
        .set(bearer(display))
        .expect(403);
      await request(base)
        .get(`/api/v1/halls/${FIX.fuyang}/events`)
        .set(bearer(kiosk))
        .expect(403);
      await request(base)
        .get(`/api/v1/halls/${FIX.fuyang}/events`)
        .set(bearer(display))
        .set('Last-Event-ID', 'abc')
        .expect(400);
    });
  });

  describe('footfall', () => {
    it('accepts counts from sensors and replaces a re-sent period', async () => {
      const body = {
        sensorId: 'door-north',
        periodStart: '2020-08-31T09:00:00+08:00',
        periodEnd: '2020-08-31T09:15:00+08:00',
        entries: 40,
      };
      await request(base)
        .post(`/api/v1/halls/${FIX.fuyang}/footfall`)
        .set(bearer(sensor))
        .send(body)
        .expect(202);
      await request(base)
        .post(`/api/v1/halls/${FIX.fuyang}/footfall`)
        .set(bearer(sensor))
        .send({ ...body, entries: 42, exits: 30 })
        .expect(202);
      expect(
        await h.sql(`SELECT entries, exits FROM footfall WHERE hall_id = $1`, [
          FIX.fuyang,
        ]),
      ).toEqual([{ entries: 42, exits: 30 }]);
      await request(base)
        .post(`/api/v1/halls/${FIX.fuyang}/footfall`)
        .set(bearer(kiosk))
        .send(body)
        .expect(403);
      await request(base)
        .post(`/api/v1/halls/${FIX.fuyang}/footfall`)
        .set(await as('fuyang-manager'))
        .send(body)
        .expect(403);
    });
  });

  describe('bad input', () => {
    it('answers every malformed request with a 4xx error body and changes nothing', async () => {
      const t = (
        await issue(kiosk, { serviceItemCode: 'MR-0001' }, 'bad-base').expect(
          201,
        )
      ).body;
      const state = async () =>
        h.sql(`SELECT
          (SELECT count(*) FROM tickets)::int AS tickets,
          (SELECT coalesce(sum(recall_count), 0) FROM tickets)::int AS recalls,
          (SELECT string_agg(state, ',' ORDER BY id) FROM tickets) AS states,
          (SELECT count(*) FROM footfall)::int AS footfall,
          (SELECT count(*) FROM idempotency_keys)::int AS keys,
          (SELECT string_agg(state, ',' ORDER BY id) FROM windows) AS windows,
          (SELECT count(*) FROM hall_events)::int AS events`);
      const before = await state();
      const F = FIX.fuyang;
      const foot = {
        sensorId: 'door-north',
        periodStart: '2020-09-01T09:00:00+08:00',
        periodEnd: '2020-09-01T09:15:00+08:00',
        entries: 1,
      };
      const cases: [
        string,
        string,
        string,
        object,
        Record<string, string>,
        number,
      ][] = [
        [
          'POST',
          `/halls/${F}/tickets`,
          kiosk,
          {},
          { 'Idempotency-Key': 'b1' },
          400,
        ],
        [
          'POST',
          `/halls/${F}/tickets`,
          kiosk,
          { serviceItemCode: '' },
          { 'Idempotency-Key': 'b2' },
          400,
        ],
        [
          'POST',
          `/halls/${F}/tickets`,
          kiosk,
          { serviceItemCode: 'MR 0001' },
          { 'Idempotency-Key': 'b3' },
          400,
        ],
        [
          'POST',
          `/halls/${F}/tickets`,
          kiosk,
          { serviceItemCode: 'MR-0001', priority: 'vip' },
          { 'Idempotency-Key': 'b4' },
          400,
        ],
        [
          'POST',
          `/halls/${F}/tickets`,
          kiosk,
          { serviceItemCode: 'MR-0001', channel: 'fax' },
          { 'Idempotency-Key': 'b5' },
          400,
        ],
        [
          'POST',
          `/halls/${F}/tickets`,
          kiosk,
          { serviceItemCode: 'MR-0001', extra: 1 },
          { 'Idempotency-Key': 'b6' },
          400,
        ],
        [
          'POST',
          `/halls/${F}/tickets`,
          kiosk,
          { serviceItemCode: 'MR-0001' },
          { 'Idempotency-Key': 'x'.repeat(65) },
          400,
        ],
        [
          'POST',
          `/halls/${F}/tickets`,
          kiosk,
          { serviceItemCode: 'MR-0001' },
          { 'Idempotency-Key': 'with space' },
          400,
        ],
        [
          'POST',
          `/halls/${F}/tickets`,
          kiosk,
          { serviceItemCode: 'NOPE-1' },
          { 'Idempotency-Key': 'b9' },
          400,
        ],
        [
          'POST',
          `/halls/not-a-uuid/tickets`,
          kiosk,
          { serviceItemCode: 'MR-0001' },
          { 'Idempotency-Key': 'b10' },
          400,
        ],
        [
          'POST',
          `/halls/${FIX.yiwu}/tickets`,
          kiosk,
          { serviceItemCode: 'MR-0001' },
          { 'Idempotency-Key': 'b11' },
          403,
        ],
        [
          'POST',
          `/halls/${F}/tickets`,
          display,
          { serviceItemCode: 'MR-0001' },
          { 'Idempotency-Key': 'b12' },
          403,
        ],
        [
          'POST',
          `/halls/${F}/tickets`,
          'owd_' + 'x'.repeat(43),
          { serviceItemCode: 'MR-0001' },
          { 'Idempotency-Key': 'b13' },
          401,
        ],
        ['GET', `/tickets/not-a-uuid`, kiosk, {}, {}, 400],
        [
          'GET',
          `/tickets/99999999-9999-4999-8999-999999999999`,
          kiosk,
          {},
          {},
          404,
        ],
        [
          'POST',
          `/tickets/${t.id}/complete`,
          'clerk',
          { outcome: 'great' },
          {},
          400,
        ],
        [
          'POST',
          `/tickets/${t.id}/complete`,
          'clerk',
          { outcome: 'done', rating: 6 },
          {},
          400,
        ],
        [
          'POST',
          `/tickets/${t.id}/complete`,
          'clerk',
          { outcome: 'done', rating: 4.5 },
          {},
          400,
        ],
        [
          'POST',
          `/tickets/${t.id}/complete`,
          'clerk',
          { outcome: 'done' },
          {},
          409,
        ],
        ['POST', `/tickets/${t.id}/start`, 'clerk', {}, {}, 409],
        ['POST', `/tickets/${t.id}/recall`, 'clerk', {}, {}, 409],
        ['POST', `/tickets/${t.id}/no-show`, 'clerk', {}, {}, 409],
        [
          'POST',
          `/tickets/${t.id}/transfer`,
          'clerk',
          { serviceItemCode: 'MI-0001' },
          {},
          409,
        ],
        ['POST', `/tickets/${t.id}/transfer`, 'clerk', {}, {}, 400],
        ['POST', `/tickets/${t.id}/recall`, kiosk, {}, {}, 403],
        ['POST', `/tickets/${t.id}/cancel`, 'yiwu-manager', {}, {}, 403],
        [
          'POST',
          `/halls/${F}/windows/not-a-uuid/call-next`,
          'clerk',
          {},
          {},
          400,
        ],
        [
          'POST',
          `/halls/${F}/windows/99999999-9999-4999-8999-999999999999/call-next`,
          'clerk',
          {},
          {},
          404,
        ],
        [
          'POST',
          `/halls/${F}/windows/${fy.comp1}/call-next`,
          kiosk,
          {},
          {},
          403,
        ],
        [
          'POST',
          `/halls/${F}/windows/${fy.comp1}/call-next`,
          'zj-reform',
          {},
          {},
          403,
        ],
        ['POST', `/halls/${F}/windows/${fy.comp1}/open`, 'clerk', {}, {}, 409],
        [
          'POST',
          `/halls/${F}/footfall`,
          sensor,
          { ...foot, entries: -1 },
          {},
          400,
        ],
        [
          'POST',
          `/halls/${F}/footfall`,
          sensor,
          { ...foot, entries: 1.5 },
          {},
          400,
        ],
        [
          'POST',
          `/halls/${F}/footfall`,
          sensor,
          { ...foot, periodEnd: foot.periodStart },
          {},
          400,
        ],
        [
          'POST',
          `/halls/${F}/footfall`,
          sensor,
          { ...foot, periodEnd: '2020-09-02T10:00:00+08:00' },
          {},
          400,
        ],
        [
          'POST',
          `/halls/${F}/footfall`,
          sensor,
          { ...foot, periodStart: '2020-09-01 09:00' },
          {},
          400,
        ],
        [
          'POST',
          `/halls/${F}/footfall`,
          sensor,
          { ...foot, periodStart: '2020-09-01T09:00:00' },
          {},
          400,
        ],
        [
          'POST',
          `/halls/${F}/footfall`,
          sensor,
          { ...foot, sensorId: '' },
          {},
          400,
        ],
        [
          'POST',
          `/halls/${F}/footfall`,
          sensor,
          { ...foot, entries: '12' },
          {},
          400,
        ],
        ['GET', `/halls/${F}/queue`, sensor, {}, {}, 403],
      ];
      expect(cases.length).toBeGreaterThanOrEqual(25);
      for (const [method, path, who, body, headers, status] of cases) {
        const token =
          who === 'clerk'
            ? await h.token('fuyang-clerk')
            : who === 'yiwu-manager' || who === 'zj-reform'
              ? await h.token(who)
              : who;
        const r =
          method === 'GET'
            ? request(base).get(`/api/v1${path}`)
            : request(base).post(`/api/v1${path}`).send(body);
        r.set('Authorization', `Bearer ${token}`);
        for (const [k, v] of Object.entries(headers)) r.set(k, v);
        const res = await r;
        if (res.status !== status)
          throw new Error(
            `${method} ${path} ${JSON.stringify(body)}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`,
          );
        expectErrorBody(res.body, status);
      }
      expect(await state()).toEqual(before);
      await request(base)
        .post(`/api/v1/tickets/${t.id}/cancel`)
        .set(bearer(kiosk))
        .expect(200);
    });
  });
});
