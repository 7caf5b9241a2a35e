import { RollupQueries } from '@onewindow/persistence';
import { rollUpOutbox } from '@onewindow/server-core';
import { HANDLING_CHANNELS } from '@onewindow/contracts';
import type {
  HallChannelsResponse,
  HallRankingResponse,
  HallWaitHeatmapResponse,
  WindowChangesResponse,
  WindowHistoryResponse,
} from '@onewindow/contracts';
import { hallId } from '@onewindow/demo-data';
import { expectErrorBody, startHarness, type Harness } from './harness';

/**
 * The analytics the dashboard's hall and region pages draw beside the daily figures: channels,
 * the weekday × hour wait heatmap, window changes and the hall ranking, on the small demo, each
 * checked against the raw facts in SQL.
 */
describe('Analytics breakdowns for the dashboard (real PostgreSQL, small demo)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('breakdowns', {}, undefined, 'demo');
    // what the worker does with the outbox: roll up every hall-day the demo touched
    await rollUpOutbox(new RollupQueries({ query: h.sql }));
  }, 180_000);
  afterAll(() => h?.close());

  const as = async (username: string) => ({
    Authorization: `Bearer ${await h.token(username)}`,
  });

  describe('GET /analytics/halls/{hallId}/channels', () => {
    it('sums the handling records per channel and period, with the online rate', async () => {
      const fuyang = hallId('fuyang');
      const res = await h
        .http()
        .get(`/api/v1/analytics/halls/${fuyang}/channels`)
        .query({ from: '2020-01-15', to: '2020-04-10', granularity: 'month' })
        .set(await as('fuyang-manager'))
        .expect(200);
      const body = res.body as HallChannelsResponse;
      expect(body.points.map((p) => p.period)).toEqual([
        '2020-01-01',
        '2020-02-01',
        '2020-03-01',
        '2020-04-01',
      ]);
      const raw = await h.sql<{ period: string; channel: string; n: number }>(
        `SELECT to_char(date_trunc('month', record_date), 'YYYY-MM-DD') AS period, channel, sum(count)::int AS n
         FROM handling_records WHERE hall_id = $1 AND record_date BETWEEN '2020-01-15' AND '2020-04-10'
         GROUP BY 1, 2`,
        [fuyang],
      );
      expect(raw.length).toBeGreaterThan(8);
      for (const p of body.points) {
        expect(Object.keys(p.channels).sort()).toEqual(
          [...HANDLING_CHANNELS].sort(),
        );
        for (const c of HANDLING_CHANNELS) {
          const n =
            raw.find((r) => r.period === p.period && r.channel === c)?.n ?? 0;
          expect({ period: p.period, c, n: p.channels[c] }).toEqual({
            period: p.period,
            c,
            n,
          });
        }
        const total = HANDLING_CHANNELS.reduce((s, c) => s + p.channels[c], 0);
        expect(p.total).toBe(total);
        expect(p.onlineRate).toBeCloseTo(
          (p.channels.online_web + p.channels.online_mobile) / total,
          4,
        );
      }
    });

    it('agrees with the online rate of the daily figures, day by day', async () => {
      const fuyang = hallId('fuyang');
      const query = { from: '2020-08-17', to: '2020-08-30' };
      const auth = await as('fuyang-clerk');
      const [channels, daily] = await Promise.all([
        h
          .http()
          .get(`/api/v1/analytics/halls/${fuyang}/channels`)
          .query({ ...query, granularity: 'day' })
          .set(auth)
          .expect(200),
        h
          .http()
          .get(`/api/v1/analytics/halls/${fuyang}/daily`)
          .query(query)
          .set(auth)
          .expect(200),
      ]);
      const points = (channels.body as HallChannelsResponse).points;
      expect(points).toHaveLength(14);
      points.forEach((p, i) => {
        expect(p.period).toBe(daily.body.days[i].date);
        expect(p.onlineRate).toBe(daily.body.days[i].onlineRate);
      });
    });

    it('keeps a hall to its people and checks the query', async () => {
      const fuyang = hallId('fuyang');
      for (const [user, query, status] of [
        ['yiwu-manager', {}, 403],
        ['hz-reform', {}, 200],
        ['zj-reform', { granularity: 'year' }, 400],
        ['admin', { from: '2020-02-01', to: '2020-01-01' }, 400],
      ] as [string, object, number][]) {
        const res = await h
          .http()
          .get(`/api/v1/analytics/halls/${fuyang}/channels`)
          .query({ from: '2020-01-01', to: '2020-01-31', ...query })
          .set(await as(user));
        expect({ user, status: res.status }).toEqual({ user, status });
        if (status !== 200) expectErrorBody(res.body, status);
      }
      const unknown = await h
        .http()
        .get(
          '/api/v1/analytics/halls/00000000-0000-4000-8000-000000000000/channels',
        )
        .query({ from: '2020-01-01', to: '2020-01-31' })
        .set(await as('admin'));
      expect(unknown.status).toBe(404);
    });
  });

  describe('GET /analytics/halls/{hallId}/coverage', () => {
    it('names the first and last day with tickets and with other facts, as the raw rows do', async () => {
      const fuyang = hallId('fuyang');
      const res = await h
        .http()
        .get(`/api/v1/analytics/halls/${fuyang}/coverage`)
        .set(await as('fuyang-clerk'))
        .expect(200);
      const [raw] = await h.sql<{
        t_from: string;
        t_to: string;
        f_from: string;
        f_to: string;
      }>(
        `SELECT (SELECT to_char(min(service_date), 'YYYY-MM-DD') FROM tickets WHERE hall_id = $1) AS t_from,
                (SELECT to_char(max(service_date), 'YYYY-MM-DD') FROM tickets WHERE hall_id = $1) AS t_to,
                (SELECT to_char(min(d), 'YYYY-MM-DD') FROM (
                   SELECT record_date AS d FROM handling_records WHERE hall_id = $1
                   UNION ALL SELECT (period_start AT TIME ZONE 'Asia/Shanghai')::date FROM footfall WHERE hall_id = $1) x) AS f_from,
                (SELECT to_char(max(d), 'YYYY-MM-DD') FROM (
                   SELECT record_date AS d FROM handling_records WHERE hall_id = $1
                   UNION ALL SELECT (period_start AT TIME ZONE 'Asia/Shanghai')::date FROM footfall WHERE hall_id = $1) x) AS f_to`,
        [fuyang],
      );
      expect(raw.t_from).toBe('2020-08-17');
      expect(res.body).toEqual({
        hallId: fuyang,
        tickets: { from: raw.t_from, to: raw.t_to },
        facts: { from: raw.f_from, to: raw.f_to },
      });
      // a hall without any data
      const lishui = await h
        .http()
        .get(`/api/v1/analytics/halls/${hallId('lishui')}/coverage`)
        .set(await as('admin'))
        .expect(200);
      expect(lishui.body.tickets).toBeNull();
      // only the days before a given one
      const before = await h
        .http()
        .get(`/api/v1/analytics/halls/${fuyang}/coverage`)
        .query({ before: '2020-08-20' })
        .set(await as('fuyang-clerk'))
        .expect(200);
      expect(before.body.tickets).toEqual({
        from: '2020-08-17',
        to: '2020-08-19',
      });
      expect(before.body.facts.to).toBe('2020-08-19');
      const none = await h
        .http()
        .get(`/api/v1/analytics/halls/${fuyang}/coverage`)
        .query({ before: '2020-08-17' })
        .set(await as('fuyang-clerk'))
        .expect(200);
      expect(none.body.tickets).toBeNull();
      const bad = await h
        .http()
        .get(`/api/v1/analytics/halls/${fuyang}/coverage`)
        .query({ before: '2020-02-30' })
        .set(await as('fuyang-clerk'));
      expectErrorBody(bad.body, 400);
    });

    it('is 403 for another hall and 404 for an unknown one', async () => {
      const other = await h
        .http()
        .get(`/api/v1/analytics/halls/${hallId('fuyang')}/coverage`)
        .set(await as('yiwu-manager'));
      expectErrorBody(other.body, 403);
      const unknown = await h
        .http()
        .get(
          '/api/v1/analytics/halls/00000000-0000-4000-8000-000000000000/coverage',
        )
        .set(await as('admin'));
      expectErrorBody(unknown.body, 404);
    });
  });

  describe('GET /analytics/halls/{hallId}/wait-heatmap', () => {
    it('splits the tickets of a span by ISO weekday and hour of issue, as the raw tickets do', async () => {
      const fuyang = hallId('fuyang');
      const res = await h
        .http()
        .get(`/api/v1/analytics/halls/${fuyang}/wait-heatmap`)
        .query({ from: '2020-08-17', to: '2020-08-30' })
        .set(await as('fuyang-manager'))
        .expect(200);
      const body = res.body as HallWaitHeatmapResponse;
      expect(body.targetWaitMinutes).toBe(15);
      const raw = await h.sql<{
        weekday: number;
        hour: number;
        arrivals: number;
        mean: number | null;
        within: number | null;
      }>(
        `SELECT extract(isodow FROM service_date)::int AS weekday,
                extract(hour FROM issued_at AT TIME ZONE 'Asia/Shanghai')::int AS hour,
                count(*)::int AS arrivals,
                (avg(extract(epoch FROM called_at - issued_at)) / 60)::float AS mean,
                -- docs/figures.md: called within the target ÷ (called + abandoned + expired)
                (count(*) FILTER (WHERE called_at - issued_at <= interval '15 minutes'))::float
                  / NULLIF((count(called_at) + count(*) FILTER (WHERE state = 'expired' OR (state = 'cancelled'
                   AND cancelled_by IS DISTINCT FROM 'staff' AND cancelled_at - issued_at > interval '2 minutes'))), 0) AS within
         FROM tickets WHERE hall_id = $1 AND service_date BETWEEN '2020-08-17' AND '2020-08-30'
         GROUP BY 1, 2 ORDER BY 1, 2`,
        [fuyang],
      );
      expect(raw.length).toBeGreaterThan(20);
      expect(body.cells.map((c) => [c.weekday, c.hour, c.arrivals])).toEqual(
        raw.map((r) => [r.weekday, r.hour, r.arrivals]),
      );
      const days = await h.sql<{ weekday: number; days: number }>(
        `SELECT extract(isodow FROM service_date)::int AS weekday, count(DISTINCT service_date)::int AS days
         FROM tickets WHERE hall_id = $1 AND service_date BETWEEN '2020-08-17' AND '2020-08-30' GROUP BY 1`,
        [fuyang],
      );
      for (const c of body.cells) {
        const r = raw.find((x) => x.weekday === c.weekday && x.hour === c.hour);
        if (!r) throw new Error('cell without tickets');
        const d = days.find((x) => x.weekday === c.weekday)?.days;
        expect(c.days).toBe(d);
        expect(c.arrivalsPerDay).toBeCloseTo(c.arrivals / (d ?? 1), 1);
        if (r.mean === null) expect(c.meanWaitMinutes).toBeNull();
        else expect(c.meanWaitMinutes).toBeCloseTo(r.mean, 1);
        if (r.within === null) expect(c.withinTargetShare).toBeNull();
        else expect(c.withinTargetShare).toBeCloseTo(r.within, 3);
      }
      // Monday 2020-08-17 and 2020-08-24: two Mondays
      expect(body.cells.find((c) => c.weekday === 1)?.days).toBe(2);
    });

    it('is empty for a hall without tickets in the span', async () => {
      const res = await h
        .http()
        .get(`/api/v1/analytics/halls/${hallId('lishui')}/wait-heatmap`)
        .query({ from: '2020-08-17', to: '2020-08-30' })
        .set(await as('admin'))
        .expect(200);
      expect(res.body.cells).toEqual([]);
    });
  });

  describe('GET /analytics/halls/{hallId}/window-changes', () => {
    it("records Yiwu's 2019 merger: 36 department windows merged, 10 of them removed", async () => {
      const yiwu = hallId('yiwu');
      const res = await h
        .http()
        .get(`/api/v1/analytics/halls/${yiwu}/window-changes`)
        .query({ from: '2019-01-01', to: '2020-12-31' })
        .set(await as('yiwu-manager'))
        .expect(200);
      const body = res.body as WindowChangesResponse;
      const merger = body.changes.find((c) => c.date === '2019-05-06');
      expect(merger).toMatchObject({
        opened: { department: 0, comprehensive: 26 },
        retired: { department: 36, comprehensive: 0 },
        netChange: -10,
      });
      expect(merger?.notes.join()).toContain('36个窗口');
      expect(body.changes.map((c) => c.date)).toEqual(
        [...body.changes.map((c) => c.date)].sort(),
      );
    });

    it('adds up to the window history of the span', async () => {
      for (const key of ['yiwu', 'fuyang', 'lishui']) {
        const id = hallId(key);
        const auth = await as('admin');
        const [changes, history] = await Promise.all([
          h
            .http()
            .get(`/api/v1/analytics/halls/${id}/window-changes`)
            .query({ from: '2017-01-02', to: '2020-12-31' })
            .set(auth)
            .expect(200),
          h
            .http()
            .get(`/api/v1/halls/${id}/windows/history`)
            .query({ from: '2017-01-01', to: '2020-12-31' })
            .set(auth)
            .expect(200),
        ]);
        const days = (history.body as WindowHistoryResponse).days;
        const net = (changes.body as WindowChangesResponse).changes.reduce(
          (n, c) => n + c.netChange,
          0,
        );
        expect({ key, net }).toEqual({
          key,
          net: days[days.length - 1].total - days[0].total,
        });
        // each change day moves the history by its net change
        const byDate = new Map(days.map((d, i) => [d.date, i]));
        for (const c of (changes.body as WindowChangesResponse).changes) {
          const i = byDate.get(c.date) as number;
          expect(days[i].total - days[i - 1].total).toBe(c.netChange);
          expect(days[i].comprehensive - days[i - 1].comprehensive).toBe(
            c.opened.comprehensive +
              c.converted.toComprehensive -
              c.converted.toDepartment -
              c.retired.comprehensive,
          );
        }
      }
    });

    it('is 403 for another hall', async () => {
      const res = await h
        .http()
        .get(`/api/v1/analytics/halls/${hallId('yiwu')}/window-changes`)
        .query({ from: '2019-01-01', to: '2020-12-31' })
        .set(await as('fuyang-manager'));
      expect(res.status).toBe(403);
      expectErrorBody(res.body, 403);
    });
  });

  describe('GET /analytics/regions/{code}/hall-ranking', () => {
    it('ranks every hall of the province with windows cut, online rate and waits', async () => {
      const res = await h
        .http()
        .get('/api/v1/analytics/regions/330000/hall-ranking')
        .query({ from: '2020-01-01', to: '2020-12-31' })
        .set(await as('zj-reform'))
        .expect(200);
      const body = res.body as HallRankingResponse;
      const [{ n }] = await h.sql<{ n: number }>(
        'SELECT count(*)::int AS n FROM halls',
      );
      expect(body.halls).toHaveLength(n);

      const lishui = body.halls.find((x) => x.hallId === hallId('lishui'));
      expect(lishui).toMatchObject({ windowsAtStart: 340 });
      expect(lishui?.windowsAtEnd).toBeLessThanOrEqual(150);

      for (const key of ['yiwu', 'fuyang']) {
        const row = body.halls.find((x) => x.hallId === hallId(key));
        const history = await h
          .http()
          .get(`/api/v1/halls/${hallId(key)}/windows/history`)
          .query({ from: '2020-01-01', to: '2020-12-31' })
          .set(await as('admin'))
          .expect(200);
        const days = (history.body as WindowHistoryResponse).days;
        const first = days[0];
        const last = days[days.length - 1];
        expect(row).toMatchObject({
          windowsAtStart: first.total,
          windowsAtEnd: last.total,
          windowsCut: first.total - last.total,
        });
        expect(row?.comprehensiveShare).toBeCloseTo(
          last.comprehensive / last.total,
          4,
        );
      }

      // Fuyang's tickets (the small demo has two weeks of them) against the raw tickets
      const fuyang = body.halls.find((x) => x.hallId === hallId('fuyang'));
      const [raw] = await h.sql<{
        tickets: number;
        mean: number;
        within: number;
        abandoned: number;
      }>(
        `SELECT count(*)::int AS tickets,
                (avg(extract(epoch FROM called_at - issued_at)) / 60)::float AS mean,
                (count(*) FILTER (WHERE called_at - issued_at <= interval '15 minutes'))::float / (count(called_at) + count(*) FILTER (WHERE state = 'expired' OR (state = 'cancelled'
                   AND cancelled_by IS DISTINCT FROM 'staff' AND cancelled_at - issued_at > interval '2 minutes'))) AS within,
                (count(*) FILTER (WHERE state = 'expired' OR (state = 'cancelled'
                   AND cancelled_by IS DISTINCT FROM 'staff' AND cancelled_at - issued_at > interval '2 minutes')))::float
                  / (count(called_at) + count(*) FILTER (WHERE state = 'expired' OR (state = 'cancelled'
                   AND cancelled_by IS DISTINCT FROM 'staff' AND cancelled_at - issued_at > interval '2 minutes'))) AS abandoned
         FROM tickets WHERE hall_id = $1 AND service_date BETWEEN '2020-01-01' AND '2020-12-31'`,
        [hallId('fuyang')],
      );
      expect(fuyang?.tickets).toBe(raw.tickets);
      expect(fuyang?.meanWaitMinutes).toBeCloseTo(raw.mean, 1);
      expect(fuyang?.withinTargetShare).toBeCloseTo(raw.within, 3);
      // the demo has people who gave up
      expect(raw.abandoned).toBeGreaterThan(0);
      expect(fuyang?.abandonedShare).toBeCloseTo(raw.abandoned, 3);
      expect(fuyang?.p90WaitMinutes).toBeGreaterThan(
        fuyang?.meanWaitMinutes ?? 0,
      );
      const [online] = await h.sql<{ rate: number }>(
        `SELECT (sum(count) FILTER (WHERE channel IN ('online_web', 'online_mobile')))::float / sum(count) AS rate
         FROM handling_records WHERE hall_id = $1 AND record_date BETWEEN '2020-01-01' AND '2020-12-31'`,
        [hallId('fuyang')],
      );
      expect(fuyang?.onlineRate).toBeCloseTo(online.rate, 4);

      // a hall without tickets has no waits, not zeros
      expect(lishui).toMatchObject({
        tickets: 0,
        meanWaitMinutes: null,
        p90WaitMinutes: null,
      });
    });

    it('lists only the subtree, and only to its reform office and admins', async () => {
      const hz = await h
        .http()
        .get('/api/v1/analytics/regions/330100/hall-ranking')
        .query({ from: '2020-01-01', to: '2020-12-31' })
        .set(await as('hz-reform'))
        .expect(200);
      const codes = (hz.body as HallRankingResponse).halls.map(
        (x) => x.regionCode,
      );
      expect(codes.length).toBeGreaterThan(0);
      for (const c of codes) expect(c.startsWith('3301')).toBe(true);
      expect(
        (hz.body as HallRankingResponse).halls.map((x) => x.hallId),
      ).toContain(hallId('fuyang'));

      for (const [user, code, status] of [
        ['hz-reform', '330700', 403],
        ['fuyang-manager', '330100', 403],
        ['admin', '999999', 404],
        ['admin', '33', 400],
      ] as [string, string, number][]) {
        const res = await h
          .http()
          .get(`/api/v1/analytics/regions/${code}/hall-ranking`)
          .query({ from: '2020-01-01', to: '2020-12-31' })
          .set(await as(user));
        expect({ user, code, status: res.status }).toEqual({
          user,
          code,
          status,
        });
        expectErrorBody(res.body, status);
      }
    });
  });

  it('documents the four endpoints in OpenAPI with examples', async () => {
    const res = await h.http().get('/api/docs-json').expect(200);
    const paths = res.body.paths as Record<string, unknown>;
    for (const p of [
      '/api/v1/analytics/halls/{hallId}/channels',
      '/api/v1/analytics/halls/{hallId}/wait-heatmap',
      '/api/v1/analytics/halls/{hallId}/window-changes',
      '/api/v1/analytics/regions/{code}/hall-ranking',
    ]) {
      const text = JSON.stringify(paths[p] ?? null);
      expect({ p, documented: text.includes('"example"') }).toEqual({
        p,
        documented: true,
      });
    }
  });
});
