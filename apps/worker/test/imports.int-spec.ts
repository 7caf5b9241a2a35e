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
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { IMPORT_BATCH_ROWS } from '../src/app/imports/import-runner.service';
import { WorkerModule } from '../src/app/worker.module';

const HALL_A = '55555555-5555-4555-8555-555555555555';
const HALL_B = '66666666-6666-4666-8666-666666666666';
const WORKER_MAIN = resolve(__dirname, '../../../dist/apps/worker/main.js');

/** A ticket log of `days` days from 2019-12-20 (across a year and three months), `perDay` tickets a day. */
function ticketLog(days: number, perDay: number): string[] {
  const lines = [
    'number,service_item_code,issued_at,called_at,completed_at,window',
  ];
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  for (let d = 0; d < days; d++) {
    const day = new Date(Date.UTC(2019, 11, 20 + d)).toISOString().slice(0, 10);
    for (let i = 1; i <= perDay; i++) {
      const sec = 8 * 3600 + 30 * 60 + i * 17;
      const t = (s: number) =>
        `${day} ${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
      const prefix = i % 3 === 0 ? 'B' : 'A';
      const item = prefix === 'A' ? 'SS-0001' : 'MI-0001';
      const wait = (i * 37) % 1800;
      const kind = i % 11;
      const called = kind === 10 ? '' : t(sec + wait);
      const completed = kind === 10 || kind === 9 ? '' : t(sec + wait + 300);
      const window = called ? `W${1 + (i % 4)}` : '';
      lines.push(
        `${prefix}${pad(i, 4)},${item},${t(sec)},${called},${completed},${window}`,
      );
    }
  }
  return lines;
}

describe('Imports: stored file → BullMQ → facts (real PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let pg: Client;
  let redis: OwnRedis;
  let app: INestApplicationContext | undefined;
  const prefix = `ti${process.pid}`;
  const env = () => ({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    LOG_LEVEL: 'silent',
    REDIS_PREFIX: prefix,
    OUTBOX_POLL_MS: '100',
  });
  const startWorker = async () => {
    app = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(loadConfig(env())),
      { logger: false },
    );
    await app.init();
  };
  const sql = async <T = Record<string, unknown>>(
    text: string,
    params?: unknown[],
  ) => (await pg.query(text, params)).rows as T[];

  /** An import row as the API stores it (no job: the worker's sweeper hands it over). */
  async function store(
    hallId: string,
    kind: string,
    content: string,
  ): Promise<string> {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO imports (hall_id, kind, sha256, size_bytes, content)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [
        hallId,
        kind,
        createHash('sha256').update(content).digest('hex'),
        Buffer.byteLength(content),
        content,
      ],
    );
    return row.id;
  }

  interface ImportRow {
    state: string;
    progress: number;
    checkpoint_line: number;
    rows_total: number;
    rows_imported: number;
    rows_updated: number;
    rows_unchanged: number;
    rows_rejected: number;
    rejections: { line: number; reason: string }[];
    error: string | null;
  }
  const importRow = async (id: string) =>
    (
      await sql<ImportRow>(
        `SELECT state, progress, checkpoint_line, rows_total, rows_imported, rows_updated, rows_unchanged,
                rows_rejected, rejections, error FROM imports WHERE id = $1`,
        [id],
      )
    )[0];
  const finished = (id: string, ms = 30_000) =>
    until(
      `import ${id} to finish`,
      async () => {
        const r = await importRow(id);
        return r.state === 'done' || r.state === 'failed' ? r : undefined;
      },
      ms,
    );
  /** The tickets of a hall as facts (no ids; windows by label), in order. */
  const ticketsOf = (hallId: string) =>
    sql<Record<string, unknown> & { d: string }>(
      `SELECT to_char(t.service_date, 'YYYY-MM-DD') AS d, t.number, t.prefix, t.sequence, t.service_item_code, t.category_code,
              t.priority, t.channel, t.state, t.issued_at, t.queue_at, t.called_at, t.started_at, t.completed_at, w.label AS window
       FROM tickets t LEFT JOIN windows w ON w.id = t.window_id WHERE t.hall_id = $1 ORDER BY 1, 2`,
      [hallId],
    );
  const checksum = async (table: string, hallId: string) =>
    (
      await sql<{ n: number; sum: string }>(
        `SELECT count(*)::int AS n, md5(string_agg(x::text, ',' ORDER BY x::text)) AS sum FROM ${table} x WHERE hall_id = $1`,
        [hallId],
      )
    )[0];

  beforeAll(async () => {
    db = await createTestDatabase('imports');
    redis = await OwnRedis.start();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    await pg.query(`
      INSERT INTO regions (code, name, level) VALUES ('330000', '浙江省', 'province');
      INSERT INTO halls (id, name, region_code, kind) VALUES
        ('${HALL_A}', '测试大厅A', '330000', 'county_center'), ('${HALL_B}', '测试大厅B', '330000', 'county_center');
      INSERT INTO categories (code, name, ticket_prefix) VALUES ('social_security', '社会保障', 'A'), ('medical_insurance', '医疗保障', 'B');
      INSERT INTO service_items (code, name, category_code) VALUES ('SS-0001', '社会保障卡申领', 'social_security'), ('MI-0001', '医保备案', 'medical_insurance');
      INSERT INTO windows (hall_id, label, mode, opened_on)
        SELECT h, 'W' || n, 'comprehensive', '2019-01-01' FROM generate_series(1, 4) n, unnest(ARRAY['${HALL_A}', '${HALL_B}']::uuid[]) h;`);
  });

  afterAll(async () => {
    await app
      ?.get<Queue>(getQueueToken(JobQueue.Imports))
      .obliterate({ force: true })
      .catch(() => undefined);
    await app?.close();
    await pg?.end();
    await redis?.stop();
    await db?.drop();
  });

  it('imports the good rows of a ticket log, reports each bad row with its line and reason, and rolls the days up', async () => {
    const csv = [
      '\ufeffNumber,Service_Item_Code,Issued_At,Called_At,Completed_At,Window,Remark', // line 1
      'A0001,SS-0001,2020-03-02 08:31:12,2020-03-02 08:33:40,2020-03-02 08:39:02,W1,', // 2: done
      'B0001,MI-0001,2020-03-02 08:35:51,08:52:09,,W2,', // 3: no_show (time of day)
      'A0002,social_security,2020-03-02 08:36:20,,,,left', // 4: cancelled, category only
      'A0003,XX-0001,2020-03-02 08:40:00,,,,', // 5: unknown item
      'A0004,SS-0001,2020-03-02 08:41:00,2020-03-02 08:40:00,,W1,', // 6: called before issued
      'A0001,SS-0001,2020-03-02 09:00:00,,,,', // 7: duplicate of line 2
      'A0005,SS-0001,2020-02-30 09:00:00,,,,', // 8: no such day
      'A0006,SS-0001,2020-03-02 09:10:00,,,W9,', // 9: unknown window
      'A0007,SS-0001,2020-03-02 09:12:00,,', // 10: too few fields
      '"A0008,SS-0001,2020-03-03 09:00:00,,,,', // 11…: a quote never closed
      'A0009,SS-0001,2020-03-03 09:01:00,,,,',
    ].join('\r\n');
    const id = await store(HALL_A, 'tickets', csv);
    await startWorker();
    const done = await finished(id);
    expect(done).toMatchObject({
      state: 'done',
      progress: 1,
      rows_total: 10,
      rows_imported: 3,
      rows_updated: 0,
      rows_unchanged: 0,
      rows_rejected: 7,
      error: null,
    });
    expect(done.rejections).toEqual([
      {
        line: 5,
        reason: expect.stringContaining(
          'service_item_code: "XX-0001" is not a service item',
        ),
      },
      { line: 6, reason: 'called_at: is before issued_at' },
      {
        line: 7,
        reason: 'duplicate: ticket A0001 of 2020-03-02 is also on line 2',
      },
      {
        line: 8,
        reason: expect.stringContaining('is not a real date and time'),
      },
      { line: 9, reason: 'window: "W9" is not a window of this hall' },
      { line: 10, reason: 'has 5 fields; the header has 7' },
      {
        line: 11,
        reason: expect.stringMatching(
          /quote opened on line 11 is never closed \(lines 11–12/,
        ),
      },
    ]);
    const tickets = await ticketsOf(HALL_A);
    expect(
      tickets.map((t) => [
        t.number,
        t.state,
        t.service_item_code,
        t.category_code,
        t.window,
      ]),
    ).toEqual([
      ['A0001', 'done', 'SS-0001', 'social_security', 'W1'],
      ['A0002', 'cancelled', '*', 'social_security', null],
      ['B0001', 'no_show', 'MI-0001', 'medical_insurance', 'W2'],
    ]);
    expect(tickets[0]).toMatchObject({
      d: '2020-03-02',
      prefix: 'A',
      sequence: 1,
      channel: 'import',
      issued_at: new Date('2020-03-02T00:31:12Z'),
      queue_at: new Date('2020-03-02T00:31:12Z'),
      called_at: new Date('2020-03-02T00:33:40Z'),
      started_at: new Date('2020-03-02T00:33:40Z'),
      completed_at: new Date('2020-03-02T00:39:02Z'),
    });
    // the outbox took the day to the rollups by itself
    const rolled = await until('the day to be rolled up', async () => {
      const [r] = await sql<{
        arrivals: number;
        served: number;
        no_shows: number;
        cancelled: number;
      }>(
        `SELECT arrivals, served, no_shows, cancelled FROM rollup_daily WHERE hall_id = $1 AND service_date = '2020-03-02' AND category_code = '*'`,
        [HALL_A],
      );
      return r;
    });
    expect(rolled).toEqual({
      arrivals: 3,
      served: 1,
      no_shows: 1,
      cancelled: 1,
    });
  });

  it('changes nothing when the same rows come again in another file (all unchanged), and rejects rows that contradict stored tickets', async () => {
    await until('the outbox to drain', async () =>
      (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM outbox`))[0]
        .n === 0
        ? true
        : undefined,
    );
    const before = await checksum('tickets', HALL_A);
    const again = [
      'window,completed_at,called_at,issued_at,service_item_code,number',
      'W1,2020-03-02T00:39:02Z,2020-03-02T08:33:40+08:00,2020/3/2 8:31:12,SS-0001,A0001',
      'W2,,2020-03-02 08:52:09,2020-03-02 08:35:51,MI-0001,b0001',
      ',,,2020-03-02 08:36:20,SS-0001,A0002',
      'W3,,2020-03-02 08:52:09,2020-03-02 08:35:51,MI-0001,B0001',
    ].join('\n');
    const id = await store(HALL_A, 'tickets', again);
    const done = await finished(id);
    expect(done).toMatchObject({
      state: 'done',
      rows_total: 4,
      rows_imported: 0,
      rows_unchanged: 2,
      rows_rejected: 2,
    });
    expect(done.rejections).toEqual([
      {
        line: 4,
        reason: expect.stringContaining(
          'ticket A0002 of 2020-03-02 is already recorded by an earlier import with another service_item_code',
        ),
      },
      {
        line: 5,
        reason: 'duplicate: ticket B0001 of 2020-03-02 is also on line 3',
      },
    ]);
    expect(await checksum('tickets', HALL_A)).toEqual(before);
    // nothing written, so nothing for the rollups to redo
    expect(
      (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM outbox`))[0].n,
    ).toBe(0);
  });

  it('upserts handling records and consultations: a revised count is an update, the rest unchanged', async () => {
    const handling = (windowCount: number) =>
      [
        '日期,事项编码,渠道,办件量',
        `2020-06-01,SS-0001,窗口,${windowCount}`,
        '2020-06-01,SS-0001,online_mobile,40',
        '2020-06-01,MI-0001,web,7',
        '2020-06-01,MI-0001,fax,7',
        '2020-06-02,MI-0001,agent,-1',
      ].join('\n');
    const first = await finished(
      await store(HALL_A, 'handling_records', handling(12)),
    );
    expect(first).toMatchObject({
      rows_imported: 3,
      rows_updated: 0,
      rows_unchanged: 0,
      rows_rejected: 2,
    });
    expect(first.rejections.map((r) => r.line)).toEqual([5, 6]);
    const revised = await finished(
      await store(HALL_A, 'handling_records', handling(13)),
    );
    expect(revised).toMatchObject({
      rows_imported: 0,
      rows_updated: 1,
      rows_unchanged: 2,
      rows_rejected: 2,
    });
    expect(
      await sql(
        `SELECT service_item_code AS item, channel, count FROM handling_records WHERE hall_id = $1 ORDER BY 1, 2`,
        [HALL_A],
      ),
    ).toEqual([
      { item: 'MI-0001', channel: 'online_web', count: 7 },
      { item: 'SS-0001', channel: 'online_mobile', count: 40 },
      { item: 'SS-0001', channel: 'window', count: 13 },
    ]);

    const consultations =
      'date,channel,count\n2020-06-01,robot,60\n2020-06-01,online_human,30\n2020-06-01,window,10\n2020-06-01,robot,61\n';
    const c = await finished(
      await store(HALL_A, 'consultations', consultations),
    );
    expect(c).toMatchObject({ rows_imported: 3, rows_rejected: 1 });
    expect(c.rejections).toEqual([
      {
        line: 5,
        reason: 'duplicate: 2020-06-01, channel robot is also on line 2',
      },
    ]);
    const facts = await until('the day to be rolled up', async () => {
      const [r] = await sql<{
        handled_total: number;
        handled_online: number;
        consultations_total: number;
        consultations_robot: number;
      }>(
        `SELECT handled_total, handled_online, consultations_total, consultations_robot FROM rollup_hall_facts WHERE hall_id = $1 AND service_date = '2020-06-01'`,
        [HALL_A],
      );
      return r && r.consultations_total === 100 && r.handled_total === 60
        ? r
        : undefined;
    });
    expect(facts).toEqual({
      handled_total: 60,
      handled_online: 47,
      consultations_total: 100,
      consultations_robot: 60,
    });
  });

  it('ends in the same state when the worker is killed in the middle of a batch and the job runs again', async () => {
    if (!existsSync(WORKER_MAIN))
      throw new Error(
        `${WORKER_MAIN} is missing: build the worker first (nx run worker:int does)`,
      );
    if (!readFileSync(WORKER_MAIN, 'utf8').includes('ImportsProcessor'))
      throw new Error(
        `${WORKER_MAIN} predates imports: build the worker again (nx build worker)`,
      );
    const lines = ticketLog(45, 120); // 5,400 rows over Dec 2019 – Feb 2020
    // a few bad rows at known places
    lines[100] = lines[100].replace('SS-0001', 'NOPE');
    lines[2600] = lines[2600].replace(/,W\d$/, ',W99');
    lines.splice(4000, 0, lines[3999]); // a duplicate row
    const csv = lines.join('\n');

    // the reference: the same file into hall B, in one go
    const reference = await finished(
      await store(HALL_B, 'tickets', csv),
      60_000,
    );
    expect(reference).toMatchObject({
      state: 'done',
      rows_total: 5401,
      rows_rejected: 3,
    });
    expect(reference.rows_imported).toBe(5398);
    expect(reference.rejections.map((r) => r.line)).toEqual([101, 2601, 4001]);

    // the in-process worker steps aside: the job goes to worker processes of their own
    await app?.close();
    app = undefined;
    const holder = new Client({ connectionString: db.url });
    await holder.connect();
    const procs: ChildProcess[] = [];
    const spawnWorker = () => {
      const p = spawn(process.execPath, [WORKER_MAIN], {
        // a prefix of their own: the in-process worker's stalled-job checks (every 30 s) are
        // rate-limited per queue, and would hold back theirs (every 2 s)
        env: {
          ...process.env,
          ...env(),
          REDIS_PREFIX: `${prefix}k`,
          JOB_LOCK_SECONDS: '2',
        },
        stdio: 'ignore',
      });
      procs.push(p);
      return p;
    };
    try {
      // a ticket of the third batch, inserted and not committed: that batch blocks on it
      const blocker = lines[2 * IMPORT_BATCH_ROWS + 500].split(',');
      await holder.query('BEGIN');
      await holder.query(
        `INSERT INTO tickets (service_date, hall_id, number, prefix, sequence, service_item_code, category_code, issued_at, queue_at)
         VALUES ($1::timestamptz::date, $2, $3, 'A', 1, 'SS-0001', 'social_security', $1, $1)`,
        [`${blocker[2]}+08`, HALL_A, blocker[0]],
      );
      const id = await store(HALL_A, 'tickets', csv);
      const first = spawnWorker();
      await until('the third batch to block', async () => {
        const [r] = await sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = 'onewindow-worker'`,
        );
        return r.n > 0 ? true : undefined;
      });
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      await sql(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND application_name = 'onewindow-worker'`,
      );
      await holder.query('ROLLBACK');
      // two batches are in, the third is not: the import stopped half-way
      const halfway = await importRow(id);
      expect(halfway).toMatchObject({
        state: 'running',
        rows_total: 2 * IMPORT_BATCH_ROWS,
      });
      expect(halfway.checkpoint_line).toBe(2 * IMPORT_BATCH_ROWS + 1);
      expect(
        (await ticketsOf(HALL_A)).filter((t) => t.d < '2020-03-01'),
      ).toHaveLength(2 * IMPORT_BATCH_ROWS - 1);

      // a new worker finds the stalled job and runs it again, from the checkpoint
      spawnWorker();
      const done = await finished(id, 45_000);
      expect(done).toEqual(reference);
      const imported = (await ticketsOf(HALL_A)).filter(
        (t) => t.d < '2020-03-01',
      );
      expect(imported).toEqual(await ticketsOf(HALL_B));

      // idempotent by construction too: the whole file run again from the top (a new run, no
      // checkpoint) finds every good row stored already and writes nothing
      const before = await checksum('tickets', HALL_A);
      await sql(
        `UPDATE imports SET state = 'queued', run = run + 1, checkpoint_line = 0, progress = 0, rows_total = 0,
           rows_imported = 0, rows_updated = 0, rows_unchanged = 0, rows_rejected = 0, rejections = '[]'
         WHERE id = $1`,
        [id],
      );
      const rerun = await finished(id, 45_000);
      expect(rerun).toEqual({
        ...reference,
        rows_imported: 0,
        rows_unchanged: reference.rows_imported,
      });
      expect(await checksum('tickets', HALL_A)).toEqual(before);
    } finally {
      for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
      await holder.end();
    }
  }, 120_000);
});
