import { RollupQueries } from '@onewindow/persistence';
import { rollUpOutbox } from '@onewindow/server-core';
import { HANDLING_CHANNELS, ONLINE_CHANNELS } from '@onewindow/contracts';
import { DateTime } from 'luxon';
import { expectErrorBody, FIX, Harness, startHarness } from './harness';

const today = () =>
  DateTime.now().setZone('Asia/Shanghai').toISODate() as string;
/** Today's date (Asia/Shanghai) moved by `days`. */
const day = (days: number) =>
  DateTime.fromISO(today(), { zone: 'utc' })
    .plus({ days })
    .toISODate() as string;

const DUE = '2020-12-31';
const SPAN = { from: '2020-12-02', to: DUE };

/** Opens `n` windows of a hall on `date` (rows and their lifecycle events); returns their ids. */
async function openWindows(
  h: Harness,
  hallId: string,
  prefix: string,
  n: number,
  date: string,
): Promise<string[]> {
  const rows = await h.sql<{ id: string }>(
    `INSERT INTO windows (hall_id, label, mode, category_codes, state, opened_on)
     SELECT $1, $2 || i, 'department', '{social_security}', 'closed', $4::date FROM generate_series(1, $3::int) i
     RETURNING id`,
    [hallId, prefix, n, date],
  );
  const ids = rows.map((r) => r.id);
  await h.sql(
    `INSERT INTO window_events (hall_id, window_id, kind, effective_date, mode)
     SELECT $1, id, 'opened', $3, 'department' FROM unnest($2::uuid[]) id`,
    [hallId, ids, date],
  );
  return ids;
}

async function windowEvent(
  h: Harness,
  hallId: string,
  windowId: string,
  kind: 'converted' | 'retired',
  date: string,
): Promise<void> {
  await h.sql(
    `INSERT INTO window_events (hall_id, window_id, kind, effective_date, mode) VALUES ($1, $2, $3, $4, $5)`,
    [
      hallId,
      windowId,
      kind,
      date,
      kind === 'converted' ? 'comprehensive' : null,
    ],
  );
}

/** A called ticket issued at 09:00 local time on `date` and called `waitMinutes` later (null: never called). */
async function ticket(
  h: Harness,
  hallId: string,
  date: string,
  seq: number,
  waitMinutes: number | null,
  state: string,
): Promise<void> {
  const issued = `${date}T09:00:00+08:00`;
  await h.sql(
    `INSERT INTO tickets (service_date, hall_id, number, prefix, sequence, service_item_code, category_code, state, issued_at, queue_at, called_at)
     VALUES ($1, $2, 'A' || lpad($3::text, 3, '0'), 'A', $3::int, 'SS-0001', 'social_security', $4, $5::timestamptz, $5::timestamptz,
             $5::timestamptz + make_interval(mins => $6::int))`,
    [date, hallId, seq, state, issued, waitMinutes],
  );
}

/**
 * What the worker does with the outbox: rolls up every hall and day the facts written so far touched
 * (target actuals read the rollups). Rolling a day again gives the same rows.
 */
async function rollUp(h: Harness): Promise<void> {
  await rollUpOutbox(new RollupQueries({ query: h.sql }));
}

