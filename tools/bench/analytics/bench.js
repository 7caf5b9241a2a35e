'use strict';
/**
 * `npm run bench:analytics [-- --keep-db] [--runs <n>]`
 *
 * The analytics path at province scale, on a fresh database through the real migrations:
 *   1. 1,000 halls in a province → 11 cities → 90 counties, each with windows and a year of lifecycle
 *      events, and 365 days of rollups (rollup_daily, rollup_hall_facts) generated in SQL;
 *   2. one hall-year of raw tickets (~1.5 million) for one hall;
 *   then prints
 *   (a) the time to roll up that hall-year as the worker does (rollup_hall_days, a month of days per
 *       job) and one day per call (rollup_hall_day × 365), next to
 *       one hand-written INSERT … SELECT … GROUP BY over the same rows (daily per category), and next
 *       to hand-written daily + hourly statements (the same figures rollup_hall_day produces);
 *   (b) GET /analytics/regions/330000/trends for 2020 (month and day granularity) through the real
 *       API: p50 and p95 over --runs requests;
 *   (c) the same province answer (tickets and mean wait per month) computed from the raw tickets,
 *       for the ratio.
 * Prints figures; never asserts timings (exit 0 unless something crashed).
 */
const { randomBytes } = require('node:crypto');
const path = require('node:path');
const bcrypt = require('bcryptjs');
const { Client } = require('pg');
const { REDIS_URL, createDatabase, dropDatabase } = require('../common/db');
const { log, quantile, msSince: ms } = require('../common/figures');
const {
  ROOT,
  run,
  freePort,
  startChild,
  waitForHealth,
  stopChild,
} = require('../common/processes');
const { MAX_DAYS_PER_JOB, rollupRace } = require('./rollup-race');

const HALLS = 1000;
const YEAR = '2020';
const RAW_HALL = '00000000-0000-4000-8000-000000000001';
const TICKETS_PER_DAY = 4100; // × 366 days ≈ 1.5 million

const opts = { keepDb: false, runs: 40 };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--keep-db') opts.keepDb = true;
  else if (a === '--runs') opts.runs = Number(process.argv[++i]);
  else if (a === '--help' || a === '-h') {
    process.stdout.write(
      'usage: npm run bench:analytics [-- --keep-db] [--runs <n>]\n',
    );
    process.exit(0);
  } else throw new Error(`unknown option ${a}`);
}

const fmt = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

