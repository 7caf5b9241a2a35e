import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import {
  JobName,
  type JobPayloads,
  loadConfig,
  JobQueue,
} from '@onewindow/server-core';
import { Job, UnrecoverableError } from 'bullmq';
import { JobProcessor } from '../common/job-processor';
import { PlanRunner } from './plan-runner.service';

const lockMs = loadConfig().JOB_LOCK_SECONDS * 1000;

/**
 * Runs plan jobs, one at a time per worker (a plan keeps a core busy for seconds). Progress goes
 * to the plan's row (the API reads it there) and to the job. A job that fails for good marks its
 * plan failed; a retry runs the plan again from the start (same inputs, same seed, same result).
 */
@Processor(JobQueue.Planning, {
  concurrency: 1,
  lockDuration: lockMs,
  stalledInterval: lockMs,
})
export class PlansProcessor extends JobProcessor {
  constructor(private readonly runner: PlanRunner) {
    super(new Logger('Plans'));
  }

  protected override async failedForGood(job: Job, e: Error): Promise<void> {
    if (job.name !== JobName.RunPlan) return super.failedForGood(job, e);
    const { planId } = job.data as JobPayloads[JobName.RunPlan];
    this.logger.warn(`plan ${planId} failed: ${e.message}`);
    await this.runner.fail(planId, e.message);
  }

  process(job: Job): Promise<'done' | 'skipped'> {
    if (job.name !== JobName.RunPlan)
      throw new UnrecoverableError(`unknown job ${job.name}`);
    const { planId } = job.data as JobPayloads[JobName.RunPlan];
    return this.runner.run(planId, (p) => {
      job.updateProgress(Math.round(p * 1000) / 1000).catch(() => undefined);
    });
  }
}
