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

describe('Worker: ticket partitions job (real PostgreSQL and Redis)', () => {
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
    expect(schedulers.map((s) => s.key)).toEqual(['ticket-partitions-daily']);
  });
});
