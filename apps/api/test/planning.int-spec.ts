import type { HallDemand } from '@onewindow/contracts';
import { simulate } from '@onewindow/queueing';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectErrorBody, FIX, Harness, startHarness } from './harness';

const WORKER_MAIN = resolve(__dirname, '../../../dist/apps/worker/main.js');

const scenario = {
  open: '08:30',
  close: '12:00',
  arrivalsPerDay: 400,
  profile: [
    { start: '08:30', end: '10:00', share: 0.6 },
    { start: '10:00', end: '12:00', share: 0.4 },
  ],
  categories: [
    {
      code: 'social_security',
      share: 0.7,
      service: { distribution: 'exponential', meanMinutes: 6 },
    },
    {
      code: 'market_regulation',
      share: 0.3,
      service: { distribution: 'lognormal', meanMinutes: 20, cv: 0.9 },
    },
  ],
  target: { waitMinutes: 15, share: 0.8 },
};

describe('Planning: instant answers', () => {
  let h: Harness;
  let manager: string;
  let reform: string;
  let clerk: string;
  const post = (path: string, token: string, body: unknown) =>
    h
      .http()
      .post(`/api/v1/planning/${path}`)
      .set('Authorization', `Bearer ${token}`)
      .send(body as object);

  beforeAll(async () => {
    h = await startHarness('planning');
    manager = await h.token('fuyang-manager');
    reform = await h.token('zj-reform');
    clerk = await h.token('fuyang-clerk');
  });
  afterAll(async () => h?.close());

  it('erlang-c: the published call-centre example (100 calls per 30 min, 180 s, 80% in 20 s)', async () => {
    const res = await post('erlang-c', manager, {
      arrivalsPerHour: 200,
      meanServiceMinutes: 3,
      target: { waitMinutes: 20 / 60, share: 0.8 },
    }).expect(200);
    expect(res.body.windowsRequired).toBe(14);
    expect(res.body.shareWithinTarget).toBeCloseTo(0.88835, 5);
    expect(res.body.probabilityOfWaiting).toBeCloseTo(0.17413, 5);
    expect(res.body.utilisation).toBeCloseTo(0.7143, 4);
    // figures at a given number of windows
    const at13 = await post('erlang-c', reform, {
      arrivalsPerHour: 200,
      meanServiceMinutes: 3,
      target: { waitMinutes: 20 / 60, share: 0.8 },
      windows: 13,
    }).expect(200);
    expect(at13.body.windowsRequired).toBe(14);
    expect(at13.body.shareWithinTarget).toBeLessThan(0.8);
    expect(at13.body.utilisation).toBeCloseTo(10 / 13, 10);
  });

  it('simulate: the library answer, reproducible for a seed, in the contract shape', async () => {
    const body = {
      scenario,
      layout: { kind: 'comprehensive', windows: 9 },
      replications: 10,
      seed: 7,
    };
    const a = await post('simulate', manager, body).expect(200);
    const b = await post('simulate', manager, body).expect(200);
    expect(a.body).toEqual(b.body);
    expect(a.body).toEqual(
      JSON.parse(
        JSON.stringify(
          simulate(scenario as never, body.layout as never, {
            replications: 10,
            seed: 7,
          }),
        ),
      ),
    );
    expect(a.body.replications).toBe(10);
    const m = a.body.overall.meanWaitMinutes;
    expect(m.ci95[0]).toBeLessThanOrEqual(m.mean);
    expect(m.ci95[1]).toBeGreaterThanOrEqual(m.mean);
    expect(a.body.byCategory.map((c: { code: string }) => c.code)).toEqual([
      'social_security',
      'market_regulation',
    ]);
    expect(a.body.byInterval.map((c: { start: string }) => c.start)).toEqual([
      '08:30',
      '10:00',
    ]);
    const other = await post('simulate', manager, { ...body, seed: 8 }).expect(
      200,
    );
    expect(other.body.overall.meanWaitMinutes.mean).not.toBe(m.mean);
  });

  it('minimum-windows: n meets the target and n − 1 does not (comprehensive and department)', async () => {
    for (const kind of ['comprehensive', 'department'] as const) {
      const res = await post('minimum-windows', manager, {
        scenario,
        layout: { kind },
        criterion: 'day',
        replications: 10,
        seed: 3,
      }).expect(200);
      expect(res.body.kind).toBe(kind);
      expect(res.body.achieved.shareWithinTarget.mean).toBeGreaterThanOrEqual(
        0.8,
      );
      if (kind === 'comprehensive') {
        expect(res.body.total).toBe(res.body.windows);
        const fewer = await post('simulate', manager, {
          scenario,
          layout: { kind, windows: res.body.windows - 1 },
          replications: 10,
          seed: 3,
        }).expect(200);
        expect(fewer.body.overall.shareWithinTarget.mean).toBeLessThan(0.8);
      } else {
        expect(Object.keys(res.body.windows).sort()).toEqual([
          'market_regulation',
          'social_security',
        ]);
        expect(res.body.total).toBe(
          res.body.windows.market_regulation + res.body.windows.social_security,
        );
      }
    }
  });

  it('replay: exact start times, the same for the same log', async () => {
    const body = {
      customers: [
        { arrivalMinute: 510, categoryCode: 'a', serviceMinutes: 7.5 },
        { arrivalMinute: 511.2, categoryCode: 'b', serviceMinutes: 12 },
        { arrivalMinute: 512, categoryCode: 'a', serviceMinutes: 4 },
        { arrivalMinute: 512, categoryCode: 'b', serviceMinutes: 1 },
      ],
      layout: { kind: 'comprehensive', windows: 2 },
      target: { waitMinutes: 5, share: 0.8 },
    };
    const res = await post('replay', manager, body).expect(200);
    // windows free at 517.5 and 523.2: the third starts at 517.5, the fourth at 521.5
    expect(res.body.customers).toEqual([
      { startMinute: 510, waitMinutes: 0 },
      { startMinute: 511.2, waitMinutes: 0 },
      { startMinute: 517.5, waitMinutes: 5.5 },
      { startMinute: 521.5, waitMinutes: 9.5 },
    ]);
    expect(res.body.overall.shareWithinTarget).toBe(0.5);
    expect((await post('replay', manager, body).expect(200)).body).toEqual(
      res.body,
    );
  });

  it('replay takes a long log (larger than the 100 KiB JSON limit of other routes)', async () => {
    const customers = Array.from({ length: 5000 }, (_, i) => ({
      arrivalMinute: 480 + i * 0.1,
      categoryCode: i % 2 ? 'social_security' : 'market_regulation',
      serviceMinutes: 5 + (i % 7),
    }));
    expect(JSON.stringify({ customers }).length).toBeGreaterThan(100 * 1024);
    const res = await post('replay', manager, {
      customers,
      layout: { kind: 'comprehensive', windows: 60 },
      target: { waitMinutes: 15, share: 0.8 },
    }).expect(200);
    expect(res.body.customers).toHaveLength(5000);
    // other routes still refuse such a body
    const big = await post('erlang-c', manager, {
      arrivalsPerHour: 1,
      meanServiceMinutes: 1,
      target: { waitMinutes: 1, share: 0.5 },
      padding: 'x'.repeat(150 * 1024),
    }).expect(413);
    expectErrorBody(big.body, 413);
  });

  it('refuses bad input with 400 and field details, too large runs with 413, clerks with 403', async () => {
    const bad: [string, unknown, string][] = [
      ['erlang-c', {}, 'arrivalsPerHour'],
      [
        'erlang-c',
        {
          arrivalsPerHour: 0,
          meanServiceMinutes: 3,
          target: { waitMinutes: 1, share: 0.8 },
        },
        'arrivalsPerHour',
      ],
      [
        'erlang-c',
        {
          arrivalsPerHour: 10,
          meanServiceMinutes: -3,
          target: { waitMinutes: 1, share: 0.8 },
        },
        'meanServiceMinutes',
      ],
      [
        'erlang-c',
        {
          arrivalsPerHour: 10,
          meanServiceMinutes: 3,
          target: { waitMinutes: 1, share: 1.5 },
        },
        'target.share',
      ],
      [
        'simulate',
        {
          scenario: {
            ...scenario,
            categories: [
              { ...scenario.categories[0], share: 0.5 },
              scenario.categories[1],
            ],
          },
          layout: { kind: 'comprehensive', windows: 5 },
        },
        'scenario.categories',
      ],
      [
        'simulate',
        {
          scenario: {
            ...scenario,
            profile: [
              { ...scenario.profile[0], share: 0.7 },
              scenario.profile[1],
            ],
          },
          layout: { kind: 'comprehensive', windows: 5 },
        },
        'scenario.profile',
      ],
      [
        'simulate',
        {
          scenario,
          layout: { kind: 'department', windows: { social_security: 3 } },
        },
        'layout.windows',
      ],
      [
        'simulate',
        { scenario, layout: { kind: 'pooled', windows: 3 } },
        'layout.kind',
      ],
      [
        'minimum-windows',
        { scenario, layout: { kind: 'comprehensive' }, criterion: 'week' },
        'criterion',
      ],
      [
        'replay',
        {
          customers: [],
          layout: { kind: 'comprehensive', windows: 1 },
          target: { waitMinutes: 5, share: 0.8 },
        },
        'customers',
      ],
    ];
    for (const [path, body, field] of bad) {
      const res = await post(path, manager, body);
      expect({ path, field, status: res.status }).toEqual({
        path,
        field,
        status: 400,
      });
      expectErrorBody(res.body, 400);
      expect(
        (res.body.details as { field: string }[]).some((d) =>
          d.field.startsWith(field),
        ),
      ).toBe(true);
    }
    const tooLarge = await post('simulate', manager, {
      scenario: { ...scenario, arrivalsPerDay: 50_000 },
      layout: { kind: 'comprehensive', windows: 900 },
      replications: 100,
    }).expect(413);
    expectErrorBody(tooLarge.body, 413);
    expect(tooLarge.body.message).toMatch(/plans/);
    const forbidden = await post('erlang-c', clerk, {
      arrivalsPerHour: 10,
      meanServiceMinutes: 3,
      target: { waitMinutes: 1, share: 0.8 },
    }).expect(403);
    expectErrorBody(forbidden.body, 403);
    await h.http().post('/api/v1/planning/erlang-c').send({}).expect(401);
  });
});