async function generate(c) {
  let t0 = process.hrtime.bigint();
  await c.query(`
    INSERT INTO regions (code, name, level, parent_code) VALUES ('330000', '浙江省', 'province', NULL);
    INSERT INTO regions (code, name, level, parent_code)
      SELECT (330000 + city * 100)::text, '市' || city, 'city', '330000' FROM generate_series(1, 11) city;
    INSERT INTO regions (code, name, level, parent_code)
      SELECT (330000 + (1 + (n % 11)) * 100 + 1 + n / 11)::text, '县' || n, 'county', (330000 + (1 + (n % 11)) * 100)::text
      FROM generate_series(0, 89) n;
    INSERT INTO halls (id, name, region_code, kind)
      SELECT CASE WHEN n = 0 THEN '${RAW_HALL}'::uuid ELSE gen_random_uuid() END, '大厅' || n,
             (SELECT code FROM regions WHERE level = 'county' ORDER BY code OFFSET (n % 90) LIMIT 1), 'county_center'
      FROM generate_series(0, ${HALLS - 1}) n;
    INSERT INTO categories (code, name, ticket_prefix) VALUES
      ('social_security', '社会保障', 'A'), ('medical_insurance', '医疗保障', 'B'), ('market_regulation', '市场监管', 'C');
    INSERT INTO service_items (code, name, category_code) VALUES
      ('SS-0001', '社会保障卡申领', 'social_security'), ('MI-0001', '医保备案', 'medical_insurance'), ('MR-0001', '企业设立登记', 'market_regulation');`);
  // windows: 24 per hall opened in 2019, 8 converted to comprehensive and 6 retired during the year
  await c.query(`
    INSERT INTO windows (hall_id, label, mode, category_codes, opened_on, state, retired_on)
      SELECT h.id, 'W' || n, 'department', ARRAY['social_security'], '2019-01-01',
             CASE WHEN n > 18 THEN 'retired' ELSE 'closed' END, CASE WHEN n > 18 THEN ('${YEAR}-01-01'::date + n * 12) END
      FROM halls h, generate_series(1, 24) n;
    INSERT INTO window_events (hall_id, window_id, kind, effective_date, mode, category_codes)
      SELECT hall_id, id, 'opened', '2019-01-01', 'department', category_codes FROM windows;
    INSERT INTO window_events (hall_id, window_id, kind, effective_date, mode, category_codes)
      SELECT hall_id, id, 'converted', '${YEAR}-01-01'::date + (substr(label, 2)::int * 20), 'comprehensive', '{}'
      FROM windows WHERE substr(label, 2)::int BETWEEN 3 AND 10;
    INSERT INTO window_events (hall_id, window_id, kind, effective_date)
      SELECT hall_id, id, 'retired', retired_on FROM windows WHERE retired_on IS NOT NULL;`);
  await c.query(`
    INSERT INTO targets (region_code, metric, comparison, value, due_date) VALUES ('330000', 'online_rate', 'ge', 0.8, '${YEAR}-12-31');`);
  log(`regions, ${HALLS} halls, windows and their events: ${fmt(ms(t0))} ms`);

  t0 = process.hrtime.bigint();
  await c.query(`
    INSERT INTO rollup_daily (hall_id, service_date, category_code, arrivals, called, served, no_shows, cancelled,
                              wait_sum_seconds, wait_p50_seconds, wait_p90_seconds, within_target, busy_windows)
    SELECT h.id, d::date, '*', a, (a * 0.97)::int, (a * 0.9)::int, (a * 0.05)::int, (a * 0.03)::int,
           a * 0.97 * (200 + random() * 400), 300, 900, (a * 0.85)::int, 20
    FROM halls h, generate_series('${YEAR}-01-01'::date, '${YEAR}-12-31'::date, interval '1 day') d,
         LATERAL (SELECT (500 + random() * 3000)::int AS a) x
    WHERE h.id <> '${RAW_HALL}';
    INSERT INTO rollup_hall_facts (hall_id, service_date, visitors, handled_total, handled_online,
                                   consultations_total, consultations_robot, staff_moves_in, staff_moves_out)
    SELECT h.id, d::date, (1000 + random() * 4000)::int, t, (t * (0.3 + 0.5 * extract(doy FROM d) / 366))::int,
           200, 120, 0, (random() < 0.01)::int
    FROM halls h, generate_series('${YEAR}-01-01'::date, '${YEAR}-12-31'::date, interval '1 day') d,
         LATERAL (SELECT (5000 + random() * 5000)::int AS t) x;`);
  // the region day sums the rollup jobs keep by increments, here summed at once
  await c.query(`
    INSERT INTO rollup_region_daily (region_code, service_date, tickets, called, wait_sum_seconds, within_target,
                                     visitors, visitor_halls, handled_total, handled_online)
    SELECT a.code, x.service_date, sum(x.arrivals), sum(x.called), sum(x.wait_sum_seconds), sum(x.within_target),
           sum(x.visitors), count(x.visitors), sum(x.handled_total), sum(x.handled_online)
    FROM (SELECT d.hall_id, d.service_date, d.arrivals, d.called, d.wait_sum_seconds, d.within_target,
                 f.visitors, f.handled_total, f.handled_online
          FROM rollup_daily d JOIN rollup_hall_facts f USING (hall_id, service_date) WHERE d.category_code = '*') x
    JOIN halls h ON h.id = x.hall_id CROSS JOIN LATERAL region_and_ancestors(h.region_code) a
    GROUP BY 1, 2`);
  log(
    `rollups of ${HALLS - 1} halls × 366 days and their regions: ${fmt(ms(t0) / 1000)} s`,
  );

  t0 = process.hrtime.bigint();
  await c.query(
    `SELECT ensure_ticket_partitions('${YEAR}-01-01', '${YEAR}-12-31')`,
  );
  await c.query(`
    INSERT INTO windows (hall_id, label, mode, opened_on) SELECT '${RAW_HALL}', 'R' || n, 'comprehensive', '2019-01-01' FROM generate_series(1, 40) n`);
  const raw = await c.query(`
    INSERT INTO tickets (service_date, hall_id, number, prefix, sequence, service_item_code, category_code, priority, channel,
                         state, issued_at, queue_at, called_at, started_at, completed_at, window_id)
    SELECT day, '${RAW_HALL}', p.prefix || n, p.prefix, n, p.item, p.cat, 'normal', 'kiosk', s.state, s.issued, s.issued,
           CASE WHEN s.state <> 'cancelled' THEN s.issued + make_interval(secs => s.wait) END,
           CASE WHEN s.state = 'done' THEN s.issued + make_interval(secs => s.wait + 30) END,
           CASE WHEN s.state IN ('done', 'no_show') THEN s.issued + make_interval(secs => s.wait + 600) END,
           CASE WHEN s.state <> 'cancelled' THEN w.id END
    FROM generate_series('${YEAR}-01-01'::date, '${YEAR}-12-31'::date, interval '1 day') AS day,
         generate_series(1, ${TICKETS_PER_DAY}) AS n,
         LATERAL (SELECT (ARRAY['A', 'B', 'C'])[1 + n % 3] AS prefix) x,
         LATERAL (SELECT x.prefix, CASE x.prefix WHEN 'A' THEN 'SS-0001' WHEN 'B' THEN 'MI-0001' ELSE 'MR-0001' END AS item,
                         CASE x.prefix WHEN 'A' THEN 'social_security' WHEN 'B' THEN 'medical_insurance' ELSE 'market_regulation' END AS cat) p,
         LATERAL (SELECT (day::timestamp + interval '8 hours 30 minutes' + make_interval(secs => random() * 8 * 3600)) AT TIME ZONE 'Asia/Shanghai' AS issued,
                         (random() * 2400)::int AS wait,
                         (ARRAY['done', 'done', 'done', 'done', 'done', 'done', 'no_show', 'cancelled'])[1 + floor(random() * 8)::int] AS state) s,
         LATERAL (SELECT id FROM windows WHERE hall_id = '${RAW_HALL}' AND label = 'R' || (1 + n % 40)) w`);
  await c.query('ANALYZE');
  log(
    `one hall-year of raw tickets: ${raw.rowCount.toLocaleString('en')} rows in ${fmt(ms(t0) / 1000)} s`,
  );
  return raw.rowCount;
}

