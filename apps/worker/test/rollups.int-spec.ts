import { ROLLUP_RULES } from '@onewindow/persistence';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  createTestDatabase,
  type TestDatabase,
} from '@onewindow/persistence/testing';
import { loadConfig, JobQueue } from '@onewindow/server-core';
import { OwnRedis, until } from '@onewindow/server-core/testing';
import type { Queue } from 'bullmq';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { WorkerModule } from '../src/app/worker.module';

const HALL = '44444444-4444-4444-8444-444444444444';
const WORKER_MAIN = resolve(__dirname, '../../../dist/apps/worker/main.js');

/** The rollup figures of a hall, computed straight from the raw tickets (the reference). */
const DIRECT_DAILY = `
  SELECT to_char(service_date, 'YYYY-MM-DD') AS date, COALESCE(category_code, '*') AS category,
         count(*)::int AS arrivals, count(called_at)::int AS called,
         count(*) FILTER (WHERE state = 'done')::int AS served,
         count(*) FILTER (WHERE state = 'no_show')::int AS no_shows,
         count(*) FILTER (WHERE state = 'cancelled')::int AS cancelled,
         round(COALESCE(sum(extract(epoch FROM called_at - issued_at)), 0)::numeric, 3)::float AS wait_sum,
         round(percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM called_at - issued_at))::numeric, 3)::float AS p90,
         count(*) FILTER (WHERE called_at - issued_at <= interval '15 minutes')::int AS within,
         count(DISTINCT window_id)::int AS busy,
         count(*) FILTER (WHERE state = 'cancelled' AND cancelled_by IS DISTINCT FROM 'staff'
                            AND cancelled_at - issued_at > interval '2 minutes')::int AS abandoned,
         count(*) FILTER (WHERE state = 'expired')::int AS expired
  FROM tickets WHERE hall_id = $1 GROUP BY GROUPING SETS ((service_date, category_code), (service_date))
  ORDER BY 1, 2`;
const ROLLED_DAILY = `
  SELECT to_char(service_date, 'YYYY-MM-DD') AS date, category_code AS category, arrivals, called, served, no_shows, cancelled,
         round(wait_sum_seconds::numeric, 3)::float AS wait_sum, round(wait_p90_seconds::numeric, 3)::float AS p90,
         within_target AS within, busy_windows AS busy, abandoned, expired
  FROM rollup_daily WHERE hall_id = $1 AND arrivals > 0 ORDER BY 1, 2`;

