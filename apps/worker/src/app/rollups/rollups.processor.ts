import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import {
  JobName,
  JobPayloads,
  loadConfig,
  JobQueue,
} from '@onewindow/server-core';
import { RollupQueries } from '@onewindow/persistence';
import { Job, UnrecoverableError } from 'bullmq';
import { JobProcessor } from '../common/job-processor';

const lockMs = loadConfig().JOB_LOCK_SECONDS * 1000;

/**
 * Runs rollup jobs: `rollup_hall_days` re-derives some days of one hall from the raw facts in one
 * transaction (libs/persistence/src/sql/functions/rollup_hall_days.sql), so a retry after a crash ends the same. The nightly
 * job puts every hall's yesterday into the outbox, and the drainer turns those into jobs.
 */
@Processor(JobQueue.Rollups, {
  concurrency: 2,
  lockDuration: lockMs,
  stalledInterval: lockMs,
})
export class RollupsProcessor extends JobProcessor {
  constructor(private readonly rollups: RollupQueries) {
    super(new Logger('Rollups'));
  }

  async process(
    job: Job,
  ): Promise<{ hallId?: string; days?: number; halls?: number }> {
    switch (job.name) {
      case JobName.RollupHallDays: {
        const { hallId, dates } =
          job.data as JobPayloads[JobName.RollupHallDays];
        await this.rollups.rollupHallDays(hallId, dates);
        return { hallId, days: dates.length };
      }
      case JobName.RollupYesterday: {
        return { halls: await this.rollups.queueYesterdays() };
      }
      default:
        throw new UnrecoverableError(`unknown job ${job.name}`);
    }
  }
}