async function main() {
  const dbName = `ow_bench_analytics_${randomBytes(4).toString('hex')}`;
  const dbUrl = await createDatabase(dbName);
  let api;
  let c;
  try {
    log(`database ${dbName}: migrating (cli migrate)`);
    run(
      process.execPath,
      [path.join(ROOT, 'dist/apps/cli/main.js'), 'migrate'],
      {
        DATABASE_URL: dbUrl,
      },
    );
    c = new Client({ connectionString: dbUrl });
    // a failure ends the run through the finally below; its cause is what gets printed
    c.on('error', () => undefined);
    await c.connect();
    const rawRows = await generate(c);
    await c.query('DELETE FROM outbox'); // no worker here: the bench rolls up by itself

    log('(a) rolling up the hall-year');
    const a = await rollupRace(c, RAW_HALL);

    log('(b) starting the API and asking for the province trend');
    const hash = await bcrypt.hash('bench-password', 4);
    await c.query(
      `INSERT INTO users (username, password_hash, role) VALUES ('bench-admin', $1, 'admin')`,
      [hash],
    );
    const port = await freePort();
    api = startChild(
      'the API',
      [path.join(ROOT, 'dist/apps/api/main.js')],
      {
        DATABASE_URL: dbUrl,
        REDIS_URL,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        REDIS_PREFIX: dbName,
      },
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const base = `http://127.0.0.1:${port}/api/v1`;
    await waitForHealth(api, `${base}/health`, 30_000);
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'bench-admin',
        password: 'bench-password',
      }),
    });
    const { accessToken } = await login.json();
    const trend = async (granularity) => {
      const times = [];
      let body;
      for (let i = 0; i < opts.runs + 3; i++) {
        const t0 = process.hrtime.bigint();
        const res = await fetch(
          `${base}/analytics/regions/330000/trends?from=${YEAR}-01-01&to=${YEAR}-12-31&granularity=${granularity}`,
          { headers: { authorization: `Bearer ${accessToken}` } },
        );
        body = await res.json();
        if (res.status !== 200)
          throw new Error(`trends: ${res.status} ${JSON.stringify(body)}`);
        if (i >= 3) times.push(ms(t0)); // the first three warm up
      }
      times.sort((x, y) => x - y);
      return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), body };
    };
    const month = await trend('month');
    const day = await trend('day');

    log('(c) the same province answer from the raw tickets');
    const rawTimes = [];
    for (let i = 0; i < 5; i++) {
      const t0 = process.hrtime.bigint();
      await c.query(
        `SELECT date_trunc('month', t.service_date) AS period, count(*) AS tickets,
                avg(extract(epoch FROM t.called_at - t.issued_at)) / 60 AS mean_wait
         FROM tickets t JOIN halls h ON h.id = t.hall_id JOIN region_subtree('330000') sub ON sub.code = h.region_code
         WHERE t.service_date BETWEEN '${YEAR}-01-01' AND '${YEAR}-12-31' GROUP BY 1`,
      );
      rawTimes.push(ms(t0));
    }
    rawTimes.sort((x, y) => x - y);
    const rawP50 = quantile(rawTimes, 0.5);
    await c.end();

    const rows = [
      [
        `(a) rollup_hall_days × ${Math.ceil(a.days / MAX_DAYS_PER_JOB)} jobs of ≤ ${MAX_DAYS_PER_JOB} days, ${a.days} days (worker path)`,
        `${fmt(a.rollup)} ms`,
      ],
      [
        `    rollup_hall_day × ${a.days} (one call per day)`,
        `${fmt(a.perDay)} ms`,
      ],
      [
        '    one hand-written INSERT … SELECT … GROUP BY GROUPING SETS (the same figures: hourly and daily)',
        `${fmt(a.handAll)} ms`,
      ],
      [
        '    ratio (target ≤ 2×)',
        `${(a.rollup / a.handAll).toFixed(2)}× ${a.rollup / a.handAll <= 2 ? 'PASS' : 'MISS'}`,
      ],
      [
        '    one hand-written INSERT … SELECT … GROUP BY (daily per category only)',
        `${fmt(a.handDaily)} ms`,
      ],
      [
        '    ratio to the daily-only statement (a smaller job than the rollup)',
        `${(a.rollup / a.handDaily).toFixed(2)}×`,
      ],
      [
        '    hand-written daily + hourly (the same figures as rollup_hall_day)',
        `${fmt(a.handDaily + a.handHourly)} ms`,
      ],
      [
        '    ratio to daily + hourly',
        `${(a.rollup / (a.handDaily + a.handHourly)).toFixed(2)}×`,
      ],
      ['    rows where the two disagree', String(a.mismatches)],
      [
        `(b) province trend ${YEAR}, month: p50 / p95 (${opts.runs} requests, HTTP)`,
        `${fmt(month.p50)} / ${fmt(month.p95)} ms ${month.p50 <= 100 ? 'PASS' : 'MISS'} (target p50 ≤ 100 ms)`,
      ],
      [
        `    province trend ${YEAR}, day: p50 / p95`,
        `${fmt(day.p50)} / ${fmt(day.p95)} ms`,
      ],
      [
        '    halls, child regions, periods in the answer',
        `${HALLS}, ${month.body.children.length}, ${month.body.region.points.length}`,
      ],
      [
        `(c) the same from raw tickets (${rawRows.toLocaleString('en')} rows of one hall): p50 of 5`,
        `${fmt(rawP50)} ms`,
      ],
      ['    raw / rollup (month)', `${(rawP50 / month.p50).toFixed(1)}×`],
    ];
    const width = Math.max(...rows.map((r) => r[0].length));
    process.stdout.write('\n');
    for (const [k, v] of rows)
      process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
    process.stdout.write(
      `\nrollups for ${HALLS} halls × 366 days; the API ran with its default pool; every figure from this machine\n`,
    );
  } finally {
    await c?.end().catch(() => undefined);
    await stopChild(api);
    if (!opts.keepDb) {
      await dropDatabase(dbName);
      log(`dropped ${dbName}`);
    } else log(`kept ${dbName}`);
  }
}

main().catch((e) => {
  process.stderr.write(`bench:analytics failed: ${e.stack ?? e}\n`);
  process.exit(1);
});
