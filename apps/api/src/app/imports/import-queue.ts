import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import {
  AppConfig,
  importJobId,
  JobName,
  type JobPayloads,
  QueueName,
} from '@onewindow/server-core';
import { DurableJobQueue } from '../common/durable-job-queue';

/** Hands imports to the worker (see DurableJobQueue: the imports row is what counts). */
@Injectable()
export class ImportQueue implements OnApplicationShutdown {
  private readonly jobs: DurableJobQueue;

  constructor(config: AppConfig) {
    this.jobs = new DurableJobQueue(config, QueueName.Imports, 'Imports');
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
