import {
  ABANDON_AFTER_MINUTES,
  type HallDailyResponse,
  type HallHourlyResponse,
  type HallRankingResponse,
  type HallWaitHeatmapResponse,
  type RegionTrendsResponse,
  type TicketView,
} from '@onewindow/contracts';
import {
  HallEventQueries,
  RollupQueries,
  TicketQueries,
} from '@onewindow/persistence';
import { expireWaitingTickets, rollUpOutbox } from '@onewindow/server-core';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { expectErrorBody, FIX, Harness, startHarness } from './harness';

/** Outcome counts of some tickets, as raw SQL over the tickets table gives them. */
interface Outcomes {
  arrivals: number;
  called: number;
  within: number;
  abandoned: number;
  expired: number;
}

/** The shares as libs/contracts/src/lib/figures.ts defines them, rounded to 4 decimals as the API rounds them; null when nobody queued. */
function shares(o: Outcomes): {
  withinTargetShare: number | null;
  abandonedShare: number | null;
} {
  const n = o.called + o.abandoned + o.expired;
  const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
  return n > 0
    ? {
        withinTargetShare: r4(o.within / n),
        abandonedShare: r4((o.abandoned + o.expired) / n),
      }
    : { withinTargetShare: null, abandonedShare: null };
}

/**
 * The outcome columns of the raw tickets of a hall-day, written from the definition and not from
 * the rollup function: called = has a call; within = called within the hall's target wait;
 * abandoned = cancelled by anyone but staff more than ABANDON_AFTER_MINUTES after issue;
 * expired = state 'expired'.
 */
const RAW_OUTCOMES = `count(*)::int AS arrivals,
  count(t.called_at)::int AS called,
  count(*) FILTER (WHERE t.called_at - t.issued_at <= make_interval(mins => h.target_wait_minutes))::int AS within,
  count(*) FILTER (WHERE t.state = 'cancelled' AND t.cancelled_by IS DISTINCT FROM 'staff'
                     AND t.cancelled_at - t.issued_at > make_interval(mins => $3::int))::int AS abandoned,
  count(*) FILTER (WHERE t.state = 'expired')::int AS expired`;

/**
 * "People who give up" end to end: a day of Fuyang's tickets made through the API (calls, holders'
 * and staff's cancels, tickets left waiting at closing), closed by the expiry job, rolled up, and
 * read back through every figure that divides by the people who queued.
 */
