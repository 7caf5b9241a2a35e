import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  JobName,
  JobPayloads,
  loadConfig,
  QueueName,
} from '@onewindow/server-core';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobProcessor } from '../common/job-processor';

const lockMs = loadConfig().JOB_LOCK_SECONDS * 1000;

/**
 * Runs rollup jobs: `rollup_hall_days` re-derives some days of one hall from the raw facts in one
 * transaction (libs/persistence/src/sql/functions/rollup_hall_days.sql), so a retry after a crash ends the same. The nightly
 * job puts every hall's yesterday into the outbox, and the drainer turns those into jobs.
 */
@Processor(QueueName.Rollups, {
  concurrency: 2,
  lockDuration: lockMs,
  stalledInterval: lockMs,
})
export class RollupsProcessor extends JobProcessor {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super(new Logger('Rollups'));
  }

  async process(
    job: Job,
  ): Promise<{ hallId?: string; days?: number; halls?: number }> {
    switch (job.name) {
      case JobName.RollupHallDays: {
        const { hallId, dates } =
          job.data as JobPayloads[JobName.RollupHallDays];
        await this.db.query(`SELECT rollup_hall_days($1::uuid, $2::date[])`, [
          hallId,
          dates,
        ]);
        return { hallId, days: dates.length };
      }
      case JobName.RollupYesterday: {
        const rows: unknown[] = await this.db.query(
          `INSERT INTO outbox (topic, hall_id, payload)
           SELECT 'rollup', id, jsonb_build_object('date', ((now() AT TIME ZONE timezone)::date - 1), 'source', 'nightly')
           FROM halls RETURNING id`,
        );
        return { halls: rows.length };
      }
      default:
        throw new UnrecoverableError(`unknown job ${job.name}`);
    }
  }
}
