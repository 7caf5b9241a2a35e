import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import {
  JobName,
  type JobPayloads,
  loadConfig,
  QueueName,
} from '@onewindow/server-core';
import { Job, UnrecoverableError } from 'bullmq';
import {
  ImportRunner,
  ImportTakenOverError,
  type RunOutcome,
} from './import-runner.service';

const lockMs = loadConfig().JOB_LOCK_SECONDS * 1000;

/**
 * Runs import jobs, one at a time per worker (an import is a long stream of batches). Progress
 * goes to the import's row with every batch (the API reads it there) and to the job. A job that
 * fails for good marks its import failed; retries resume after the last committed batch.
 */
@Processor(QueueName.Imports, {
  concurrency: 1,
  lockDuration: lockMs,
  stalledInterval: lockMs,
})
export class ImportsProcessor extends WorkerHost {
  private readonly logger = new Logger('Imports');
  private lastError = '';

  constructor(private readonly runner: ImportRunner) {
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
    if (!job || job.name !== JobName.RunImport) return;
    const final =
      e instanceof UnrecoverableError ||
      e.name === 'UnrecoverableError' ||
      job.attemptsMade >= (job.opts.attempts ?? 1);
    if (!final) return;
    const { importId, run } = job.data as JobPayloads[JobName.RunImport];
    this.logger.warn(`import ${importId} failed: ${e.message}`);
    // (if the database is away now, the sweeper marks it once it sees the failed job)
    await this.runner.fail(importId, run, e.message).catch(() => undefined);
  }

  async process(job: Job): Promise<RunOutcome> {
    if (job.name !== JobName.RunImport)
      throw new UnrecoverableError(`unknown job ${job.name}`);
    const { importId, run } = job.data as JobPayloads[JobName.RunImport];
    try {
      return await this.runner.run(importId, run, (p) => {
        // best effort: the import's row has the progress that counts
        job.updateProgress(Math.round(p * 1000) / 1000).catch(() => undefined);
      });
    } catch (e) {
      // another run of this import is ahead (this worker was thought dead): leave it to that one
      if (e instanceof ImportTakenOverError) {
        this.logger.warn(e.message);
        return { skipped: 'superseded' };
      }
      throw e;
    }
  }
}
