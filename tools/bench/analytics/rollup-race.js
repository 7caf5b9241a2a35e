'use strict';
/**
 * bench:analytics (a): one hall-year of raw tickets rolled up as the worker does and one day per
 * call, against hand-written INSERT … SELECT … GROUP BY statements over the same rows that produce
 * the same figures, and how many rows the two disagree on.
 */
const path = require('node:path');
const { msSince: ms } = require('../common/figures');
const { ROOT } = require('../common/processes');

// the rules a rollup counts by, from their one definition (what RollupQueries passes)
require('ts-node').register({
  transpileOnly: true,
  compilerOptions: { module: 'commonjs' },
});
const { ONLINE_CHANNELS, WINDOW_CLERK_ROLES } = require(
  path.join(ROOT, 'libs/contracts/src/lib/enums.ts'),
);
const { ABANDON_AFTER_MINUTES } = require(
  path.join(ROOT, 'libs/contracts/src/lib/figures.ts'),
);
/** As ROLLUP_RULES.abandonAfter (libs/persistence rollup.queries.ts). */
const ABANDON_AFTER = `${ABANDON_AFTER_MINUTES} minutes`;
/** As the worker's drainer (MAX_DAYS_PER_JOB in apps/worker/src/app/rollups/outbox-drainer.service.ts). */
const MAX_DAYS_PER_JOB = 31;

