import { Client } from 'pg';
import request from 'supertest';
import { todayInShanghai } from '../src/app/common/service-date';
import { FIX, Harness, startHarness } from './harness';
import { SseClient } from './sse-client';

const WINDOWS = 50;
const CYCLES = 10;
const WAITING = 1200;

interface Window {
  id: string;
  label: string;
  mode: string;
  category_codes: string[];
}

interface Answer {
  path: string;
  status: number;
  body: Record<string, unknown>;
}

/**
 * Fifty windows calling continuously at one hall, against an API with its own pool of 20
 * connections: each window calls the next ticket, then marks it a no-show or serves it (start,
 * complete), ten times over. No request is refused for load (no 503), no ticket is called twice,
 * every call's answer is the ticket as the window now holds it and as the live event carries it.
 */
describe('Call-next under pressure: 50 windows at one hall (HTTP, real PostgreSQL and Redis)', () => {
  let h: Harness;
  let base: string;

  beforeAll(async () => {
    h = await startHarness('callpressure');
    base = `http://127.0.0.1:${await SseClient.listen(h)}`;
  });
  afterAll(async () => h?.close());

  it('answers every call, never with 503, and gives each ticket to one window once', async () => {
    const today = todayInShanghai();
    // 40 windows serve every category, 10 only their department's
    const windows = await h.sql<Window>(
      `INSERT INTO windows (hall_id, label, mode, category_codes, state, opened_on)
       SELECT $1, 'W' || lpad(i::text, 2, '0'),
              CASE WHEN i <= 40 THEN 'comprehensive' ELSE 'department' END,
              CASE WHEN i <= 40 THEN '{}'::text[]
                   WHEN i <= 45 THEN '{social_security}'::text[]
                   ELSE '{market_regulation,medical_insurance}'::text[] END,
              'open', '2020-01-01'
       FROM generate_series(1, $2::int) i
       RETURNING id, label, mode, category_codes`,
      [FIX.yiwu, WINDOWS],
    );
    // waiting tickets, a millisecond apart, oldest first: the three categories in turn, one in ten
    // priority and one in twenty an appointment
    await h.sql(`SELECT ensure_ticket_partitions($1::date, $1::date)`, [today]);
    await h.sql(
      `WITH src AS (
         SELECT i, (ARRAY['SS-0001', 'MI-0001', 'MR-0001'])[1 + i % 3] AS item,
                (ARRAY['social_security', 'medical_insurance', 'market_regulation'])[1 + i % 3] AS category,
                (ARRAY['A', 'B', 'C'])[1 + i % 3] AS prefix,
                CASE WHEN i % 10 = 9 THEN 'priority' WHEN i % 20 = 4 THEN 'appointment' ELSE 'normal' END AS priority,
                now() - ($3::int - i) * interval '1 millisecond' AS at
         FROM generate_series(0, $3::int - 1) i
       ), numbered AS (
         SELECT src.*, row_number() OVER (PARTITION BY prefix ORDER BY i)::int AS seq FROM src
       ), inserted AS (
         INSERT INTO tickets (service_date, hall_id, number, prefix, sequence, service_item_code, category_code,
                              priority, channel, state, issued_at, queue_at)
         SELECT $2::date, $1::uuid, ticket_number(prefix, seq), prefix, seq, item, category, priority, 'kiosk',
                'waiting', at, at
         FROM numbered
         RETURNING prefix, sequence
       )
       INSERT INTO ticket_counters (hall_id, service_date, prefix, last_value)
       SELECT $1, $2::date, prefix, max(sequence) FROM inserted GROUP BY prefix`,
      [FIX.yiwu, today, WAITING],
    );
    // the hall's manager works half of the windows, an administrator the other half: an
    // administrator's change of a ticket also reads the hall's region to check its scope
    const tokens = [await h.token('yiwu-manager'), await h.token('admin')];
    const post = async (
      path: string,
      as: number,
      body?: object,
    ): Promise<Answer> => {
      const res = await request(base)
        .post(`/api/v1${path}`)
        .set('Authorization', `Bearer ${tokens[as % 2]}`)
        .send(body ?? {});
      return { path, status: res.status, body: res.body ?? {} };
    };

    const calls = new Map<string, Answer[]>(windows.map((w) => [w.id, []]));
    const others: Answer[] = [];
    await Promise.all(
      windows.map(async (w, i) => {
        for (let cycle = 0; cycle < CYCLES; cycle++) {
          const called = await post(
            `/halls/${FIX.yiwu}/windows/${w.id}/call-next`,
            i,
          );
          calls.get(w.id)?.push(called);
          if (called.status !== 200) break;
          const ticket = `/tickets/${called.body['id']}`;
          const steps: [string, object?][] =
            cycle % 2 === 0
              ? [['no-show']]
              : [['start'], ['complete', { outcome: 'done', rating: 5 }]];
          for (const [step, body] of steps) {
            const answer = await post(`${ticket}/${step}`, i, body);
            others.push(answer);
            // a window whose ticket was not closed would only be refused from here on
            if (answer.status !== 200) return;
          }
        }
      }),
    );

    // every request answered 200: none refused as busy (503), none failed
    const failed: Record<string, number> = {};
    for (const a of [...[...calls.values()].flat(), ...others])
      if (a.status !== 200) {
        const what = `${a.path.split('/').pop()} ${a.status} ${a.body['message']}`;
        failed[what] = (failed[what] ?? 0) + 1;
      }
    expect(failed).toEqual({});

    // every answer is the ticket as its window now holds it, a category the window serves
    const answers = [...calls.entries()].flatMap(([windowId, list]) =>
      list.map((a) => ({ windowId, ticket: a.body })),
    );
    expect(answers).toHaveLength(WINDOWS * CYCLES);
    const byId = new Map(windows.map((w) => [w.id, w]));
    for (const { windowId, ticket } of answers) {
      const w = byId.get(windowId) as Window;
      expect(ticket).toMatchObject({
        hallId: FIX.yiwu,
        serviceDate: today,
        state: 'called',
        windowId,
        windowLabel: w.label,
        calledAt: expect.any(String),
      });
      if (w.mode === 'department')
        expect(w.category_codes).toContain(ticket['categoryCode']);
    }
    // no ticket called twice
    const ids = answers.map((a) => a.ticket['id'] as string);
    expect(new Set(ids).size).toBe(ids.length);

    // the database agrees: each of them called once, at the window that was told so, and closed
    const rows = await h.sql<{ id: string; window_id: string; state: string }>(
      `SELECT id, window_id, state FROM tickets
       WHERE hall_id = $1 AND service_date = $2 AND called_at IS NOT NULL`,
      [FIX.yiwu, today],
    );
    expect(rows).toHaveLength(ids.length);
    const told = new Map(answers.map((a) => [a.ticket['id'], a.windowId]));
    for (const r of rows) {
      expect(r.window_id).toBe(told.get(r.id));
      expect(['no_show', 'done']).toContain(r.state);
    }
    // one ticket.called event per call, carrying exactly the answer
    const events = await h.sql<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM hall_events WHERE hall_id = $1 AND type = 'ticket.called'`,
      [FIX.yiwu],
    );
    expect(events).toHaveLength(ids.length);
    const answerOf = new Map(answers.map((a) => [a.ticket['id'], a.ticket]));
    for (const e of events)
      expect(e.payload).toEqual(answerOf.get(e.payload['id']));
    // the hall's event sequence has no gap
    const [seq] = await h.sql<{ n: number; max: number }>(
      `SELECT count(*)::int AS n, max(seq)::int AS max FROM hall_events WHERE hall_id = $1`,
      [FIX.yiwu],
    );
    expect(seq.n).toBe(seq.max);

    // the green channel at each window: never more than the hall's cap (3) of priority calls in a
    // row while normal tickets wait, and the window's stored streak is its last run of them
    const streaks = await h.sql<{ id: string; priority_streak: number }>(
      `SELECT id, priority_streak FROM windows WHERE hall_id = $1`,
      [FIX.yiwu],
    );
    const stored = new Map(streaks.map((s) => [s.id, s.priority_streak]));
    for (const [windowId, list] of calls) {
      let run = 0;
      for (const a of list) {
        run = a.body['priority'] === 'normal' ? 0 : run + 1;
        expect(run).toBeLessThanOrEqual(3);
      }
      expect({ windowId, streak: stored.get(windowId) }).toEqual({
        windowId,
        streak: run,
      });
    }
  });

  it('does not starve the pool when twenty ticket changes that read the hall’s scope go on at once', async () => {
    // an administrator's change of a ticket checks the hall's region inside the change's
    // transaction; twenty such transactions, each holding one of the pool's connections, must not
    // wait for a second one (no connection would ever come free: 503 after the pool's timeout)
    const admin = await h.token('admin');
    const windows = await h.sql<{ id: string }>(
      `SELECT id FROM windows WHERE hall_id = $1 AND mode = 'comprehensive' ORDER BY label LIMIT 25`,
      [FIX.yiwu],
    );
    const called: string[] = [];
    for (const w of windows) {
      const res = await request(base)
        .post(`/api/v1/halls/${FIX.yiwu}/windows/${w.id}/call-next`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(200);
      called.push(res.body.id);
    }
    // the changes pile up behind a lock held elsewhere, then all go on together
    const blocker = new Client({ connectionString: h.config.DATABASE_URL });
    await blocker.connect();
    let answers: { status: number; message: unknown }[] = [];
    try {
      await blocker.query('BEGIN');
      await blocker.query(
        `SELECT 1 FROM tickets WHERE id = ANY($1::uuid[]) FOR UPDATE`,
        [called],
      );
      const noShows = Promise.all(
        called.map((id) =>
          request(base)
            .post(`/api/v1/tickets/${id}/no-show`)
            .set('Authorization', `Bearer ${admin}`)
            .then((r) => ({ status: r.status, message: r.body.message })),
        ),
      );
      for (let i = 0; i < 250; i++) {
        const [{ n }] = await h.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE wait_event_type = 'Lock' AND datname = current_database()`,
        );
        if (n >= 20) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await blocker.query('COMMIT');
      answers = await noShows;
    } finally {
      await blocker.end();
    }
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
  });
});