describe('Abandonment through HTTP (real PostgreSQL)', () => {
  let h: Harness;
  let kiosk: string;
  let windowId: string;
  /** the service date the API gave the tickets (today in Asia/Shanghai) */
  let day: string;
  let keys = 0;

  /** The tickets of the day, by what was done with them. */
  const t = {
    called: [] as TicketView[],
    earlyCancels: [] as TicketView[],
    lateHolderCancels: [] as TicketView[],
    lateStaffCancel: [] as TicketView[],
    leftWaiting: [] as TicketView[],
  };
  // what the day was built to hold
  const EXPECTED = {
    tickets: 14,
    called: 6,
    within: 4,
    served: 4,
    noShows: 1,
    abandoned: 3,
    expired: 2,
    // 4 / (6 + 3 + 2) and (3 + 2) / 11, to 4 decimals
    withinTargetShare: 0.3636,
    abandonedShare: 0.4545,
  };
  const REGIONS = ['330000', '330100', '330111'];

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const as = async (user: string) => bearer(await h.token(user));
  const post = async (user: string, path: string, body: object = {}) =>
    h
      .http()
      .post(`/api/v1${path}`)
      .set(await as(user))
      .send(body);
  /** A GET that must answer 200. */
  const get = async (user: string, path: string, query: object = {}) => {
    const res = await h
      .http()
      .get(`/api/v1${path}`)
      .query(query)
      .set(await as(user));
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    return res;
  };

  /** A ticket issued at the hall's kiosk (with its status token). */
  const issue = async (serviceItemCode: string) => {
    const res = await h
      .http()
      .post(`/api/v1/halls/${FIX.fuyang}/tickets`)
      .set(bearer(kiosk))
      .set('Idempotency-Key', `abandon-${++keys}`)
      .send({ serviceItemCode })
      .expect(201);
    return res.body as TicketView & { statusToken: string };
  };
  /**
   * Moves a waiting ticket's issue (and its place in the queue) `minutes` into the past by SQL: the
   * API stamps issued_at with now(), and a test cannot wait a quarter of an hour for a long wait.
   */
  const backdate = async (id: string, minutes: number) => {
    const rows = await h.sql(
      `UPDATE tickets SET issued_at = issued_at - make_interval(mins => $2::int),
                          queue_at = queue_at - make_interval(mins => $2::int)
       WHERE id = $1 AND state = 'waiting' RETURNING id`,
      [id, minutes],
    );
    expect(rows).toHaveLength(1);
  };
  const callNext = () =>
    post('fuyang-clerk', `/halls/${FIX.fuyang}/windows/${windowId}/call-next`);
  const rollUp = () => rollUpOutbox(new RollupQueries({ query: h.sql }));
  const daily = async () => {
    const res = await get(
      'fuyang-manager',
      `/analytics/halls/${FIX.fuyang}/daily`,
      { from: day, to: day },
    );
    const body = res.body as HallDailyResponse;
    expect(body.days).toHaveLength(1);
    return body.days[0];
  };
  /** Raw outcomes of the whole day's tickets. */
  const rawDay = async (): Promise<Outcomes> =>
    (
      await h.sql<Outcomes>(
        `SELECT ${RAW_OUTCOMES} FROM tickets t JOIN halls h ON h.id = t.hall_id
         WHERE t.hall_id = $1 AND t.service_date = $2`,
        [FIX.fuyang, day, ABANDON_AFTER_MINUTES],
      )
    )[0];

  beforeAll(async () => {
    h = await startHarness('abandonment', {
      DEVICE_RATE_LIMIT_PER_MINUTE: '100000',
    });
    const [w] = await h.sql<{ id: string }>(
      `INSERT INTO windows (hall_id, label, mode, category_codes, state, opened_on)
       VALUES ($1, 'F1', 'comprehensive', '{}', 'open', '2020-01-01') RETURNING id`,
      [FIX.fuyang],
    );
    windowId = w.id;
    kiosk = (
      await post('fuyang-manager', `/halls/${FIX.fuyang}/devices`, {
        kind: 'kiosk',
        name: 'kiosk-abandonment',
      })
    ).body.token;
    expect(typeof kiosk).toBe('string');
  });
  afterAll(async () => h?.close());

  it('builds a day through the API: calls, early and late cancels by holders and staff, tickets left waiting', async () => {
    // Called: six tickets. Three are backdated before the call (45, 20 and 10 minutes: the first
    // two wait longer than the hall's 15-minute target), three are called at once. The window
    // calls the oldest first; each is served, one is a no-show, the last stays at the window.
    const waits = [45, 20, 10, 0, 0, 0];
    for (const minutes of waits) {
      const ticket = await issue('SS-0001');
      if (minutes) await backdate(ticket.id, minutes);
      t.called.push(ticket);
    }
    day = t.called[0].serviceDate;
    expect(day).toBe(
      DateTime.now().setZone('Asia/Shanghai').toISODate() as string,
    );
    const [{ target }] = await h.sql<{ target: number }>(
      `SELECT target_wait_minutes AS target FROM halls WHERE id = $1`,
      [FIX.fuyang],
    );
    expect(target).toBe(15);
    for (const [i, ticket] of t.called.entries()) {
      const called = await callNext();
      expect(called.status).toBe(200);
      expect(called.body).toMatchObject({ id: ticket.id, state: 'called' });
      if (i === 1) {
        expect(
          (await post('fuyang-clerk', `/tickets/${ticket.id}/no-show`)).status,
        ).toBe(200);
      } else if (i < waits.length - 1) {
        expect(
          (await post('fuyang-clerk', `/tickets/${ticket.id}/start`)).status,
        ).toBe(200);
        expect(
          (
            await post('fuyang-clerk', `/tickets/${ticket.id}/complete`, {
              outcome: 'done',
            })
          ).status,
        ).toBe(200);
      }
    }

    // Early cancels by the holder (a correction, within ABANDON_AFTER_MINUTES): one on the ticket
    // page, one at the kiosk.
    const pageEarly = await issue('MR-0002');
    const kioskEarly = await issue('MI-0001');
    const page = await h
      .http()
      .post(`/api/v1/public/tickets/${pageEarly.statusToken}/cancel`)
      .expect(200);
    expect(page.body).toMatchObject({
      number: pageEarly.number,
      state: 'cancelled',
    });
    const atKiosk = await h
      .http()
      .post(`/api/v1/tickets/${kioskEarly.id}/cancel`)
      .set(bearer(kiosk))
      .expect(200);
    expect(atKiosk.body).toMatchObject({
      id: kioskEarly.id,
      state: 'cancelled',
    });
    t.earlyCancels.push(pageEarly, kioskEarly);

    // Late cancels by the holder (the person gave up): issued 5 minutes before the cancel
    // (backdated by SQL), two on the ticket page and one at the kiosk.
    for (const via of ['page', 'page', 'kiosk'] as const) {
      const ticket = await issue(via === 'page' ? 'MR-0002' : 'MI-0001');
      await backdate(ticket.id, ABANDON_AFTER_MINUTES + 3);
      const res =
        via === 'page'
          ? await h
              .http()
              .post(`/api/v1/public/tickets/${ticket.statusToken}/cancel`)
          : await h
              .http()
              .post(`/api/v1/tickets/${ticket.id}/cancel`)
              .set(bearer(kiosk));
      expect({ via, status: res.status, state: res.body.state }).toEqual({
        via,
        status: 200,
        state: 'cancelled',
      });
      t.lateHolderCancels.push(ticket);
    }

    // A late cancel by a member of staff: a correction, not someone giving up.
    const staff = await issue('MR-0002');
    await backdate(staff.id, 10);
    expect(
      (await post('fuyang-clerk', `/tickets/${staff.id}/cancel`)).body,
    ).toMatchObject({ id: staff.id, state: 'cancelled' });
    t.lateStaffCancel.push(staff);

    // Two tickets nobody calls: still waiting when the hall closes.
    t.leftWaiting.push(await issue('SS-0001'), await issue('MR-0002'));
    await backdate(t.leftWaiting[0].id, 30);
    await backdate(t.leftWaiting[1].id, 5);

    // who cancelled each ticket, and how long after its issue, as the rows hold it
    const rows = await h.sql<{
      id: string;
      state: string;
      cancelled_by: string | null;
      late: boolean | null;
    }>(
      `SELECT id, state, cancelled_by,
              cancelled_at - issued_at > make_interval(mins => $2::int) AS late
       FROM tickets WHERE hall_id = $1 AND service_date = $3`,
      [FIX.fuyang, ABANDON_AFTER_MINUTES, day],
    );
    const row = (id: string) => rows.find((r) => r.id === id);
    expect(rows).toHaveLength(EXPECTED.tickets);
    for (const x of t.earlyCancels)
      expect(row(x.id)).toMatchObject({
        state: 'cancelled',
        cancelled_by: 'holder',
        late: false,
      });
    for (const x of t.lateHolderCancels)
      expect(row(x.id)).toMatchObject({
        state: 'cancelled',
        cancelled_by: 'holder',
        late: true,
      });
    expect(row(staff.id)).toMatchObject({
      state: 'cancelled',
      cancelled_by: 'staff',
      late: true,
    });
    for (const x of [...t.called, ...t.leftWaiting])
      expect(row(x.id)?.cancelled_by).toBeNull();
    expect(t.leftWaiting.map((x) => row(x.id)?.state)).toEqual([
      'waiting',
      'waiting',
    ]);

    // rolled up before closing: the waiting tickets are arrivals, not yet misses (4 / 9, 3 / 9)
    await rollUp();
    expect(await daily()).toMatchObject({
      date: day,
      tickets: EXPECTED.tickets,
      served: EXPECTED.served,
      noShows: EXPECTED.noShows,
      abandoned: EXPECTED.abandoned,
      expired: 0,
      withinTargetShare: 0.4444,
      abandonedShare: 0.3333,
    });
  });

  it('closes the tickets still waiting after the hall’s closing time as expired, once', async () => {
    const before = await h.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM hall_events WHERE hall_id = $1 AND type = 'ticket.expired'`,
      [FIX.fuyang],
    );
    expect(before[0].n).toBe(0);
    // the hall closed a minute ago (its own clock, to the minute): after the two left waiting
    // were issued (backdated 5 and 30 minutes), before now
    await h.sql(
      `UPDATE halls SET opening_hours = jsonb_set(opening_hours, '{close}',
         to_jsonb(to_char((now() - interval '1 minute') AT TIME ZONE timezone, 'HH24:MI'))) WHERE id = $1`,
      [FIX.fuyang],
    );
    const expire = () =>
      expireWaitingTickets(
        h.app.get(DataSource),
        h.app.get(TicketQueries),
        h.app.get(HallEventQueries),
      );
    expect(await expire()).toEqual({
      expired: EXPECTED.expired,
      hallIds: [FIX.fuyang],
    });
    // nothing left to close
    expect(await expire()).toEqual({ expired: 0, hallIds: [] });

    for (const x of t.leftWaiting) {
      const res = await h
        .http()
        .get(`/api/v1/tickets/${x.id}`)
        .set(bearer(kiosk))
        .expect(200);
      expect(res.body).toMatchObject({ id: x.id, state: 'expired' });
      expect(res.body.position).toBeUndefined();
      expect(res.body.estimatedWaitMinutes).toBeUndefined();
    }
    // the ticket still at the window and the cancelled ones are left as they were
    const held = await h
      .http()
      .get(`/api/v1/tickets/${t.called[t.called.length - 1].id}`)
      .set(bearer(kiosk))
      .expect(200);
    expect(held.body.state).toBe('called');

    // expired at the closing time (in the hall's zone), each with its live event
    const states = await h.sql<{ state: string; n: number; at_close: number }>(
      `SELECT t.state, count(*)::int AS n,
              count(*) FILTER (WHERE t.expired_at = (t.service_date + (h.opening_hours->>'close')::time) AT TIME ZONE h.timezone)::int AS at_close
       FROM tickets t JOIN halls h ON h.id = t.hall_id
       WHERE t.hall_id = $1 AND t.service_date = $2 GROUP BY 1 ORDER BY 1`,
      [FIX.fuyang, day],
    );
    expect(states).toEqual([
      { state: 'called', n: 1, at_close: 0 },
      { state: 'cancelled', n: 6, at_close: 0 },
      { state: 'done', n: 4, at_close: 0 },
      { state: 'expired', n: 2, at_close: 2 },
      { state: 'no_show', n: 1, at_close: 0 },
    ]);
    const events = await h.sql<{ id: string; state: string }>(
      `SELECT payload->>'id' AS id, payload->>'state' AS state FROM hall_events
       WHERE hall_id = $1 AND type = 'ticket.expired' ORDER BY id`,
      [FIX.fuyang],
    );
    expect(events.map((e) => e.id).sort()).toEqual(
      t.leftWaiting.map((x) => x.id).sort(),
    );
    expect(events.every((e) => e.state === 'expired')).toBe(true);

    // the expiry queued the day again (tickets' outbox trigger); the rollup takes it
    const [{ queued }] = await h.sql<{ queued: number }>(
      `SELECT count(*)::int AS queued FROM outbox WHERE topic = 'rollup' AND hall_id = $1 AND payload->>'date' = $2`,
      [FIX.fuyang, day],
    );
    expect(queued).toBeGreaterThan(0);
    expect(await rollUp()).toBeGreaterThanOrEqual(1);
  });

  it('reports the day’s abandoned, expired and both shares as constructed and as the raw tickets give them', async () => {
    const raw = await rawDay();
    // the raw tickets hold what the test built
    expect(raw).toEqual({
      arrivals: EXPECTED.tickets,
      called: EXPECTED.called,
      within: EXPECTED.within,
      abandoned: EXPECTED.abandoned,
      expired: EXPECTED.expired,
    });
    const d = await daily();
    expect(d).toMatchObject({
      date: day,
      tickets: EXPECTED.tickets,
      served: EXPECTED.served,
      noShows: EXPECTED.noShows,
      abandoned: EXPECTED.abandoned,
      expired: EXPECTED.expired,
      withinTargetShare: EXPECTED.withinTargetShare,
      abandonedShare: EXPECTED.abandonedShare,
    });
    expect({
      tickets: d.tickets,
      abandoned: d.abandoned,
      expired: d.expired,
      withinTargetShare: d.withinTargetShare,
      abandonedShare: d.abandonedShare,
    }).toEqual({
      tickets: raw.arrivals,
      abandoned: raw.abandoned,
      expired: raw.expired,
      ...shares(raw),
    });
    // the old definition (within ÷ called) would have said 4 / 6
    expect(d.withinTargetShare).not.toBe(0.6667);
  });

  it('keeps the hourly, daily and region rollups equal to the raw tickets; hourly, heatmap, trends and ranking agree', async () => {
    // rollup_daily: each category and the whole hall ('*')
    const rawDaily = await h.sql<Outcomes & { category_code: string }>(
      `SELECT COALESCE(t.category_code, '*') AS category_code, ${RAW_OUTCOMES}
       FROM tickets t JOIN halls h ON h.id = t.hall_id
       WHERE t.hall_id = $1 AND t.service_date = $2
       GROUP BY GROUPING SETS ((t.category_code), ()) ORDER BY 1`,
      [FIX.fuyang, day, ABANDON_AFTER_MINUTES],
    );
    const rolledDaily = await h.sql(
      `SELECT category_code, arrivals, called, within_target AS within, abandoned, expired
       FROM rollup_daily WHERE hall_id = $1 AND service_date = $2 ORDER BY 1`,
      [FIX.fuyang, day],
    );
    expect(rawDaily.map((r) => r.category_code)).toEqual([
      '*',
      'market_regulation',
      'medical_insurance',
      'social_security',
    ]);
    expect(rolledDaily).toEqual(rawDaily);

    // rollup_hourly: each hour of issue (the hall's zone) and category
    const rawHourly = await h.sql<
      Outcomes & { hour: number; category_code: string }
    >(
      `SELECT extract(hour FROM t.issued_at AT TIME ZONE h.timezone)::int AS hour, t.category_code, ${RAW_OUTCOMES}
       FROM tickets t JOIN halls h ON h.id = t.hall_id
       WHERE t.hall_id = $1 AND t.service_date = $2
       GROUP BY 1, 2 ORDER BY 1, 2`,
      [FIX.fuyang, day, ABANDON_AFTER_MINUTES],
    );
    const rolledHourly = await h.sql(
      `SELECT hour::int AS hour, category_code, arrivals, called, within_target AS within, abandoned, expired
       FROM rollup_hourly WHERE hall_id = $1 AND service_date = $2 ORDER BY 1, 2`,
      [FIX.fuyang, day],
    );
    expect(rawHourly.length).toBeGreaterThanOrEqual(3);
    expect(rolledHourly).toEqual(rawHourly);

    // the hourly endpoint: the same rows, each with its shares, summing to the day
    const hourly = (
      await get('fuyang-manager', `/analytics/halls/${FIX.fuyang}/hourly`, {
        date: day,
      })
    ).body as HallHourlyResponse;
    expect(
      hourly.hours.map((x) => ({
        hour: x.hour,
        category_code: x.categoryCode,
        arrivals: x.arrivals,
        called: x.called,
        abandoned: x.abandoned,
        expired: x.expired,
        withinTargetShare: x.withinTargetShare,
        abandonedShare: x.abandonedShare,
      })),
    ).toEqual(
      rawHourly.map((r) => ({
        hour: r.hour,
        category_code: r.category_code,
        arrivals: r.arrivals,
        called: r.called,
        abandoned: r.abandoned,
        expired: r.expired,
        ...shares(r),
      })),
    );
    const sum = (k: 'arrivals' | 'called' | 'abandoned' | 'expired') =>
      hourly.hours.reduce((s, x) => s + x[k], 0);
    expect({
      arrivals: sum('arrivals'),
      called: sum('called'),
      abandoned: sum('abandoned'),
      expired: sum('expired'),
    }).toEqual({
      arrivals: EXPECTED.tickets,
      called: EXPECTED.called,
      abandoned: EXPECTED.abandoned,
      expired: EXPECTED.expired,
    });

    // the wait heatmap of the day: one cell per hour of issue, with the shares of the raw hour
    const heatmap = (
      await get(
        'fuyang-manager',
        `/analytics/halls/${FIX.fuyang}/wait-heatmap`,
        { from: day, to: day },
      )
    ).body as HallWaitHeatmapResponse;
    const rawHours = await h.sql<Outcomes & { hour: number }>(
      `SELECT extract(hour FROM t.issued_at AT TIME ZONE h.timezone)::int AS hour, ${RAW_OUTCOMES}
       FROM tickets t JOIN halls h ON h.id = t.hall_id
       WHERE t.hall_id = $1 AND t.service_date = $2 GROUP BY 1 ORDER BY 1`,
      [FIX.fuyang, day, ABANDON_AFTER_MINUTES],
    );
    expect(
      heatmap.cells.map((c) => ({
        hour: c.hour,
        arrivals: c.arrivals,
        withinTargetShare: c.withinTargetShare,
        abandonedShare: c.abandonedShare,
      })),
    ).toEqual(
      rawHours.map((r) => ({
        hour: r.hour,
        arrivals: r.arrivals,
        ...shares(r),
      })),
    );

    // rollup_region_daily: the hall's county, city and province carry the same counts, and only they
    const regions = await h.sql(
      `SELECT region_code, tickets, called, within_target AS within, abandoned, expired
       FROM rollup_region_daily WHERE service_date = $1 ORDER BY 1`,
      [day],
    );
    const whole = rawDaily[0];
    expect(regions).toEqual(
      REGIONS.map((region_code) => ({
        region_code,
        tickets: whole.arrivals,
        called: whole.called,
        within: whole.within,
        abandoned: whole.abandoned,
        expired: whole.expired,
      })),
    );

    // region trends (reform office): the region from its rollup, its child regions from theirs,
    // the halls directly in a county from their daily rollups
    const expected = {
      period: day,
      tickets: EXPECTED.tickets,
      withinTargetShare: EXPECTED.withinTargetShare,
      abandonedShare: EXPECTED.abandonedShare,
    };
    for (const [code, child] of [
      ['330000', '330100'],
      ['330100', '330111'],
      ['330111', null],
    ] as const) {
      const trends = (
        await get('zj-reform', `/analytics/regions/${code}/trends`, {
          from: day,
          to: day,
          granularity: 'day',
        })
      ).body as RegionTrendsResponse;
      expect({ code, point: trends.region.points }).toMatchObject({
        code,
        point: [expected],
      });
      const part = child
        ? trends.children.find((c) => c.regionCode === child)
        : trends.halls.find((x) => x.hallId === FIX.fuyang);
      expect({ code, point: part?.points }).toMatchObject({
        code,
        point: [expected],
      });
    }
    // a city without tickets has no shares, not zeros
    const jinhua = (
      await get('zj-reform', `/analytics/regions/330000/trends`, {
        from: day,
        to: day,
        granularity: 'day',
      })
    ).body as RegionTrendsResponse;
    expect(
      jinhua.children.find((c) => c.regionCode === '330700')?.points[0],
    ).toMatchObject({
      tickets: 0,
      withinTargetShare: null,
      abandonedShare: null,
    });

    // the hall ranking of the province for that day
    const ranking = (
      await get('zj-reform', `/analytics/regions/330000/hall-ranking`, {
        from: day,
        to: day,
      })
    ).body as HallRankingResponse;
    expect(ranking.halls.find((x) => x.hallId === FIX.fuyang)).toMatchObject({
      tickets: EXPECTED.tickets,
      withinTargetShare: EXPECTED.withinTargetShare,
      abandonedShare: EXPECTED.abandonedShare,
      targetWaitMinutes: 15,
    });
    expect(ranking.halls.find((x) => x.hallId === FIX.yiwu)).toMatchObject({
      tickets: 0,
      withinTargetShare: null,
      abandonedShare: null,
    });
  });

  it('counts the abandoned and the expired in the denominator of a within_minutes_share target', async () => {
    const dueDate = DateTime.fromISO(day, { zone: 'utc' })
      .plus({ days: 30 })
      .toISODate() as string;
    const from = DateTime.fromISO(day, { zone: 'utc' })
      .minus({ days: 29 })
      .toISODate() as string;
    for (const [minutes, within] of [
      // the three called at once and the one called after 10 minutes
      [15, EXPECTED.within],
      // the three called at once
      [5, 3],
    ] as const) {
      const res = await post('fuyang-manager', `/halls/${FIX.fuyang}/targets`, {
        metric: 'within_minutes_share',
        comparison: 'ge',
        value: 0.8,
        parameter: minutes,
        dueDate,
      });
      expect(res.status).toBe(201);
      // the same share by raw SQL over the tickets of the 30 days
      const [raw] = await h.sql<{ within: number; people: number }>(
        `SELECT count(*) FILTER (WHERE called_at - issued_at <= make_interval(mins => $4::int))::int AS within,
                (count(called_at) + count(*) FILTER (WHERE state = 'expired')
                  + count(*) FILTER (WHERE state = 'cancelled' AND cancelled_by IS DISTINCT FROM 'staff'
                                       AND cancelled_at - issued_at > make_interval(mins => $5::int)))::int AS people
         FROM tickets WHERE hall_id = $1 AND service_date BETWEEN $2 AND $3`,
        [FIX.fuyang, from, day, minutes, ABANDON_AFTER_MINUTES],
      );
      const people = EXPECTED.called + EXPECTED.abandoned + EXPECTED.expired; // 11
      expect({ minutes, ...raw }).toEqual({ minutes, within, people });
      const value = Math.round((within / people) * 10_000) / 10_000;
      expect({ minutes, target: res.body }).toMatchObject({
        minutes,
        target: {
          scope: { hallId: FIX.fuyang },
          metric: 'within_minutes_share',
          parameter: minutes,
          actual: {
            value,
            asOf: day,
            basis: { from, to: day, sampleSize: people },
          },
          status: 'behind',
        },
      });
    }
  });

  it('refuses to cancel an expired ticket (409) and changes nothing', async () => {
    const [x] = t.leftWaiting;
    const snapshot = async () => ({
      ticket: await h.sql(`SELECT * FROM tickets WHERE id = $1`, [x.id]),
      events: await h.sql(
        `SELECT count(*)::int AS n, max(seq)::text AS last FROM hall_events`,
      ),
      outbox: await h.sql(`SELECT count(*)::int AS n FROM outbox`),
      daily: await h.sql(
        `SELECT * FROM rollup_daily WHERE hall_id = $1 AND service_date = $2 ORDER BY category_code`,
        [FIX.fuyang, day],
      ),
    });
    const before = await snapshot();
    expect(before.ticket).toHaveLength(1);
    expect(before.ticket[0]).toMatchObject({
      state: 'expired',
      cancelled_at: null,
      cancelled_by: null,
    });
    const attempts = [
      [
        'kiosk',
        h.http().post(`/api/v1/tickets/${x.id}/cancel`).set(bearer(kiosk)),
      ],
      [
        'staff',
        h
          .http()
          .post(`/api/v1/tickets/${x.id}/cancel`)
          .set(await as('fuyang-clerk')),
      ],
      [
        'ticket page',
        h.http().post(`/api/v1/public/tickets/${x.statusToken}/cancel`),
      ],
    ] as const;
    for (const [who, req] of attempts) {
      const res = await req;
      expect({ who, status: res.status }).toEqual({ who, status: 409 });
      expectErrorBody(res.body, 409);
      expect(res.body.message).toMatch(/expired/);
    }
    expect(await snapshot()).toEqual(before);
    // and the day reads as before
    expect(await daily()).toMatchObject({
      abandoned: EXPECTED.abandoned,
      expired: EXPECTED.expired,
      withinTargetShare: EXPECTED.withinTargetShare,
      abandonedShare: EXPECTED.abandonedShare,
    });
  });
});