/**
 * Ten weekdays of tickets at Fuyang (2020-08-03 … 2020-08-14): 160 a day between 08:30 and 16:30,
 * two thirds social security (6 min), a third market regulation (20 min), every 20th a no-show.
 */
async function loadHistory(h: Harness): Promise<void> {
  await h.sql(`SELECT ensure_ticket_partitions('2020-08-01', '2020-08-31')`);
  await h.sql(
    `INSERT INTO tickets (service_date, hall_id, number, prefix, sequence, service_item_code, category_code,
                          state, issued_at, queue_at, called_at, started_at, completed_at)
     SELECT d::date, $1, p || lpad(i::text, 3, '0'), p, i, item, cat,
            CASE WHEN i % 20 = 0 THEN 'no_show' ELSE 'done' END,
            t, t, t + interval '4 minutes', CASE WHEN i % 20 <> 0 THEN t + interval '4 minutes' END,
            CASE WHEN i % 20 <> 0 THEN t + interval '4 minutes' + make_interval(secs => svc * 60) END
     FROM generate_series('2020-08-03'::date, '2020-08-14'::date, interval '1 day') d,
          generate_series(1, 160) i,
          LATERAL (SELECT CASE WHEN i % 3 = 0 THEN 'C' ELSE 'A' END AS p,
                          CASE WHEN i % 3 = 0 THEN 'MR-0001' ELSE 'SS-0001' END AS item,
                          CASE WHEN i % 3 = 0 THEN 'market_regulation' ELSE 'social_security' END AS cat,
                          CASE WHEN i % 3 = 0 THEN 14 + (i % 13) ELSE 3 + (i % 7) END AS svc,
                          (d::date + time '08:30' + make_interval(secs => (i * 179) % 28800)) AT TIME ZONE 'Asia/Shanghai' AS t) x
     WHERE extract(isodow FROM d) < 6`,
    [FIX.fuyang],
  );
}

