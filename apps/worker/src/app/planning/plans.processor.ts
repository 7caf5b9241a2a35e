import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import {
  JobName,
  type JobPayloads,
  loadConfig,
  QueueName,
} from '@onewindow/server-core';
import { Job, UnrecoverableError } from 'bullmq';
import { PlanRunner } from './plan-runner.service';

const lockMs = loadConfig().JOB_LOCK_SECONDS * 1000;

/**
 * Runs plan jobs, one at a time per worker (a plan keeps a core busy for seconds). Progress goes
 * to the plan's row (the API reads it there) and to the job. A job that fails for good marks its
 * plan failed; a retry runs the plan again from the start (same inputs, same seed, same result).
 */
@Processor(QueueName.Planning, {
  concurrency: 1,
  lockDuration: lockMs,
  stalledInterval: lockMs,
})
export class PlansProcessor extends WorkerHost {
  private readonly logger = new Logger('Plans');
  private lastError = '';

  constructor(private readonly runner: PlanRunner) {
    super();
  }

  /** Connection trouble (Redis away) is logged once per kind, not once per retry. */
  @OnWorkerEvent('error')
  onError(e: Error): void {
    if (e.message === this.lastError) return;
    this.lastError = e.message;
    this.logger.warn(`worker: ${e.message}`);
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, e: Error): Promise<void> {
    if (!job || job.name !== JobName.RunPlan) return;
    const final =
      e instanceof UnrecoverableError ||
      e.name === 'UnrecoverableError' ||
      job.attemptsMade >= (job.opts.attempts ?? 1);
    if (!final) return;
    const { planId } = job.data as JobPayloads[JobName.RunPlan];
    this.logger.warn(`plan ${planId} failed: ${e.message}`);
    // (if the database is away now, the sweeper marks it once it sees the failed job)
    await this.runner.fail(planId, e.message).catch(() => undefined);
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
