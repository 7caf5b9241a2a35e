import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import type { Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';

/**
 * The common part of OneWindow's BullMQ processors: connection trouble (Redis away) is logged once
 * per kind, not once per retry; a job that fails for good (no attempts left, or unrecoverable) is
 * handed to `failedForGood`, where a job that stands for a row (an import, a plan) marks it failed.
 */
export abstract class JobProcessor extends WorkerHost {
  private lastError = '';

  protected constructor(protected readonly logger: Logger) {
    super();
  }

  @OnWorkerEvent('error')
  onError(e: Error): void {
    if (e.message === this.lastError) return;
    this.lastError = e.message;
    this.logger.warn(`worker: ${e.message}`);
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, e: Error): Promise<void> {
    if (!job) return;
    const final =
      e instanceof UnrecoverableError ||
      e.name === 'UnrecoverableError' ||
      job.attemptsMade >= (job.opts.attempts ?? 1);
    // (if the database is away now, the sweeper records it once it sees the failed job)
    if (final) await this.failedForGood(job, e).catch(() => undefined);
  }

  /** A job failed for good; by default nothing more than the log. */
  protected async failedForGood(job: Job, e: Error): Promise<void> {
    this.logger.warn(`job ${job.name} ${job.id} failed: ${e.message}`);
  }
}
