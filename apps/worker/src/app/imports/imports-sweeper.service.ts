import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import {
  AppConfig,
  importJobId,
  JobName,
  type JobPayloads,
  JobQueue,
} from '@onewindow/server-core';
import { ImportQueries } from '@onewindow/persistence';
import { Queue } from 'bullmq';
import {
  type PendingJob,
  PendingJobsSweeper,
} from '../common/pending-jobs-sweeper';
import { ImportRunner } from './import-runner.service';

/** Unfinished imports looked at per sweep (oldest first). */
const SWEEP_LIMIT = 100;

/**
 * Imports queued or running whose job is missing get one; those whose job failed for good while
 * the database was away are marked failed (see PendingJobsSweeper).
 */
@Injectable()
export class ImportsSweeper extends PendingJobsSweeper {
  constructor(
    private readonly imports: ImportQueries,
    @InjectQueue(JobQueue.Imports) queue: Queue,
    private readonly runner: ImportRunner,
    config: AppConfig,
  ) {
    super(queue, new Logger('Imports'), 'imports', config.OUTBOX_POLL_MS);
  }

  protected async pending(): Promise<PendingJob[]> {
    const rows = await this.imports.unfinished(SWEEP_LIMIT);
    return rows.map((r) => {
      const data: JobPayloads[JobName.RunImport] = {
        importId: r.id,
        run: r.run,
      };
      return {
        id: r.id,
        jobId: importJobId(r.id, r.run),
        jobName: JobName.RunImport,
        data,
      };
    });
  }

  protected fail(job: PendingJob, reason: string): Promise<void> {
    const { importId, run } = job.data as JobPayloads[JobName.RunImport];
    return this.runner.fail(importId, run, reason);
  }
}
