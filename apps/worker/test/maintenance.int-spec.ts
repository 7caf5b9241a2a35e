import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  createTestDatabase,
  type TestDatabase,
} from '@onewindow/persistence/testing';
import { JobName, loadConfig, JobQueue } from '@onewindow/server-core';
import type { Queue } from 'bullmq';
import { Client } from 'pg';
import { WorkerModule } from '../src/app/worker.module';

describe('Worker: maintenance jobs (real PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let pg: Client;
  const prefix = `tw${process.pid}`;

  beforeAll(async () => {
    db = await createTestDatabase('worker');
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      LOG_LEVEL: 'silent',
      REDIS_PREFIX: prefix,
    });
    app = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(config),
      { logger: false },
    );
    await app.init();
  });

  afterAll(async () => {
    const queue = app?.get<Queue>(getQueueToken(JobQueue.Maintenance));
    await queue?.obliterate({ force: true });
    await app?.close();
    await pg?.end();
    await db?.drop();
  });

  it('creates the partitions of the coming months and registers one daily scheduler', async () => {
    await pg.query(`DROP TABLE IF EXISTS tickets_y2030m01`);
    const queue = app.get<Queue>(getQueueToken(JobQueue.Maintenance));
    const job = await queue.add(JobName.EnsureTicketPartitions, {
      monthsAhead: 60,
    });
    const deadline = Date.now() + 30_000;
    let state = await job.getState();
    while (
      state !== 'completed' &&
      state !== 'failed' &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 100));
      state = await job.getState();
    }
    expect(state).toBe('completed');
    const { rows } = await pg.query(
      `SELECT to_regclass('tickets_y2030m01') IS NOT NULL AS exists`,
    );
    expect(rows[0].exists).toBe(true);
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key).sort()).toEqual([
      'expire-waiting-tickets',
      'ticket-partitions-daily',
    ]);
  });

  /** Runs one maintenance job to its end; its return value. */
  async function run(name: JobName): Promise<Record<string, number>> {
    const queue = app.get<Queue>(getQueueToken(JobQueue.Maintenance));
    const job = await queue.add(name, {});
    const deadline = Date.now() + 30_000;
    let state = await job.getState();
    while (state !== 'completed' && state !== 'failed') {
      if (Date.now() > deadline)
        throw new Error(
          `${name} did not finish: ${state} ${(await queue.getJob(job.id as string))?.failedReason}`,
        );
      await new Promise((r) => setTimeout(r, 100));
      state = await job.getState();
    }
    expect(state).toBe('completed');
    const done = await queue.getJob(job.id as string);
    return done?.returnvalue as Record<string, number>;
  }

  it('closes the tickets still waiting after their hall closed, at its closing time in its own time zone', async () => {
    const SHANGHAI = '55555555-5555-4555-8555-555555555555';
    const BERLIN = '66666666-6666-4666-8666-666666666666';
    await pg.query(`
      INSERT INTO regions (code, name, level) VALUES ('330000', '浙江省', 'province');
      INSERT INTO halls (id, name, region_code, kind, timezone, opening_hours) VALUES
        ('${SHANGHAI}', '上海时区大厅', '330000', 'county_center', 'Asia/Shanghai',
         '{"weekdays": [1, 2, 3, 4, 5], "open": "08:30", "close": "17:00"}'),
        ('${BERLIN}', '柏林时区大厅', '330000', 'county_center', 'Europe/Berlin',
         '{"weekdays": [1, 2, 3, 4, 5], "open": "08:00", "close": "16:30"}');
      INSERT INTO categories (code, name, ticket_prefix) VALUES ('social_security', '社会保障', 'A');
      INSERT INTO service_items (code, name, category_code) VALUES ('SS-0001', '社会保障卡申领', 'social_security');
      SELECT ensure_ticket_partitions('2020-06-01', (current_date + 40)::date);`);
    // issued at `at` UTC: 02:00 is 10:00 in Shanghai, 04:00 in Berlin (summer time)
    const ticket = (
      hall: string,
      day: string,
      n: number,
      state: string,
      at = '02:00',
    ) =>
      pg.query(
        `INSERT INTO tickets (service_date, hall_id, number, prefix, sequence, service_item_code, category_code,
                              state, issued_at, queue_at, called_at)
         VALUES ($2::date, $1, 'A' || lpad($3::text, 4, '0'), 'A', $3::int, 'SS-0001', 'social_security', $4::text,
                 ($2::date + $5::time) AT TIME ZONE 'UTC', ($2::date + $5::time) AT TIME ZONE 'UTC',
                 CASE WHEN $4::text = 'called' THEN ($2::date + $5::time) AT TIME ZONE 'UTC' + interval '20 minutes' END)`,
        [hall, day, n, state, at],
      );
    // a past day in both halls: three waiting, one called; a day to come: waiting, not yet closed
    for (const hall of [SHANGHAI, BERLIN]) {
      for (let n = 1; n <= 3; n++)
        await ticket(hall, '2020-06-10', n, 'waiting');
      await ticket(hall, '2020-06-10', 4, 'called');
    }
    // issued at 18:30 in Shanghai, after the hall closed: closed at the end of its day instead
    await ticket(SHANGHAI, '2020-06-10', 5, 'waiting', '10:30');
    const { rows: future } = await pg.query(
      `SELECT to_char(current_date + 30, 'YYYY-MM-DD') AS d`,
    );
    await ticket(SHANGHAI, future[0].d, 1, 'waiting');

    expect(await run(JobName.ExpireWaitingTickets)).toEqual({
      expired: 7,
      halls: 2,
    });
    const { rows } = await pg.query(
      `SELECT h.name, t.state, to_char(t.service_date, 'YYYY-MM-DD') AS day, count(*)::int AS n,
              to_char(min(t.expired_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS expired_at_utc,
              to_char(max(t.expired_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS last_expired_at_utc
       FROM tickets t JOIN halls h ON h.id = t.hall_id
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
    expect(rows).toEqual([
      // 17:00 in Shanghai is 09:00 UTC; 16:30 in Berlin (summer time) is 14:30 UTC
      {
        name: '上海时区大厅',
        state: 'called',
        day: '2020-06-10',
        n: 1,
        expired_at_utc: null,
        last_expired_at_utc: null,
      },
      {
        name: '上海时区大厅',
        state: 'expired',
        day: '2020-06-10',
        n: 4,
        expired_at_utc: '2020-06-10 09:00',
        // the ticket issued after closing: at the end of its day, midnight in Shanghai
        last_expired_at_utc: '2020-06-10 16:00',
      },
      {
        name: '上海时区大厅',
        state: 'waiting',
        day: future[0].d,
        n: 1,
        expired_at_utc: null,
        last_expired_at_utc: null,
      },
      {
        name: '柏林时区大厅',
        state: 'called',
        day: '2020-06-10',
        n: 1,
        expired_at_utc: null,
        last_expired_at_utc: null,
      },
      {
        name: '柏林时区大厅',
        state: 'expired',
        day: '2020-06-10',
        n: 3,
        expired_at_utc: '2020-06-10 14:30',
        last_expired_at_utc: '2020-06-10 14:30',
      },
    ]);
    // each closed ticket is a live event of its hall, and its day is queued for a rollup
    const events = await pg.query(
      `SELECT hall_id, type, payload->>'state' AS state, count(*)::int AS n
       FROM hall_events GROUP BY 1, 2, 3 ORDER BY 1`,
    );
    expect(events.rows).toEqual([
      { hall_id: SHANGHAI, type: 'ticket.expired', state: 'expired', n: 4 },
      { hall_id: BERLIN, type: 'ticket.expired', state: 'expired', n: 3 },
    ]);
    const outbox = await pg.query(
      `SELECT count(*)::int AS n FROM outbox WHERE payload->>'date' = '2020-06-10'`,
    );
    expect(outbox.rows[0].n).toBeGreaterThanOrEqual(2);
    // nothing more to close
    expect(await run(JobName.ExpireWaitingTickets)).toEqual({
      expired: 0,
      halls: 0,
    });
  });
});
