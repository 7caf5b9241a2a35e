import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import {
  AppConfig,
  importJobId,
  JobName,
  type JobPayloads,
  JobQueue,
} from '@onewindow/server-core';
import { DurableJobs } from '../common/durable-jobs';

/** Hands imports to the worker (see DurableJobs: the imports row is what counts). */
@Injectable()
export class ImportJobs implements OnApplicationShutdown {
  private readonly jobs: DurableJobs;

  constructor(config: AppConfig) {
    this.jobs = new DurableJobs(config, JobQueue.Imports, 'Imports');
  }

  /** True when Redis took the job in time. */
  enqueue(importId: string, run: number): Promise<boolean> {
    const data: JobPayloads[JobName.RunImport] = { importId, run };
    return this.jobs.add(JobName.RunImport, data, importJobId(importId, run));
  }

  onApplicationShutdown(): Promise<void> {
    return this.jobs.close();
  }
}
