import { Client } from 'pg';
import request from 'supertest';
import { FIX, Harness, startHarness } from './harness';
import { SseClient } from './sse-client';

/**
 * Many kiosks and windows at once on one hall: 180 distinct tickets issued by 200 concurrent
 * requests (20 of them retries racing their original with the same Idempotency-Key), while five
 * windows call, start and complete until the queue is empty.
 */
describe('Queue under concurrency (HTTP, real PostgreSQL and Redis)', () => {
  let h: Harness;
  let base: string;

  beforeAll(async () => {
    h = await startHarness('concurrency', {
      DEVICE_RATE_LIMIT_PER_MINUTE: '100000',
    });
    base = `http://127.0.0.1:${await SseClient.listen(h)}`;
  });
  afterAll(async () => h?.close());

  it('gives unique numbers, one ticket per key, and serves every ticket exactly once at a window allowed to serve it', async () => {
    const windows = await h.sql<{
      id: string;
      mode: string;
      category_codes: string[];
    }>(
      `INSERT INTO windows (hall_id, label, mode, category_codes, state, opened_on) VALUES
         ($1, 'Y1', 'comprehensive', '{}', 'open', '2020-01-01'),
         ($1, 'Y2', 'comprehensive', '{}', 'open', '2020-01-01'),
         ($1, 'Y3', 'department', '{social_security}', 'open', '2020-01-01'),
         ($1, 'Y4', 'department', '{market_regulation}', 'open', '2020-01-01'),
         ($1, 'Y5', 'department', '{medical_insurance,social_security}', 'open', '2020-01-01')
       RETURNING id, mode, category_codes`,
      [FIX.yiwu],
    );
    const kiosk = (
      await request(base)
        .post(`/api/v1/halls/${FIX.yiwu}/devices`)
        .set('Authorization', `Bearer ${await h.token('yiwu-manager')}`)
        .send({ kind: 'kiosk', name: 'k' })
        .expect(201)
    ).body.token as string;
    const clerk = await h.token('yiwu-manager');

    const items = ['MI-0001', 'MR-0001', 'MR-0002', 'SS-0001'];
    const requests = Array.from({ length: 180 }, (_, i) => ({
      key: `k-${i}`,
      body: {
        serviceItemCode: items[i % 4],
        priority: i % 9 === 0 ? 'priority' : 'normal',
      },
    }));
    const all = [...requests, ...requests.slice(0, 20)];
    // interleave the retries with their originals
    all.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

    let issuing = true;
    const issued = Promise.all(
      all.map((r) =>
        request(base)
          .post(`/api/v1/halls/${FIX.yiwu}/tickets`)
          .set('Authorization', `Bearer ${kiosk}`)
          .set('Idempotency-Key', r.key)
          .send(r.body)
          .then((res) => ({ key: r.key, status: res.status, body: res.body })),
      ),
    ).finally(() => {
      issuing = false;
    });

    const served: { window: string; ticket: string; category: string }[] = [];
    const callers = windows.map(async (w) => {
      let idle = 0;
      while (issuing || idle < 2) {
        const res = await request(base)
          .post(`/api/v1/halls/${FIX.yiwu}/windows/${w.id}/call-next`)
          .set('Authorization', `Bearer ${clerk}`);
        if (res.status === 204) {
          if (!issuing) idle++;
          await new Promise((r) => setTimeout(r, 10));
          continue;
        }
        expect(res.status).toBe(200);
        idle = 0;
        served.push({
          window: w.id,
          ticket: res.body.id,
          category: res.body.categoryCode,
        });
        await request(base)
          .post(`/api/v1/tickets/${res.body.id}/start`)
          .set('Authorization', `Bearer ${clerk}`)
          .expect(200);
        await request(base)
          .post(`/api/v1/tickets/${res.body.id}/complete`)
          .set('Authorization', `Bearer ${clerk}`)
          .send({ outcome: 'done', rating: 5 })
          .expect(200);
      }
    });
    const responses = await issued;
    await Promise.all(callers);

    // issuing: 180 created, 20 replays answered 200 with the original ticket
    expect(responses.filter((r) => r.status === 201)).toHaveLength(180);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(20);
    const byKey = new Map<string, Set<string>>();
    for (const r of responses)
      byKey.set(r.key, (byKey.get(r.key) ?? new Set()).add(r.body.id));
    expect([...byKey.values()].every((ids) => ids.size === 1)).toBe(true);

    const tickets = await h.sql<{
      id: string;
      number: string;
      state: string;
      window_id: string;
      category_code: string;
    }>(
      `SELECT id, number, state, window_id, category_code FROM tickets WHERE hall_id = $1`,
      [FIX.yiwu],
    );
    expect(tickets).toHaveLength(180);
    expect(new Set(tickets.map((t) => t.number)).size).toBe(180);
    expect(tickets.every((t) => t.state === 'done')).toBe(true);
    expect(
      await h.sql(
        `SELECT count(*)::int AS n FROM idempotency_keys WHERE hall_id = $1`,
        [FIX.yiwu],
      ),
    ).toEqual([{ n: 180 }]);

    // calling: every ticket exactly once, at a window that may serve its category
    expect(served).toHaveLength(180);
    expect(new Set(served.map((s) => s.ticket)).size).toBe(180);
    const calledEvents = await h.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM hall_events WHERE hall_id = $1 AND type = 'ticket.called' GROUP BY payload->>'id' HAVING count(*) <> 1`,
      [FIX.yiwu],
    );
    expect(calledEvents).toEqual([]);
    const windowById = new Map(windows.map((w) => [w.id, w]));
    for (const t of tickets) {
      const w = windowById.get(t.window_id);
      expect(w).toBeDefined();
      if (w && (w.mode === 'department' || w.category_codes.length))
        expect(w.category_codes).toContain(t.category_code);
    }
    // the hall's event sequence has no gap
    const [seq] = await h.sql<{ n: number; max: number }>(
      `SELECT count(*)::int AS n, max(seq)::int AS max FROM hall_events WHERE hall_id = $1`,
      [FIX.yiwu],
    );
    expect(seq.n).toBe(seq.max);
  });

  it('stamps a call after the issue it calls, even when the call waited for its window', async () => {
    const [w] = await h.sql<{ id: string }>(
      `INSERT INTO windows (hall_id, label, mode, category_codes, state, opened_on)
       VALUES ($1, 'Z1', 'comprehensive', '{}', 'open', '2020-01-01') RETURNING id`,
      [FIX.lishui],
    );
    const clerk = await h.token('admin');
    // another transaction holds the window (e.g. a change of its categories) while the call comes
    const blocker = new Client({ connectionString: h.config.DATABASE_URL });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT 1 FROM windows WHERE id = $1 FOR UPDATE', [
        w.id,
      ]);
      const calling = request(base)
        .post(`/api/v1/halls/${FIX.lishui}/windows/${w.id}/call-next`)
        .set('Authorization', `Bearer ${clerk}`)
        .then((r) => r);
      // the call's transaction has begun and waits for the window's lock
      for (let i = 0; i < 100; i++) {
        const waiting = await h.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE wait_event_type = 'Lock' AND datname = current_database()`,
        );
        if (waiting[0].n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      // a ticket is issued (and committed) meanwhile
      const issued = await request(base)
        .post(`/api/v1/halls/${FIX.lishui}/tickets`)
        .set('Authorization', `Bearer ${clerk}`)
        .send({ serviceItemCode: 'SS-0001' })
        .expect(201);
      await new Promise((r) => setTimeout(r, 20));
      await blocker.query('COMMIT');
      const called = await calling;
      expect(called.status).toBe(200);
      expect(called.body.id).toBe(issued.body.id);
      // nobody is called before they took their ticket
      expect(Date.parse(called.body.calledAt)).toBeGreaterThanOrEqual(
        Date.parse(issued.body.issuedAt),
      );
    } finally {
      await blocker.end();
    }
  });
});