/** Times the rollups of `hall`'s days of tickets on client `c`, and the hand-written statements. */
async function rollupRace(c, hall) {
  const days = (
    await c.query(
      `SELECT DISTINCT service_date::text AS d FROM tickets WHERE hall_id = $1 ORDER BY 1`,
      [hall],
    )
  ).rows.map((r) => r.d);
  // what the worker runs for a hall's backlog: one job per MAX_DAYS_PER_JOB days
  // (apps/worker/src/app/rollups/outbox-drainer.service.ts), each one rollup_hall_days call
  let t0 = process.hrtime.bigint();
  for (let i = 0; i < days.length; i += MAX_DAYS_PER_JOB)
    await c.query(
      'SELECT rollup_hall_days($1, $2::date[], $3::text[], $4::text[], $5::interval)',
      [
        hall,
        days.slice(i, i + MAX_DAYS_PER_JOB),
        ONLINE_CHANNELS,
        WINDOW_CLERK_ROLES,
        ABANDON_AFTER,
      ],
    );
  const rollup = ms(t0);
  // the same days one call each (a day's job, as the nightly re-derivation and live facts make)
  t0 = process.hrtime.bigint();
  for (const d of days)
    await c.query(
      'SELECT rollup_hall_day($1, $2, $3::text[], $4::text[], $5::interval)',
      [hall, d, ONLINE_CHANNELS, WINDOW_CLERK_ROLES, ABANDON_AFTER],
    );
  const perDay = ms(t0);

  await c.query(`CREATE UNLOGGED TABLE hand_daily (LIKE rollup_daily)`);
  await c.query(`CREATE UNLOGGED TABLE hand_hourly (LIKE rollup_hourly)`);
  const daily = `
    INSERT INTO hand_daily
    SELECT hall_id, service_date, category_code, count(*), count(called_at),
           count(*) FILTER (WHERE state = 'done'), count(*) FILTER (WHERE state = 'no_show'),
           count(*) FILTER (WHERE state = 'cancelled'),
           COALESCE(sum(extract(epoch FROM called_at - issued_at)), 0),
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM called_at - issued_at)),
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM called_at - issued_at)),
           count(*) FILTER (WHERE called_at - issued_at <= interval '15 minutes'),
           count(DISTINCT window_id),
           COALESCE(sum(rating), 0), count(rating), count(*) FILTER (WHERE rating <= 2),
           -- the per-minute wait histogram, as rollup_hall_days builds it
           COALESCE((SELECT array_agg(COALESCE(h.n, 0) ORDER BY k.m)
                     FROM generate_series(0, max(CASE WHEN called_at IS NOT NULL THEN least(greatest(ceil(extract(epoch FROM called_at - issued_at) / 60), 0), 1441)::int END)) k(m)
                     LEFT JOIN (SELECT u.m, count(*)::int AS n
                                FROM unnest(array_agg(CASE WHEN called_at IS NOT NULL THEN least(greatest(ceil(extract(epoch FROM called_at - issued_at) / 60), 0), 1441)::int END) FILTER (WHERE called_at IS NOT NULL)) u(m)
                                GROUP BY u.m) h ON h.m = k.m), '{}'),
           -- abandoned and expired, as rollup_hall_days counts them (docs/figures.md)
           count(*) FILTER (WHERE state = 'cancelled' AND cancelled_by IS DISTINCT FROM 'staff'
                                  AND cancelled_at - issued_at > interval '2 minutes'),
           count(*) FILTER (WHERE state = 'expired')
    FROM tickets WHERE hall_id = $1 GROUP BY hall_id, service_date, category_code`;
  const hourly = `
    INSERT INTO hand_hourly
    SELECT hall_id, service_date, extract(hour FROM issued_at AT TIME ZONE 'Asia/Shanghai'), category_code, count(*), count(called_at),
           count(*) FILTER (WHERE state = 'done'), count(*) FILTER (WHERE state = 'no_show'),
           count(*) FILTER (WHERE state = 'cancelled'),
           COALESCE(sum(extract(epoch FROM called_at - issued_at)), 0),
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM called_at - issued_at)),
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM called_at - issued_at)),
           count(*) FILTER (WHERE called_at - issued_at <= interval '15 minutes'),
           count(DISTINCT window_id),
           count(*) FILTER (WHERE state = 'cancelled' AND cancelled_by IS DISTINCT FROM 'staff'
                                  AND cancelled_at - issued_at > interval '2 minutes'),
           count(*) FILTER (WHERE state = 'expired')
    FROM tickets WHERE hall_id = $1 GROUP BY 1, 2, 3, 4`;
  // every figure rollup_hall_days writes (hourly per category, daily per category, daily for the
  // hall) in one hand-written statement: GROUPING SETS over one scan
  await c.query(`CREATE UNLOGGED TABLE hand_all (hall_id uuid, service_date date, hour smallint, category_code varchar,
    arrivals int, called int, served int, no_shows int, cancelled int, wait_sum float8, p50 float8, p90 float8,
    within int, busy int, rating_sum int, rating_count int, rating_low int, wait_minute_counts int[],
    abandoned int, expired int)`);
  await c.query(`CREATE UNLOGGED TABLE hand_window (LIKE rollup_window_daily)`);
  const all = `
    INSERT INTO hand_all
    SELECT hall_id, service_date, extract(hour FROM issued_at AT TIME ZONE 'Asia/Shanghai')::smallint AS hour, category_code,
           count(*), count(called_at),
           count(*) FILTER (WHERE state = 'done'), count(*) FILTER (WHERE state = 'no_show'),
           count(*) FILTER (WHERE state = 'cancelled'),
           COALESCE(sum(extract(epoch FROM called_at - issued_at)), 0),
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM called_at - issued_at)),
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM called_at - issued_at)),
           count(*) FILTER (WHERE called_at - issued_at <= interval '15 minutes'),
           count(DISTINCT window_id),
           COALESCE(sum(rating), 0), count(rating), count(*) FILTER (WHERE rating <= 2),
           -- the wait histogram of the daily rows only, as rollup_hall_days builds it
           CASE WHEN GROUPING(extract(hour FROM issued_at AT TIME ZONE 'Asia/Shanghai')::smallint) = 1 THEN COALESCE((SELECT array_agg(COALESCE(h.n, 0) ORDER BY k.m)
                     FROM generate_series(0, max(CASE WHEN called_at IS NOT NULL THEN least(greatest(ceil(extract(epoch FROM called_at - issued_at) / 60), 0), 1441)::int END)) k(m)
                     LEFT JOIN (SELECT u.m, count(*)::int AS n
                                FROM unnest(array_agg(CASE WHEN called_at IS NOT NULL THEN least(greatest(ceil(extract(epoch FROM called_at - issued_at) / 60), 0), 1441)::int END) FILTER (WHERE called_at IS NOT NULL)) u(m)
                                GROUP BY u.m) h ON h.m = k.m), '{}') END,
           count(*) FILTER (WHERE state = 'cancelled' AND cancelled_by IS DISTINCT FROM 'staff'
                                  AND cancelled_at - issued_at > interval '2 minutes'),
           count(*) FILTER (WHERE state = 'expired')
    FROM tickets WHERE hall_id = $1
    GROUP BY GROUPING SETS ((hall_id, service_date, 3, category_code), (hall_id, service_date, category_code),
                            (hall_id, service_date))`;
  // and the figures per window and day (handling times, ratings) that rollup_hall_days also writes
  const windows = `
    INSERT INTO hand_window
    SELECT hall_id, service_date, window_id, count(called_at), count(*) FILTER (WHERE state = 'done'),
           count(completed_at - started_at), COALESCE(sum(extract(epoch FROM completed_at - started_at)), 0),
           COALESCE(sum(rating), 0), count(rating), count(*) FILTER (WHERE rating <= 2)
    FROM tickets WHERE hall_id = $1 AND window_id IS NOT NULL GROUP BY hall_id, service_date, window_id`;
  t0 = process.hrtime.bigint();
  await c.query(all, [hall]);
  await c.query(windows, [hall]);
  const handAll = ms(t0);
  t0 = process.hrtime.bigint();
  await c.query(daily, [hall]);
  const handDaily = ms(t0);
  t0 = process.hrtime.bigint();
  await c.query(hourly, [hall]);
  const handHourly = ms(t0);
  // the two must agree on what they share
  const check = await c.query(
    `SELECT count(*)::int AS n FROM rollup_daily r JOIN hand_daily h USING (hall_id, service_date, category_code)
     WHERE r.arrivals <> h.arrivals OR r.called <> h.called OR r.served <> h.served OR r.within_target <> h.within_target
        OR r.rating_sum <> h.rating_sum OR r.rating_count <> h.rating_count OR r.rating_low <> h.rating_low
        OR r.wait_minute_counts <> h.wait_minute_counts OR r.abandoned <> h.abandoned OR r.expired <> h.expired`,
  );
  return {
    days: days.length,
    rollup,
    perDay,
    handAll,
    handDaily,
    handHourly,
    mismatches: check.rows[0].n,
  };
}

module.exports = { MAX_DAYS_PER_JOB, rollupRace };
