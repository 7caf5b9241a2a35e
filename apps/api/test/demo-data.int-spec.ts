import { RollupQueries } from '@onewindow/persistence';
import { MAX_DAYS_PER_JOB } from '@onewindow/server-core';
import { FACTS, hallId } from '@onewindow/demo-data';
import { expectErrorBody, startHarness, type Harness } from './harness';

/**
 * The small demo profile through HTTP: the figures of the facts file (window counts on their
 * dates, online-handling rates) and the analytics read from the rollups of the demo's facts.
 */
describe('The demo data through HTTP (real PostgreSQL)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('demo', {}, undefined, 'demo');
    // what the worker does with the outbox: roll up Fuyang's days
    const days = await h.sql<{ d: string }>(
      `SELECT DISTINCT payload->>'date' AS d FROM outbox WHERE hall_id = $1 ORDER BY 1`,
      [hallId('fuyang')],
    );
    const rollups = new RollupQueries({ query: h.sql });
    for (let i = 0; i < days.length; i += MAX_DAYS_PER_JOB)
      await rollups.rollupHallDays(
        hallId('fuyang'),
        days.slice(i, i + MAX_DAYS_PER_JOB).map((r) => r.d),
      );
  }, 120_000);
  afterAll(() => h?.close());

  const facts = FACTS.halls
    .filter((f) => f.windows?.length)
    .flatMap((f) => (f.windows ?? []).map((w) => ({ key: f.key, ...w })));

  it('covers the window figures of the facts file', () => {
    expect(facts.map((f) => `${f.key} ${f.date} ${f.count}`)).toEqual(
      expect.arrayContaining([
        'yiwu 2016-12-31 324',
        'yiwu 2020-06-30 52',
        'fuyang 2019-08-31 184',
        'fuyang 2020-08-31 118',
        'lishui 2020-01-01 340',
      ]),
    );
  });

  it.each(facts)(
    '$key has $count windows on $date, by history and by layout',
    async ({ key, date, count }) => {
      const auth = {
        Authorization: `Bearer ${await h.token('admin')}`,
      };
      const history = await h
        .http()
        .get(`/api/v1/halls/${hallId(key)}/windows/history`)
        .query({ from: date, to: date })
        .set(auth)
        .expect(200);
      expect(history.body.days).toEqual([
        expect.objectContaining({ date, total: count }),
      ]);
      const layout = await h
        .http()
        .get(`/api/v1/halls/${hallId(key)}/windows`)
        .query({ asOf: date })
        .set(auth)
        .expect(200);
      expect(layout.body).toHaveLength(count);
      const byMode = (m: string) =>
        layout.body.filter((w: { mode: string }) => w.mode === m).length;
      expect({
        department: byMode('department'),
        comprehensive: byMode('comprehensive'),
      }).toEqual({
        department: history.body.days[0].department,
        comprehensive: history.body.days[0].comprehensive,
      });
      for (const w of layout.body) {
        expect(w.openedOn <= date).toBe(true);
        if (w.retiredOn) expect(w.retiredOn > date).toBe(true);
      }
    },
  );

  const as = async (username: string) => ({
    Authorization: `Bearer ${await h.token(username)}`,
  });

  it('gives a hall its days from the rollups, equal to the raw facts', async () => {
    const fuyang = hallId('fuyang');
    const res = await h
      .http()
      .get(`/api/v1/analytics/halls/${fuyang}/daily`)
      .query({ from: '2020-08-17', to: '2020-08-30' })
      .set(await as('fuyang-manager'))
      .expect(200);
    expect(res.body.days).toHaveLength(14);
    const raw = await h.sql<{
      date: string;
      tickets: number;
      served: number;
      mean: number;
    }>(
      `SELECT to_char(service_date, 'YYYY-MM-DD') AS date, count(*)::int AS tickets,
              count(*) FILTER (WHERE state = 'done')::int AS served,
              round((avg(extract(epoch FROM called_at - issued_at)) / 60)::numeric, 2)::float AS mean
       FROM tickets WHERE hall_id = $1 AND service_date BETWEEN '2020-08-17' AND '2020-08-30'
       GROUP BY 1 ORDER BY 1`,
      [fuyang],
    );
    expect(raw.length).toBeGreaterThan(5);
    for (const r of raw) {
      const day = res.body.days.find(
        (d: { date: string }) => d.date === r.date,
      );
      expect({
        date: r.date,
        tickets: day.tickets,
        served: day.served,
      }).toEqual({
        date: r.date,
        tickets: r.tickets,
        served: r.served,
      });
      expect(day.meanWaitMinutes).toBeCloseTo(r.mean, 2);
      expect(day.windowsOpen).toBe(118);
    }
    const open = res.body.days.filter(
      (d: { tickets: number }) => d.tickets > 0,
    );
    for (const d of open) {
      // 2020: about 2,500 visitors a day, most business online
      expect(d.visitors).toBeGreaterThan(1500);
      expect(d.visitors).toBeLessThan(4000);
      expect(d.onlineRate).toBeGreaterThan(0.6);
    }
    const hourly = await h
      .http()
      .get(`/api/v1/analytics/halls/${fuyang}/hourly`)
      .query({ date: raw[0].date })
      .set(await as('fuyang-clerk'))
      .expect(200);
    expect(
      hourly.body.hours.reduce(
        (n: number, x: { arrivals: number }) => n + x.arrivals,
        0,
      ),
    ).toBe(raw[0].tickets);
  });

  it('shows Fuyang online handling rising from about 26% (2019) to 78% (2020)', async () => {
    const res = await h
      .http()
      .get('/api/v1/analytics/regions/330111/trends')
      .query({ from: '2019-01-01', to: '2020-12-31', granularity: 'month' })
      .set(await as('hz-reform'))
      .expect(200);
    const points = res.body.region.points as {
      period: string;
      onlineRate: number | null;
    }[];
    expect(points).toHaveLength(24);
    const year = (y: string) => {
      const rates = points
        .filter((p) => p.period.startsWith(y) && p.onlineRate !== null)
        .map((p) => p.onlineRate as number);
      return rates.reduce((a, b) => a + b, 0) / rates.length;
    };
    expect(year('2019')).toBeGreaterThan(0.2);
    expect(year('2019')).toBeLessThan(0.32);
    expect(year('2020')).toBeGreaterThan(0.72);
    expect(year('2020')).toBeLessThan(0.84);
  });

  it('shows Fuyang at about 5,000 visitors a day in 2019 and 2,500 in 2020 (door counts → rollups → API)', async () => {
    const mean = async (from: string, to: string) => {
      const res = await h
        .http()
        .get(`/api/v1/analytics/halls/${hallId('fuyang')}/daily`)
        .query({ from, to })
        .set(await as('fuyang-manager'))
        .expect(200);
      const open = (res.body.days as { visitors: number | null }[])
        .map((d) => d.visitors)
        .filter((v): v is number => v !== null && v > 0);
      expect(open.length).toBeGreaterThan(150); // the open days of Jan–Aug
      return open.reduce((a, b) => a + b, 0) / open.length;
    };
    // the facts file's periods: January to August of each year
    const y2019 = await mean('2019-01-01', '2019-08-31');
    const y2020 = await mean('2020-01-01', '2020-08-31');
    expect(Math.abs(y2019 / 5000 - 1)).toBeLessThan(0.05);
    expect(Math.abs(y2020 / 2500 - 1)).toBeLessThan(0.05);
  });

  it('splits a region into its child regions and direct halls, which add up to it', async () => {
    const res = await h
      .http()
      .get('/api/v1/analytics/regions/330100/trends')
      .query({ from: '2020-08-01', to: '2020-08-31', granularity: 'week' })
      .set(await as('hz-reform'))
      .expect(200);
    expect(
      res.body.children.map((c: { regionCode: string }) => c.regionCode),
    ).toEqual(expect.arrayContaining(['330108', '330111']));
    const periods = res.body.region.points.map(
      (p: { period: string }) => p.period,
    );
    expect(periods[0]).toBe('2020-07-27'); // the ISO week under way on the 1st
    res.body.region.points.forEach(
      (p: { tickets: number; windows: number }, i: number) => {
        const parts = [...res.body.children, ...res.body.halls].map(
          (s) => s.points[i],
        );
        expect(
          parts.reduce((n: number, x: { tickets: number }) => n + x.tickets, 0),
        ).toBe(p.tickets);
        expect(
          parts.reduce((n: number, x: { windows: number }) => n + x.windows, 0),
        ).toBe(p.windows);
      },
    );
    expect(
      res.body.region.points.some((p: { tickets: number }) => p.tickets > 0),
    ).toBe(true);
  });

  it('keeps region figures to the admin and the reform office of the region', async () => {
    const get = async (username: string, code: string, query: object = {}) =>
      h
        .http()
        .get(`/api/v1/analytics/regions/${code}/trends`)
        .query({ from: '2020-01-01', to: '2020-01-31', ...query })
        .set(await as(username));
    expect((await get('zj-reform', '330700')).status).toBe(200);
    expect((await get('admin', '330700')).status).toBe(200);
    for (const [user, code, status, query] of [
      ['hz-reform', '330700', 403, {}],
      ['fuyang-manager', '330100', 403, {}],
      ['admin', '999999', 404, {}],
      ['admin', '330100', 400, { granularity: 'year' }],
      ['admin', '330100', 400, { from: '2020-02-01', to: '2020-01-01' }],
      ['admin', '330100', 400, { to: '2020-02-30' }],
    ] as [string, string, number, object][]) {
      const res = await get(user, code, query);
      expect({ user, code, status: res.status }).toEqual({
        user,
        code,
        status,
      });
      expectErrorBody(res.body, status);
    }
    const other = await h
      .http()
      .get(`/api/v1/analytics/halls/${hallId('yiwu')}/daily`)
      .query({ from: '2020-01-01', to: '2020-01-31' })
      .set(await as('fuyang-manager'));
    expect(other.status).toBe(403);
  });
});