describe('Plans: a job through the real worker and Redis', () => {
  let h: Harness;
  let manager: string;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    if (!existsSync(WORKER_MAIN))
      throw new Error(
        `${WORKER_MAIN} is missing: build the worker first (nx run api:int does)`,
      );
    h = await startHarness('plans');
    manager = await h.token('fuyang-manager');
    await loadHistory(h);
    await h.sql(
      `INSERT INTO windows (hall_id, label, mode, category_codes, state, opened_on)
       SELECT $1, 'W' || i, 'comprehensive', '{}', 'closed', '2020-01-01' FROM generate_series(1, 20) i`,
      [FIX.fuyang],
    );
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await h?.close();
  });

  const create = (token: string, body: unknown) =>
    h
      .http()
      .post(`/api/v1/halls/${FIX.fuyang}/plans`)
      .set('Authorization', `Bearer ${token}`)
      .send(body as object);

  it('queues a plan (202), the worker runs it with progress, the result is stored and listed', async () => {
    const res = await create(manager, {
      historyFrom: '2020-08-01',
      historyTo: '2020-08-31',
      target: { waitMinutes: 15, share: 0.8 },
      layouts: ['department', 'comprehensive', 'hybrid'],
      // enough simulated days that the run lasts a few seconds and its progress can be watched
      replications: 200,
      name: '八月方案',
    }).expect(202);
    const id = res.body.id as string;
    const first = await h
      .http()
      .get(`/api/v1/plans/${id}`)
      .set('Authorization', `Bearer ${manager}`)
      .expect(200);
    // no worker yet: the plan waits
    expect(first.body).toMatchObject({ id, state: 'queued', progress: 0 });

    worker = spawn(process.execPath, [WORKER_MAIN], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: h.config.DATABASE_URL,
        REDIS_URL: h.config.REDIS_URL,
        REDIS_PREFIX: h.config.REDIS_PREFIX,
        LOG_LEVEL: 'warn',
        OUTBOX_POLL_MS: '200',
      },
      stdio: 'ignore',
    });
    const seen: number[] = [];
    const states = new Set<string>();
    let plan: Record<string, unknown> = {};
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      plan = (
        await h
          .http()
          .get(`/api/v1/plans/${id}`)
          .set('Authorization', `Bearer ${manager}`)
          .expect(200)
      ).body;
      states.add(plan['state'] as string);
      seen.push(plan['progress'] as number);
      if (plan['state'] === 'done' || plan['state'] === 'failed') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(plan['error']).toBeUndefined();
    expect(plan['state']).toBe('done');
    expect(states.has('running')).toBe(true);
    // progress observed between 0 and 1, never going back
    expect(seen.some((p) => p > 0 && p < 1)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(plan['progress']).toBe(1);

    const result = plan['result'] as {
      fit: {
        days: number;
        patience?: { observations: number; events: number } | null;
        arrivalsPerDay: number;
        categories: { code: string; share: number }[];
      };
      currentWindows: number;
      layouts: {
        kind: string;
        intervals: {
          start: string;
          windows: number;
          shareWithinTarget: number;
        }[];
        peakWindows: number;
        fixedWindows: number;
        staffFreed: number;
        overall: {
          shareWithinTarget: { mean: number };
          abandonedShare?: { mean: number };
        };
      }[];
      pooling: {
        verdict: string;
        verdictMetric?: string;
        metrics: { metric: string; role?: string; better?: string }[];
      } | null;
    };
    // the fit is the history: 10 weekdays, 152 arrivals a day (160 less 8 no-shows)
    expect(result.fit.days).toBe(10);
    expect(result.fit.arrivalsPerDay).toBeCloseTo(152, 6);
    expect(
      result.fit.categories.find((c) => c.code === 'market_regulation')?.share,
    ).toBeCloseTo(51 / 152, 2);
    expect(result.currentWindows).toBe(20);
    expect(result.layouts.map((l) => l.kind)).toEqual([
      'department',
      'comprehensive',
      'hybrid',
    ]);
    for (const l of result.layouts) {
      // hour by hour from 08:30 to 17:00, every hour meeting the target
      expect(l.intervals.map((i) => i.start)).toEqual([
        '08:30',
        '09:00',
        '10:00',
        '11:00',
        '12:00',
        '13:00',
        '14:00',
        '15:00',
        '16:00',
      ]);
      for (const i of l.intervals.filter((x) => x.windows > 0))
        expect(i.shareWithinTarget).toBeGreaterThanOrEqual(0.8 - 1e-9);
      expect(l.peakWindows).toBe(
        Math.max(...l.intervals.map((i) => i.windows)),
      );
      expect(l.staffFreed).toBe(20 - l.peakWindows);
      expect(l.overall.shareWithinTarget.mean).toBeGreaterThanOrEqual(0.8);
    }
    // one verdict, on the one pre-declared metric; the others shown without one
    expect(result.pooling?.verdict).toMatch(
      /^(pooled|department|indistinguishable)$/,
    );
    expect(result.pooling?.verdictMetric).toBe('overall.shareWithinTarget');
    const judged = (result.pooling?.metrics ?? []).filter(
      (m) => m.better !== undefined,
    );
    expect(judged.map((m) => [m.metric, m.role])).toEqual([
      ['overall.shareWithinTarget', 'primary'],
    ]);
    expect(
      result.pooling?.metrics.some(
        (m) => m.metric === 'overall.abandonedShare' && m.role === 'secondary',
      ),
    ).toBe(true);
    // patience fitted from the history's waits (every called ticket is a censored observation);
    // every layout reports its abandonment
    expect(result.fit.patience?.observations).toBeGreaterThan(1000);
    for (const l of result.layouts)
      expect(l.overall.abandonedShare?.mean).toBeGreaterThanOrEqual(0);

    const list = await h
      .http()
      .get(`/api/v1/halls/${FIX.fuyang}/plans`)
      .set('Authorization', `Bearer ${manager}`)
      .expect(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({
      id,
      name: '八月方案',
      state: 'done',
    });
    expect(list.body.items[0].result).toBeUndefined();
    expect(list.body.items[0].summary).toHaveLength(3);
  }, 150_000);

  it("GET /halls/{id}/demand: the planner's fit of the history per clock hour, as the generator made it", async () => {
    const res = await h
      .http()
      .get(`/api/v1/halls/${FIX.fuyang}/demand`)
      .query({ from: '2020-08-01', to: '2020-08-31', weekdays: '3' })
      .set('Authorization', `Bearer ${manager}`)
      .expect(200);
    const fit = res.body as HallDemand;
    const hall = (
      await h
        .http()
        .get(`/api/v1/halls/${FIX.fuyang}`)
        .set('Authorization', `Bearer ${manager}`)
        .expect(200)
    ).body as { openingHours: { open: string; close: string } };
    // the generator's day, recomputed: ticket i at 08:30 + (179·i mod 28800) s; every 20th a
    // no-show (not an arrival that needs a window); i mod 3 = 0 market regulation
    const toMin = (t: string) =>
      Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
    const open = toMin(hall.openingHours.open);
    const close = toMin(hall.openingHours.close);
    const bounds = [open];
    while (bounds[bounds.length - 1] < close)
      bounds.push(
        Math.min(close, Math.floor(bounds[bounds.length - 1] / 60) * 60 + 60),
      );
    const byInterval = new Array(bounds.length - 1).fill(0);
    const svc: Record<string, number[]> = {
      social_security: [],
      market_regulation: [],
    };
    for (let i = 1; i <= 160; i++) {
      if (i % 20 === 0) continue;
      const minute = 510 + ((i * 179) % 28800) / 60;
      const k = bounds.findIndex((b, j) => j > 0 && minute < b) - 1;
      if (k >= 0) byInterval[k]++;
      svc[i % 3 === 0 ? 'market_regulation' : 'social_security'].push(
        i % 3 === 0 ? 14 + (i % 13) : 3 + (i % 7),
      );
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(fit).toMatchObject({
      hallId: FIX.fuyang,
      weekdays: [3],
      // the two Wednesdays of the span with tickets
      days: 2,
      openingHours: {
        open: hall.openingHours.open,
        close: hall.openingHours.close,
      },
      arrivalsPerDay: byInterval.reduce((a, b) => a + b, 0),
      noShowRate: 0.05,
    });
    expect(fit.intervals).toHaveLength(bounds.length - 1);
    expect(fit.byInterval).toEqual(byInterval);
    const ss = fit.categories.find((c) => c.code === 'social_security');
    const mr = fit.categories.find((c) => c.code === 'market_regulation');
    expect(ss?.handling?.meanMinutes).toBeCloseTo(
      mean(svc['social_security']),
      3,
    );
    expect(mr?.handling?.meanMinutes).toBeCloseTo(
      mean(svc['market_regulation']),
      3,
    );
    expect(ss?.handling?.count).toBe(svc['social_security'].length * 2);
    // every weekday of the span: ten days, the same mean per day
    const all = await h
      .http()
      .get(`/api/v1/halls/${FIX.fuyang}/demand`)
      .query({ from: '2020-08-01', to: '2020-08-31' })
      .set('Authorization', `Bearer ${manager}`)
      .expect(200);
    expect(all.body.days).toBe(10);
    expect(all.body.byInterval).toEqual(byInterval);
  });

  it('GET /halls/{id}/demand: refuses bad queries with 400, clerks and other halls with 403', async () => {
    const get = async (
      token: string,
      query: Record<string, string>,
      hall: string = FIX.fuyang,
    ) =>
      h
        .http()
        .get(`/api/v1/halls/${hall}/demand`)
        .query(query)
        .set('Authorization', `Bearer ${token}`);
    const ok = { from: '2020-08-01', to: '2020-08-31' };
    for (const [field, query] of [
      ['weekdays', { ...ok, weekdays: '8' }],
      ['weekdays', { ...ok, weekdays: 'monday' }],
      ['weekdays', { ...ok, weekdays: '1,1' }],
      ['from', { ...ok, from: '2020-09-01' }],
      ['to', { ...ok, to: '2020-02-30' }],
      ['from', { from: '2019-01-01', to: '2019-01-31' }],
    ] as [string, Record<string, string>][]) {
      const res = await get(manager, query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expectErrorBody(res.body, 400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(
        field,
      );
    }
    const clerk = await get(await h.token('fuyang-clerk'), ok);
    expectErrorBody(clerk.body, 403);
    const other = await get(await h.token('yiwu-manager'), ok);
    expectErrorBody(other.body, 403);
  });

  it('refuses bad plans with 400, other halls with 403, unknown plans with 404 — and stores nothing', async () => {
    const before = await h.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM plans`,
    );
    const ok = {
      historyFrom: '2020-08-01',
      historyTo: '2020-08-31',
      target: { waitMinutes: 15, share: 0.8 },
      layouts: ['comprehensive'],
    };
    const bad: [string, unknown][] = [
      ['historyFrom', { ...ok, historyFrom: '2020-02-30' }],
      ['from', { ...ok, historyFrom: '2020-09-01' }],
      [
        'historyTo',
        { ...ok, historyTo: '2999-01-01', historyFrom: '2998-12-01' },
      ],
      [
        'historyFrom',
        { ...ok, historyFrom: '2019-01-01', historyTo: '2019-01-31' },
      ],
      ['layouts', { ...ok, layouts: [] }],
      ['layouts', { ...ok, layouts: ['pooled'] }],
      ['target.share', { ...ok, target: { waitMinutes: 15, share: 1.5 } }],
      ['onlineShiftPoints', { ...ok, onlineShiftPoints: 101 }],
      ['replications', { ...ok, replications: 1 }],
      ['weekdays', { ...ok, weekdays: [0] }],
      ['extra', { ...ok, extra: true }],
    ];
    for (const [field, body] of bad) {
      const res = await create(manager, body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expectErrorBody(res.body, 400);
    }
    const other = await create(await h.token('yiwu-manager'), ok).expect(403);
    expectErrorBody(other.body, 403);
    const reform = await create(await h.token('zj-reform'), ok).expect(403);
    expectErrorBody(reform.body, 403);
    await h
      .http()
      .get('/api/v1/plans/00000000-0000-4000-8000-000000000000')
      .set('Authorization', `Bearer ${manager}`)
      .expect(404);
    await h
      .http()
      .get('/api/v1/plans/not-a-uuid')
      .set('Authorization', `Bearer ${manager}`)
      .expect(400);
    expect(await h.sql(`SELECT count(*)::int AS n FROM plans`)).toEqual(before);
  });
});