describe('Targets (HTTP, real PostgreSQL)', () => {
  let h: Harness;
  const auth = async (user: string) => ({
    Authorization: `Bearer ${await h.token(user)}`,
  });
  const hallPath = (hallId: string) => `/api/v1/halls/${hallId}/targets`;
  const regionPath = (code: string) => `/api/v1/regions/${code}/targets`;
  const create = async (
    user: string,
    path: string,
    body: Record<string, unknown>,
  ) =>
    (
      await h
        .http()
        .post(path)
        .set(await auth(user))
        .send(body)
        .expect(201)
    ).body;
  /** Everything a rejected request must leave as it was. */
  const snapshot = async () => ({
    targets: await h.sql('SELECT * FROM targets ORDER BY id'),
    audit: await h.sql('SELECT count(*)::int AS n FROM audit_log'),
  });

  beforeAll(async () => {
    h = await startHarness('targets');
    await h.sql(`SELECT ensure_ticket_partitions('2020-11-01', '2021-01-31')`);

    // Windows. Fuyang: 3 opened in January, 1 retired on 12-15, 1 opened after the date → 2.
    const fy = await openWindows(h, FIX.fuyang, 'F', 3, '2020-01-01');
    await windowEvent(h, FIX.fuyang, fy[0], 'retired', '2020-12-15');
    await openWindows(h, FIX.fuyang, 'G', 1, '2021-01-05');
    // Yiwu: 5 opened in June, 1 converted (still in service), 1 retired after the date → 5.
    const yw = await openWindows(h, FIX.yiwu, 'Y', 5, '2020-06-01');
    await windowEvent(h, FIX.yiwu, yw[0], 'converted', '2020-10-01');
    await windowEvent(h, FIX.yiwu, yw[1], 'retired', '2021-01-10');

    // Handling records. Fuyang: 70 online of 100 → 0.7 (12-01 and 2021-01-01 lie outside the span).
    // Yiwu: (20 + 100) online of 200 → 0.6. Both: 190 / 300.
    await h.sql(
      `INSERT INTO handling_records (hall_id, record_date, service_item_code, channel, count) VALUES
         ($1, '2020-12-10', 'MI-0001', 'window', 30),
         ($1, '2020-12-10', 'MI-0001', 'online_web', 50),
         ($1, '2020-12-10', 'MI-0001', 'online_mobile', 20),
         ($1, '2020-12-01', 'MI-0001', 'online_web', 1000),
         ($1, '2021-01-01', 'MI-0001', 'window', 1000),
         ($2, '2020-12-31', 'MR-0001', 'window', 60),
         ($2, '2020-12-31', 'MR-0001', 'self_service_terminal', 20),
         ($2, '2020-12-31', 'MR-0001', 'online_mobile', 20),
         ($2, '2020-12-02', 'MR-0002', 'online_web', 100)`,
      [FIX.fuyang, FIX.yiwu],
    );

    // Footfall by local (Asia/Shanghai) day. Fuyang: 12-02 50, 12-30 150 + 50, 12-31 50 → 300 over
    // 3 days = 100; the counts at 23:45 on 12-01 and 00:10 on 2021-01-01 fall outside.
    // Yiwu: 12-15 400 → 400. Both: 700 over 4 days = 175.
    await h.sql(
      `INSERT INTO footfall (hall_id, sensor_id, period_start, period_end, entries) VALUES
         ($1, 's1', '2020-12-01T23:45:00+08:00', '2020-12-02T00:00:00+08:00', 999),
         ($1, 's1', '2020-12-02T00:00:00+08:00', '2020-12-02T00:15:00+08:00', 50),
         ($1, 's1', '2020-12-30T09:00:00+08:00', '2020-12-30T10:00:00+08:00', 150),
         ($1, 's2', '2020-12-30T09:00:00+08:00', '2020-12-30T10:00:00+08:00', 50),
         ($1, 's1', '2020-12-31T23:30:00+08:00', '2020-12-31T23:45:00+08:00', 50),
         ($1, 's1', '2021-01-01T00:10:00+08:00', '2021-01-01T00:20:00+08:00', 777),
         ($2, 's1', '2020-12-15T10:00:00+08:00', '2020-12-15T11:00:00+08:00', 400)`,
      [FIX.fuyang, FIX.yiwu],
    );

    // Tickets. Fuyang, called after 4, 8 and 18 minutes → mean 10, 2 of 3 within 8 minutes;
    // two never called; one outside the span. Yiwu: 2 and 6 minutes. Both: 38 / 5 = 7.6, 4 of 5.
    let seq = 0;
    for (const [wait, state] of [
      [4, 'done'],
      [8, 'no_show'],
      [18, 'serving'],
      [null, 'waiting'],
      [null, 'cancelled'],
    ] as const)
      await ticket(h, FIX.fuyang, '2020-12-10', ++seq, wait, state);
    await ticket(h, FIX.fuyang, '2020-12-01', ++seq, 100, 'done');
    await ticket(h, FIX.yiwu, '2020-12-20', ++seq, 2, 'done');
    await ticket(h, FIX.yiwu, '2020-12-20', ++seq, 6, 'called');

    // Consultations. Fuyang: 60 robot of 100 → 0.6; Yiwu: 10 of 40. Both: 70 / 140 = 0.5.
    await h.sql(
      `INSERT INTO consultations (hall_id, record_date, channel, count) VALUES
         ($1, '2020-12-05', 'robot', 60), ($1, '2020-12-05', 'online_human', 30), ($1, '2020-12-05', 'window', 10),
         ($2, '2020-12-06', 'robot', 10), ($2, '2020-12-06', 'window', 30),
         ($1, '2020-11-30', 'robot', 500)`,
      [FIX.fuyang, FIX.yiwu],
    );
    await rollUp(h);
  });
  afterAll(async () => h?.close());

  /** One target per metric on a scope, due on DUE; returns the views by metric. */
  const everyMetric = async (user: string, path: string) => {
    const bodies: Record<string, Record<string, unknown>> = {
      windows: { metric: 'windows', comparison: 'lt', value: 30 },
      online_rate: { metric: 'online_rate', comparison: 'ge', value: 0.8 },
      daily_visitors: {
        metric: 'daily_visitors',
        comparison: 'le',
        value: 150,
      },
      mean_wait: { metric: 'mean_wait', comparison: 'le', value: 8 },
      within_minutes_share: {
        metric: 'within_minutes_share',
        comparison: 'ge',
        value: 0.8,
        parameter: 8,
      },
      consultation_mix: {
        metric: 'consultation_mix',
        comparison: 'ge',
        value: 0.6,
        parameter: 0.3,
      },
    };
    const views: Record<string, { actual: unknown; status: string }> = {};
    for (const [metric, body] of Object.entries(bodies))
      views[metric] = await create(user, path, { ...body, dueDate: DUE });
    return views;
  };

  describe('actual values', () => {
    it('computes each metric of a hall exactly from its facts', async () => {
      const v = await everyMetric('fuyang-manager', hallPath(FIX.fuyang));
      expect(v['windows']).toMatchObject({
        scope: { hallId: FIX.fuyang },
        metric: 'windows',
        comparison: 'lt',
        value: 30,
        parameter: null,
        dueDate: DUE,
        note: null,
        actual: {
          value: 2,
          asOf: DUE,
          basis: { from: DUE, to: DUE, sampleSize: 1 },
        },
        status: 'met',
      });
      expect(v['online_rate']).toMatchObject({
        actual: { value: 0.7, asOf: DUE, basis: { ...SPAN, sampleSize: 100 } },
        status: 'missed',
      });
      expect(v['daily_visitors']).toMatchObject({
        actual: { value: 100, basis: { ...SPAN, sampleSize: 3 } },
        status: 'met',
      });
      expect(v['mean_wait']).toMatchObject({
        actual: { value: 10, basis: { ...SPAN, sampleSize: 3 } },
        status: 'missed',
      });
      expect(v['within_minutes_share']).toMatchObject({
        parameter: 8,
        actual: { value: 0.6667, basis: { ...SPAN, sampleSize: 3 } },
        status: 'missed',
      });
      expect(v['consultation_mix']).toMatchObject({
        value: 0.6,
        parameter: 0.3,
        actual: { value: 0.6, basis: { ...SPAN, sampleSize: 100 } },
        status: 'met',
      });

      // the list (read by a clerk of the hall) gives the same figures
      const list = await h
        .http()
        .get(hallPath(FIX.fuyang))
        .set(await auth('fuyang-clerk'))
        .expect(200);
      expect(list.body.total).toBe(6);
      for (const view of Object.values(v))
        expect(list.body.items).toContainEqual(view);
    });

    it('sums a region over the halls of its whole subtree', async () => {
      const v = await everyMetric('admin', regionPath('330000'));
      const expected: Record<string, [number, number]> = {
        windows: [7, 3],
        online_rate: [0.6333, 300],
        daily_visitors: [175, 4],
        mean_wait: [7.6, 5],
        within_minutes_share: [0.8, 5],
        consultation_mix: [0.5, 140],
      };
      for (const [metric, [value, sampleSize]] of Object.entries(expected)) {
        expect(v[metric]).toMatchObject({
          scope: { regionCode: '330000' },
          actual: { value, asOf: DUE, basis: { sampleSize } },
        });
      }
      expect(v['windows'].status).toBe('met');
      expect(v['within_minutes_share'].status).toBe('met');
      expect(v['mean_wait'].status).toBe('met');
      expect(v['online_rate'].status).toBe('missed');

      // a city covers its counties: Jinhua is Yiwu alone
      const jinhua = await create('admin', regionPath('330700'), {
        metric: 'online_rate',
        comparison: 'ge',
        value: 0.6,
        dueDate: DUE,
      });
      expect(jinhua).toMatchObject({
        actual: { value: 0.6, basis: { ...SPAN, sampleSize: 200 } },
        status: 'met',
      });
    });

    it('lists a region’s own targets, or with includeChildren its subtree’s, within the reader’s scope', async () => {
      const own = await h
        .http()
        .get(regionPath('330000'))
        .set(await auth('zj-reform'))
        .expect(200);
      expect(own.body.total).toBe(6);
      expect(
        own.body.items.every(
          (t: { scope: object }) =>
            JSON.stringify(t.scope) === '{"regionCode":"330000"}',
        ),
      ).toBe(true);
      const all = await h
        .http()
        .get(`${regionPath('330000')}?includeChildren=true`)
        .set(await auth('zj-reform'))
        .expect(200);
      expect(all.body.total).toBe(13);
      const page = await h
        .http()
        .get(`${regionPath('330000')}?includeChildren=true&limit=5&offset=10`)
        .set(await auth('admin'))
        .expect(200);
      expect(page.body.items).toHaveLength(3);
      expect(page.body.items).toEqual(all.body.items.slice(10));

      // Hangzhou's reform office sees Fuyang's targets below its city, not the province's
      const hz = await h
        .http()
        .get(`${regionPath('330100')}?includeChildren=true`)
        .set(await auth('hz-reform'))
        .expect(200);
      expect(hz.body.total).toBe(6);
      expect(
        hz.body.items.map((t: { scope: { hallId: string } }) => t.scope.hallId),
      ).toEqual(Array(6).fill(FIX.fuyang));
      await h
        .http()
        .get(hallPath(FIX.fuyang))
        .set(await auth('hz-reform'))
        .expect(200);
    });
  });

  describe('status', () => {
    it('reaches met, on_track, behind, missed and no_data', async () => {
      // Lishui: 40 windows 200 days ago, 9 retired 30 days ago → 40 ninety days back, 31 today
      // (−0.1 a day). Online rate 0.5 in the 30 days to 90 days back, 0.7 in the last 30 days.
      const ls = await openWindows(h, FIX.lishui, 'L', 40, day(-200));
      for (const id of ls.slice(0, 9))
        await windowEvent(h, FIX.lishui, id, 'retired', day(-30));
      await h.sql(
        `INSERT INTO handling_records (hall_id, record_date, service_item_code, channel, count) VALUES
           ($1, $2, 'SS-0001', 'window', 50), ($1, $2, 'SS-0001', 'online_web', 50),
           ($1, $3, 'SS-0001', 'window', 30), ($1, $3, 'SS-0001', 'online_mobile', 70)`,
        [FIX.lishui, day(-95), day(-5)],
      );
      await rollUp(h);
      const path = hallPath(FIX.lishui);
      const status = async (body: Record<string, unknown>) =>
        (await create('admin', path, body)) as {
          status: string;
          actual: { value: number; asOf: string } | null;
        };

      const onTrack = await status({
        metric: 'windows',
        comparison: 'lt',
        value: 30,
        dueDate: day(60),
      });
      expect(onTrack).toMatchObject({
        status: 'on_track',
        actual: { value: 31, asOf: today() },
      });
      // at −0.1 a day, 5 days bring 31 to 30.5
      expect(
        await status({
          metric: 'windows',
          comparison: 'lt',
          value: 30,
          dueDate: day(5),
        }),
      ).toMatchObject({ status: 'behind', actual: { value: 31 } });
      expect(
        await status({
          metric: 'windows',
          comparison: 'le',
          value: 31,
          dueDate: day(5),
        }),
      ).toMatchObject({ status: 'met' });
      // more windows than wanted, and the due date has passed
      expect(
        await status({
          metric: 'windows',
          comparison: 'lt',
          value: 30,
          dueDate: day(-1),
        }),
      ).toMatchObject({
        status: 'missed',
        actual: { value: 31, asOf: day(-1) },
      });
      // the online rate from 0.5 to 0.7 in 90 days: 0.8333 in 60 more days, 0.7444 in 20
      expect(
        await status({
          metric: 'online_rate',
          comparison: 'ge',
          value: 0.8,
          dueDate: day(60),
        }),
      ).toMatchObject({ status: 'on_track', actual: { value: 0.7 } });
      expect(
        await status({
          metric: 'online_rate',
          comparison: 'ge',
          value: 0.8,
          dueDate: day(20),
        }),
      ).toMatchObject({ status: 'behind', actual: { value: 0.7 } });
      // Lishui has no tickets
      expect(
        await status({
          metric: 'mean_wait',
          comparison: 'le',
          value: 10,
          dueDate: day(30),
        }),
      ).toEqual(expect.objectContaining({ status: 'no_data', actual: null }));
    });
  });

  describe('writes', () => {
    it('lets the manager create, change and delete its hall’s targets, one audit row each', async () => {
      const created = await create('yiwu-manager', hallPath(FIX.yiwu), {
        metric: 'windows',
        comparison: 'lt',
        value: 30,
        dueDate: DUE,
        note: '今年年底前把人工窗口总数缩减至30个以内',
      });
      expect(created).toMatchObject({
        id: expect.any(String),
        scope: { hallId: FIX.yiwu },
        note: '今年年底前把人工窗口总数缩减至30个以内',
        actual: { value: 5 },
        status: 'met',
      });
      const changed = await h
        .http()
        .patch(`/api/v1/targets/${created.id}`)
        .set(await auth('yiwu-manager'))
        .send({ comparison: 'le', value: 4, note: null })
        .expect(200);
      expect(changed.body).toMatchObject({
        id: created.id,
        comparison: 'le',
        value: 4,
        note: null,
        actual: { value: 5 },
        status: 'missed',
      });
      // switching to a metric with a parameter needs the parameter
      const switched = await h
        .http()
        .patch(`/api/v1/targets/${created.id}`)
        .set(await auth('admin'))
        .send({
          metric: 'within_minutes_share',
          comparison: 'ge',
          value: 0.5,
          parameter: 5,
        })
        .expect(200);
      expect(switched.body).toMatchObject({
        metric: 'within_minutes_share',
        parameter: 5,
        actual: { value: 0.5, basis: { sampleSize: 2 } },
        status: 'met',
      });
      await h
        .http()
        .delete(`/api/v1/targets/${created.id}`)
        .set(await auth('yiwu-manager'))
        .expect(204);
      expect(
        await h.sql('SELECT 1 FROM targets WHERE id = $1', [created.id]),
      ).toEqual([]);

      const audit = await h.sql<{
        action: string;
        actor_name: string;
        hall_id: string;
        before: Record<string, unknown> | null;
        after: Record<string, unknown> | null;
      }>(
        `SELECT action, actor_name, hall_id, before, after FROM audit_log
         WHERE entity_type = 'target' AND entity_id = $1 ORDER BY id`,
        [created.id],
      );
      expect(audit.map((a) => [a.action, a.actor_name])).toEqual([
        ['target.create', 'yiwu-manager'],
        ['target.update', 'yiwu-manager'],
        ['target.update', 'admin'],
        ['target.delete', 'yiwu-manager'],
      ]);
      expect(audit.every((a) => a.hall_id === FIX.yiwu)).toBe(true);
      expect(audit[0]).toMatchObject({
        before: null,
        after: { id: created.id, metric: 'windows', value: 30 },
      });
      expect(audit[1]).toMatchObject({
        before: { comparison: 'lt', value: 30, note: expect.any(String) },
        after: { comparison: 'le', value: 4, note: null },
      });
      expect(audit[3]).toMatchObject({
        before: { metric: 'within_minutes_share', parameter: 5 },
        after: null,
      });
    });

    it('lets only admins write a region’s targets, audited with the region', async () => {
      const t = await create('admin', regionPath('331100'), {
        metric: 'online_rate',
        comparison: 'ge',
        value: 0.8,
        dueDate: DUE,
      });
      await h
        .http()
        .patch(`/api/v1/targets/${t.id}`)
        .set(await auth('admin'))
        .send({ dueDate: '2021-06-30' })
        .expect(200);
      await h
        .http()
        .delete(`/api/v1/targets/${t.id}`)
        .set(await auth('admin'))
        .expect(204);
      expect(
        await h.sql(
          `SELECT action, region_code, hall_id FROM audit_log WHERE entity_id = $1 ORDER BY id`,
          [t.id],
        ),
      ).toEqual([
        { action: 'target.create', region_code: '331100', hall_id: null },
        { action: 'target.update', region_code: '331100', hall_id: null },
        { action: 'target.delete', region_code: '331100', hall_id: null },
      ]);
    });

    it('refuses writers outside their rights with 403, changing nothing', async () => {
      const hallTarget = await create('fuyang-manager', hallPath(FIX.fuyang), {
        metric: 'mean_wait',
        comparison: 'le',
        value: 10,
        dueDate: '2030-12-31',
      });
      const regionTarget = await create('admin', regionPath('330100'), {
        metric: 'daily_visitors',
        comparison: 'le',
        value: 5000,
        dueDate: '2030-12-31',
      });
      const body = {
        metric: 'windows',
        comparison: 'lt',
        value: 30,
        dueDate: '2030-12-31',
      };
      const before = await snapshot();
      const cases: [string, 'post' | 'patch' | 'delete', string][] = [
        ['zj-reform', 'post', hallPath(FIX.fuyang)],
        ['zj-reform', 'post', regionPath('330000')],
        ['hz-reform', 'post', regionPath('330100')],
        ['fuyang-manager', 'post', hallPath(FIX.yiwu)],
        ['fuyang-manager', 'post', regionPath('330111')],
        ['fuyang-clerk', 'post', hallPath(FIX.fuyang)],
        ['yiwu-manager', 'patch', `/api/v1/targets/${hallTarget.id}`],
        ['yiwu-manager', 'delete', `/api/v1/targets/${hallTarget.id}`],
        ['fuyang-manager', 'patch', `/api/v1/targets/${regionTarget.id}`],
        ['fuyang-manager', 'delete', `/api/v1/targets/${regionTarget.id}`],
        ['fuyang-clerk', 'patch', `/api/v1/targets/${hallTarget.id}`],
        ['zj-reform', 'patch', `/api/v1/targets/${hallTarget.id}`],
        ['hz-reform', 'delete', `/api/v1/targets/${regionTarget.id}`],
      ];
      for (const [user, method, path] of cases) {
        const res = await h
          .http()
          [method](path)
          .set(await auth(user))
          .send(method === 'delete' ? undefined : body);
        expect([user, method, path, res.status]).toEqual([
          user,
          method,
          path,
          403,
        ]);
        expectErrorBody(res.body, 403);
      }
      expect(await snapshot()).toEqual(before);
    });

    it('refuses readers outside their scope with 403', async () => {
      for (const [user, path] of [
        ['hz-reform', regionPath('330000')],
        ['hz-reform', `${regionPath('330700')}?includeChildren=true`],
        ['hz-reform', hallPath(FIX.yiwu)],
        ['yiwu-manager', hallPath(FIX.fuyang)],
        ['fuyang-manager', regionPath('330111')],
      ]) {
        const res = await h
          .http()
          .get(path)
          .set(await auth(user));
        expect([user, path, res.status]).toEqual([user, path, 403]);
        expectErrorBody(res.body, 403);
      }
    });
  });

  describe('validation', () => {
    it('answers 400 for invalid input and 404 for unknown ids, changing nothing', async () => {
      const t = await create('admin', hallPath(FIX.yiwu), {
        metric: 'mean_wait',
        comparison: 'le',
        value: 10,
        dueDate: '2030-12-31',
      });
      const ok = {
        metric: 'online_rate',
        comparison: 'ge',
        value: 0.8,
        dueDate: '2030-12-31',
      };
      const before = await snapshot();
      const unknownId = '99999999-9999-4999-8999-999999999999';
      const cases: [
        'get' | 'post' | 'patch' | 'delete',
        string,
        Record<string, unknown> | undefined,
        number,
        string?,
      ][] = [
        [
          'post',
          hallPath(FIX.yiwu),
          { ...ok, metric: 'queue_length' },
          400,
          'metric',
        ],
        [
          'post',
          hallPath(FIX.yiwu),
          { ...ok, comparison: 'ne' },
          400,
          'comparison',
        ],
        [
          'post',
          hallPath(FIX.yiwu),
          { ...ok, dueDate: '2030-02-30' },
          400,
          'dueDate',
        ],
        [
          'post',
          hallPath(FIX.yiwu),
          { ...ok, dueDate: '31/12/2030' },
          400,
          'dueDate',
        ],
        [
          'post',
          hallPath(FIX.yiwu),
          { ...ok, dueDate: undefined },
          400,
          'dueDate',
        ],
        ['post', hallPath(FIX.yiwu), { ...ok, value: 80 }, 400, 'value'],
        ['post', hallPath(FIX.yiwu), { ...ok, value: -1 }, 400, 'value'],
        ['post', hallPath(FIX.yiwu), { ...ok, value: '0.8' }, 400, 'value'],
        ['post', hallPath(FIX.yiwu), { ...ok, parameter: 3 }, 400, 'parameter'],
        [
          'post',
          hallPath(FIX.yiwu),
          { ...ok, metric: 'within_minutes_share' },
          400,
          'parameter',
        ],
        [
          'post',
          hallPath(FIX.yiwu),
          { ...ok, metric: 'within_minutes_share', parameter: 0 },
          400,
          'parameter',
        ],
        [
          'post',
          hallPath(FIX.yiwu),
          { ...ok, metric: 'consultation_mix', parameter: 0.5 },
          400,
          'parameter',
        ],
        [
          'post',
          hallPath(FIX.yiwu),
          { ...ok, hallId: FIX.fuyang },
          400,
          'hallId',
        ],
        ['post', hallPath('not-a-uuid'), ok, 400, 'hallId'],
        ['post', hallPath(unknownId), ok, 404],
        ['post', regionPath('abc'), ok, 400, 'code'],
        ['post', regionPath('339999'), ok, 404],
        ['get', regionPath('339999'), undefined, 404],
        [
          'get',
          `${regionPath('330000')}?includeChildren=maybe`,
          undefined,
          400,
          'includeChildren',
        ],
        ['get', `${hallPath(FIX.yiwu)}?limit=0`, undefined, 400, 'limit'],
        ['patch', `/api/v1/targets/${t.id}`, {}, 400, 'body'],
        ['patch', `/api/v1/targets/${t.id}`, { metric: null }, 400, 'metric'],
        [
          'patch',
          `/api/v1/targets/${t.id}`,
          { metric: 'waiting' },
          400,
          'metric',
        ],
        [
          'patch',
          `/api/v1/targets/${t.id}`,
          { comparison: 'between' },
          400,
          'comparison',
        ],
        [
          'patch',
          `/api/v1/targets/${t.id}`,
          { dueDate: '2030-13-01' },
          400,
          'dueDate',
        ],
        ['patch', `/api/v1/targets/${t.id}`, { dueDate: null }, 400, 'dueDate'],
        [
          'patch',
          `/api/v1/targets/${t.id}`,
          { metric: 'within_minutes_share' },
          400,
          'parameter',
        ],
        [
          'patch',
          `/api/v1/targets/${t.id}`,
          { metric: 'within_minutes_share', parameter: 7.5 },
          400,
          'parameter',
        ],
        [
          'patch',
          `/api/v1/targets/${t.id}`,
          { metric: 'within_minutes_share', parameter: 1441 },
          400,
          'parameter',
        ],
        [
          'patch',
          `/api/v1/targets/${t.id}`,
          { metric: 'online_rate' },
          400,
          'value',
        ],
        ['patch', '/api/v1/targets/not-a-uuid', { value: 5 }, 400, 'id'],
        ['patch', `/api/v1/targets/${unknownId}`, { value: 5 }, 404],
        ['delete', `/api/v1/targets/${unknownId}`, undefined, 404],
        ['delete', '/api/v1/targets/not-a-uuid', undefined, 400, 'id'],
      ];
      for (const [method, path, body, status, field] of cases) {
        const req = h
          .http()
          [method](path)
          .set(await auth('admin'));
        const res = await (body === undefined ? req : req.send(body));
        expect([method, path, body, res.status]).toEqual([
          method,
          path,
          body,
          status,
        ]);
        expectErrorBody(res.body, status);
        if (field)
          expect(
            res.body.details.map((d: { field: string }) => d.field),
          ).toContain(field);
      }
      // a hall manager asking for an unknown target learns only that it is unknown
      await h
        .http()
        .delete(`/api/v1/targets/${unknownId}`)
        .set(await auth('fuyang-manager'))
        .expect(404);
      expect(await snapshot()).toEqual(before);
    });
  });

  it('documents the endpoints under Administration', async () => {
    const doc = await h.http().get('/api/docs-json').expect(200);
    const paths = doc.body.paths as Record<
      string,
      Record<string, { tags: string[] }>
    >;
    for (const [path, methods] of [
      ['/api/v1/halls/{hallId}/targets', ['get', 'post']],
      ['/api/v1/regions/{code}/targets', ['get', 'post']],
      ['/api/v1/targets/{id}', ['patch', 'delete']],
    ] as const) {
      for (const m of methods)
        expect(paths[path][m].tags).toEqual(['Administration']);
    }
    expect(
      paths['/api/v1/halls/{hallId}/targets']['get'] as unknown,
    ).toMatchObject({
      responses: {
        200: {
          content: {
            'application/json': {
              schema: {
                example: { items: [{ metric: 'windows', status: 'met' }] },
              },
            },
          },
        },
      },
    });
    const dto = doc.body.components.schemas.CreateTargetDto;
    expect(dto.properties.metric.enum).toContain('within_minutes_share');
    expect(dto.properties.dueDate.example).toBe('2020-12-31');
  });

  describe('figures from the rollups, against the raw facts', () => {
    // Lishui in November 2020 (no other test reads it): waits on and around whole minutes,
    // from none to more than a day, in seconds; one ticket never called
    const NOV_DUE = '2020-11-30';
    const waits = [
      0, 30, 59.5, 60, 60.001, 179, 180, 181, 419.999, 420, 421, 450, 599, 600,
      600.5, 900, 901, 1320, 1321, 2700, 2701, 5400, 90_000,
    ];
    beforeAll(async () => {
      let seq = 1000;
      for (const [i, wait] of waits.entries())
        await h.sql(
          `INSERT INTO tickets (service_date, hall_id, number, prefix, sequence, service_item_code, category_code, state, issued_at, queue_at, called_at)
           VALUES ($1, $2, 'A' || $3::int, 'A', $3::int, 'SS-0001', 'social_security', 'done', $4::timestamptz, $4::timestamptz,
                   $4::timestamptz + make_interval(secs => $5::float8))`,
          [
            `2020-11-${10 + (i % 5)}`,
            FIX.lishui,
            ++seq,
            `2020-11-${10 + (i % 5)}T09:00:00+08:00`,
            wait,
          ],
        );
      await ticket(h, FIX.lishui, '2020-11-12', ++seq, null, 'waiting');
      await rollUp(h);
    });

    /** The share and count straight from the tickets, as the figure must give them. */
    const raw = async (minutes: number) => {
      // docs/figures.md: over everyone who queued (called, gave up, left waiting at closing)
      const [r] = await h.sql<{ called: number; within: number }>(
        `SELECT (count(called_at) + count(*) FILTER (WHERE state = 'expired' OR (state = 'cancelled'
                   AND cancelled_by IS DISTINCT FROM 'staff' AND cancelled_at - issued_at > interval '2 minutes')))::int AS called,
                count(*) FILTER (WHERE called_at - issued_at <= make_interval(secs => $2::float8 * 60))::int AS within
         FROM tickets WHERE hall_id = $1 AND service_date BETWEEN '2020-11-01' AND '2020-11-30'`,
        [FIX.lishui, minutes],
      );
      return r;
    };

    it('equals a scan of the tickets for every N, the hall’s target wait or not', async () => {
      const [{ target }] = await h.sql<{ target: number }>(
        'SELECT target_wait_minutes AS target FROM halls WHERE id = $1',
        [FIX.lishui],
      );
      // whole minutes on and off the waits' boundaries, the hall's own target wait, and a day
      const ns = [1, 2, 3, 7, 8, 10, 15, 22, 45, 90, 1440];
      expect(ns).toContain(target);
      const values = new Set<number>();
      for (const [path, user] of [
        [hallPath(FIX.lishui), 'admin'],
        [regionPath('331100'), 'admin'],
      ]) {
        for (const parameter of ns) {
          const { called, within } = await raw(parameter);
          const view = await create(user, path, {
            metric: 'within_minutes_share',
            comparison: 'ge',
            value: 0.5,
            parameter,
            dueDate: NOV_DUE,
          });
          expect({ parameter, actual: view.actual }).toEqual({
            parameter,
            actual: {
              value: Math.round((within / called) * 10_000) / 10_000,
              asOf: NOV_DUE,
              basis: {
                from: '2020-11-01',
                to: NOV_DUE,
                sampleSize: called,
              },
            },
          });
          values.add(view.actual.value);
        }
      }
      // the limits tell the tickets apart: a histogram off by a minute would not give these
      expect(values.size).toBeGreaterThanOrEqual(8);
      expect((await raw(1)).called).toBe(waits.length);
    });

    it('counts as online handling exactly the channels of ONLINE_CHANNELS', async () => {
      // one count per channel, each a different power of two: the sum names the channels
      const counts = HANDLING_CHANNELS.map((c, i) => [c, 2 ** i] as const);
      for (const [channel, count] of counts)
        await h.sql(
          `INSERT INTO handling_records (hall_id, record_date, service_item_code, channel, count)
           VALUES ($1, '2020-11-20', 'SS-0001', $2, $3)`,
          [FIX.lishui, channel, count],
        );
      await rollUp(h);
      const total = counts.reduce((n, [, c]) => n + c, 0);
      const online = counts
        .filter(([c]) => ONLINE_CHANNELS.includes(c))
        .reduce((n, [, c]) => n + c, 0);
      const view = await create('admin', hallPath(FIX.lishui), {
        metric: 'online_rate',
        comparison: 'ge',
        value: 0.5,
        dueDate: NOV_DUE,
      });
      expect(view.actual).toEqual({
        value: Math.round((online / total) * 10_000) / 10_000,
        asOf: NOV_DUE,
        basis: { from: '2020-11-01', to: NOV_DUE, sampleSize: total },
      });
    });

    it('gives the mean wait of the same tickets', async () => {
      const [r] = await h.sql<{ mean: number; called: number }>(
        `SELECT avg(extract(epoch FROM called_at - issued_at))::float / 60 AS mean, count(*)::int AS called
         FROM tickets WHERE hall_id = $1 AND service_date BETWEEN '2020-11-01' AND '2020-11-30' AND called_at IS NOT NULL`,
        [FIX.lishui],
      );
      const view = await create('admin', hallPath(FIX.lishui), {
        metric: 'mean_wait',
        comparison: 'le',
        value: 10,
        dueDate: NOV_DUE,
      });
      expect(view.actual).toEqual({
        value: Math.round(r.mean * 10_000) / 10_000,
        asOf: NOV_DUE,
        basis: { from: '2020-11-01', to: NOV_DUE, sampleSize: r.called },
      });
    });
  });
});
