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
@Processor(JobQueue.Imports, {
  concurrency: 1,
  lockDuration: lockMs,
  stalledInterval: lockMs,
})
export class ImportsProcessor extends JobProcessor {
  constructor(private readonly runner: ImportRunner) {
    super(new Logger('Imports'));
  }

  protected override async failedForGood(job: Job, e: Error): Promise<void> {
    if (job.name !== JobName.RunImport) return super.failedForGood(job, e);
    const { importId, run } = job.data as JobPayloads[JobName.RunImport];
    this.logger.warn(`import ${importId} failed: ${e.message}`);
    await this.runner.fail(importId, run, e.message);
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