describe('Rollups: outbox → BullMQ → rollup_hall_day (real PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let pg: Client;
  let redis: OwnRedis;
  let app: INestApplicationContext | undefined;
  const prefix = `tr${process.pid}`;
  const env = () => ({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    LOG_LEVEL: 'silent',
    REDIS_PREFIX: prefix,
    OUTBOX_POLL_MS: '100',
  });
  const pending = async () =>
    Number((await pg.query(`SELECT count(*) AS n FROM outbox`)).rows[0].n);
  const startWorker = async () => {
    app = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(loadConfig(env())),
      { logger: false },
    );
    await app.init();
    return app;
  };
  const rolledUp = async () => {
    await until('the outbox to drain', async () =>
      (await pending()) === 0 ? true : undefined,
    );
    if (!app) throw new Error('the worker is not running');
    const queue = app.get<Queue>(getQueueToken(JobQueue.Rollups));
    await until('the rollup jobs to finish', async () => {
      // (the nightly scheduler keeps one delayed job: not counted)
      const c = await queue.getJobCounts('waiting', 'active', 'prioritized');
      return Object.values(c).every((n) => n === 0) ? true : undefined;
    });
  };

  /** A month of one hall's tickets, pseudo-random but the same every run. */
  async function generateMonth(month: string, perDay: number): Promise<void> {
    await pg.query(`SELECT setseed(0.2020)`);
    await pg.query(
      `INSERT INTO tickets (service_date, hall_id, number, prefix, sequence, service_item_code, category_code, priority, channel,
                            state, issued_at, queue_at, called_at, started_at, completed_at, window_id,
                            cancelled_at, cancelled_by, expired_at)
       SELECT day, $1, p.prefix || lpad(n::text, 4, '0'), p.prefix, n, p.item, p.cat, 'normal', 'kiosk',
              s.state, s.issued, s.issued,
              CASE WHEN s.state NOT IN ('cancelled', 'expired') THEN s.issued + make_interval(secs => s.wait) END,
              CASE WHEN s.state = 'done' THEN s.issued + make_interval(secs => s.wait + 30) END,
              CASE WHEN s.state IN ('done', 'no_show') THEN s.issued + make_interval(secs => s.wait + 600) END,
              CASE WHEN s.state NOT IN ('cancelled', 'expired') THEN w.id END,
              -- cancels a few seconds to 40 minutes after issue, by the holder or (one in three) by staff
              CASE WHEN s.state = 'cancelled' THEN s.issued + make_interval(secs => s.wait / 8) END,
              CASE WHEN s.state = 'cancelled' THEN (CASE WHEN n % 3 = 0 THEN 'staff' ELSE 'holder' END) END,
              CASE WHEN s.state = 'expired' THEN (day::timestamp + interval '17 hours') AT TIME ZONE 'Asia/Shanghai' END
       FROM generate_series($2::date, ($2::date + interval '1 month' - interval '1 day')::date, interval '1 day') AS day,
            generate_series(1, $3) AS n,
            LATERAL (SELECT CASE WHEN n % 3 = 0 THEN 'B' ELSE 'A' END AS prefix) x,
            LATERAL (SELECT x.prefix, CASE x.prefix WHEN 'A' THEN 'SS-0001' ELSE 'MI-0001' END AS item,
                            CASE x.prefix WHEN 'A' THEN 'social_security' ELSE 'medical_insurance' END AS cat) p,
            LATERAL (SELECT (day::timestamp + interval '8 hours 30 minutes' + make_interval(secs => random() * 8 * 3600)) AT TIME ZONE 'Asia/Shanghai' AS issued,
                            (random() * 2400)::int AS wait,
                            (ARRAY['done', 'done', 'done', 'done', 'done', 'no_show', 'cancelled', 'cancelled', 'expired'])[1 + floor(random() * 9)::int] AS state) s,
            LATERAL (SELECT id FROM windows WHERE hall_id = $1 ORDER BY label OFFSET (n % 4) LIMIT 1) w`,
      [HALL, `${month}-01`, perDay],
    );
  }

  beforeAll(async () => {
    db = await createTestDatabase('rollups');
    redis = await OwnRedis.start();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    await pg.query(`
      INSERT INTO regions (code, name, level) VALUES ('330000', '浙江省', 'province');
      INSERT INTO halls (id, name, region_code, kind) VALUES ('${HALL}', '测试大厅', '330000', 'county_center');
      INSERT INTO categories (code, name, ticket_prefix) VALUES ('social_security', '社会保障', 'A'), ('medical_insurance', '医疗保障', 'B');
      INSERT INTO service_items (code, name, category_code) VALUES ('SS-0001', '社会保障卡申领', 'social_security'), ('MI-0001', '医保备案', 'medical_insurance');
      INSERT INTO windows (hall_id, label, mode, opened_on) SELECT '${HALL}', 'W' || n, 'comprehensive', '2020-01-01' FROM generate_series(1, 4) n;
      SELECT ensure_ticket_partitions('2020-05-01', '2020-08-01');`);
  });

  afterAll(async () => {
    await app
      ?.get<Queue>(getQueueToken(JobQueue.Rollups))
      .obliterate({ force: true })
      .catch(() => undefined);
    await app?.close();
    await pg?.end();
    await redis?.stop();
    await db?.drop();
  });

  it('rolls a generated month up to exactly what SQL computes from the raw tickets', async () => {
    await generateMonth('2020-06', 120);
    // one statement, one outbox row per hall and day it touched
    expect(await pending()).toBe(30);
    await startWorker();
    await rolledUp();
    const direct = (await pg.query(DIRECT_DAILY, [HALL])).rows;
    expect(direct).toHaveLength(30 * 3);
    expect((await pg.query(ROLLED_DAILY, [HALL])).rows).toEqual(direct);
    // the hours add up to the days
    const { rows } = await pg.query(
      `SELECT (SELECT sum(arrivals) FROM rollup_hourly WHERE hall_id = $1)::int AS hourly,
              (SELECT sum(arrivals) FROM rollup_daily WHERE hall_id = $1 AND category_code = '*')::int AS daily,
              (SELECT count(*) FROM tickets WHERE hall_id = $1)::int AS raw`,
      [HALL],
    );
    expect(rows[0]).toEqual({ hourly: 3600, daily: 3600, raw: 3600 });
    // running a day again changes nothing
    const before = (await pg.query(ROLLED_DAILY, [HALL])).rows;
    await pg.query(
      `SELECT rollup_hall_day($1, '2020-06-15', $2::text[], $3::text[], $4::interval)`,
      [
        HALL,
        ROLLUP_RULES.onlineChannels,
        ROLLUP_RULES.clerkRoles,
        ROLLUP_RULES.abandonAfter,
      ],
    );
    expect((await pg.query(ROLLED_DAILY, [HALL])).rows).toEqual(before);
  });

  it('keeps facts while Redis is down and rolls them up once it is back', async () => {
    await redis.stop();
    // the facts still commit: the outbox holds them
    await pg.query(
      `UPDATE tickets SET state = 'no_show' WHERE hall_id = $1 AND service_date = '2020-06-10' AND state = 'done' AND sequence <= 30`,
      [HALL],
    );
    await generateMonth('2020-07', 20);
    await new Promise((r) => setTimeout(r, 1500));
    // nothing rolled up meanwhile, and the outbox holds (at least) the 31 new days
    expect(await pending()).toBeGreaterThanOrEqual(31);
    const july = await pg.query(
      `SELECT count(*)::int AS n FROM rollup_daily WHERE hall_id = $1 AND service_date >= '2020-07-01'`,
      [HALL],
    );
    expect(july.rows[0].n).toBe(0);
    await redis.start();
    await rolledUp();
    expect((await pg.query(ROLLED_DAILY, [HALL])).rows).toEqual(
      (await pg.query(DIRECT_DAILY, [HALL])).rows,
    );
  });

  it('ends with the same rollup when the worker is killed in the middle of a job', async () => {
    if (!existsSync(WORKER_MAIN))
      throw new Error(
        `${WORKER_MAIN} is missing: build the worker first (nx run worker:int does)`,
      );
    // the in-process worker steps aside: the job goes to a worker process of its own
    await app?.close();
    app = undefined;
    const holder = new Client({ connectionString: db.url });
    await holder.connect();
    const procs: ChildProcess[] = [];
    const spawnWorker = () => {
      const p = spawn(process.execPath, [WORKER_MAIN], {
        env: { ...process.env, ...env(), JOB_LOCK_SECONDS: '2' },
        stdio: 'ignore',
      });
      procs.push(p);
      return p;
    };
    try {
      // hold the day's rollup lock, so the job blocks inside rollup_hall_day
      await holder.query('BEGIN');
      await holder.query(
        `SELECT pg_advisory_xact_lock(hashtextextended('rollup|' || $1 || '|2020-06-20', 0))`,
        [HALL],
      );
      await pg.query(
        `UPDATE tickets SET state = 'cancelled', called_at = NULL, started_at = NULL, completed_at = NULL, window_id = NULL
           WHERE hall_id = $1 AND service_date = '2020-06-20' AND sequence <= 40`,
        [HALL],
      );
      const first = spawnWorker();
      await until('the job to block on the lock', async () => {
        const { rows } = await pg.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%rollup_hall_day%'`,
        );
        return rows[0].n > 0 ? true : undefined;
      });
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      // PostgreSQL ends a dead client's transaction when it next talks to it; one parked on a
      // lock would finish the work by itself, so end it now: only a re-run can do the day
      await pg.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE datname = current_database() AND application_name = 'onewindow-worker' AND wait_event_type = 'Lock'`,
      );
      await holder.query('ROLLBACK');
      const expected = (await pg.query(DIRECT_DAILY, [HALL])).rows;
      expect((await pg.query(ROLLED_DAILY, [HALL])).rows).not.toEqual(expected);
      // a new worker finds the stalled job and runs it again
      spawnWorker();
      await until(
        'the killed job to be run again',
        async () => {
          const rolled = (await pg.query(ROLLED_DAILY, [HALL])).rows;
          return JSON.stringify(rolled) === JSON.stringify(expected)
            ? true
            : undefined;
        },
        45_000,
      );
      expect(await pending()).toBe(0);
      // the province's day sums, kept by increments, equal the hall's days after all the above
      const region = await pg.query(
        `SELECT to_char(d.service_date, 'YYYY-MM-DD') AS date, d.arrivals = r.tickets AND d.called = r.called
                  AND d.within_target = r.within_target AND abs(d.wait_sum_seconds - r.wait_sum_seconds) < 1e-6 AS same
           FROM rollup_daily d LEFT JOIN rollup_region_daily r ON r.region_code = '330000' AND r.service_date = d.service_date
           WHERE d.hall_id = $1 AND d.category_code = '*'`,
        [HALL],
      );
      expect(region.rows.length).toBe(61);
      expect(region.rows.filter((r) => !r.same)).toEqual([]);
    } finally {
      for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
      await holder.end();
    }
  }, 60_000);
});
