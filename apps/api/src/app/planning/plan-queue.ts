import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import {
  AppConfig,
  JobName,
  type JobPayloads,
  planJobId,
  QueueName,
} from '@onewindow/server-core';
import { DurableJobQueue } from '../common/durable-job-queue';

/** Hands plans to the worker (see DurableJobQueue: the plans row is what counts). */
@Injectable()
export class PlanQueue implements OnApplicationShutdown {
  private readonly jobs: DurableJobQueue;

  constructor(config: AppConfig) {
    this.jobs = new DurableJobQueue(config, QueueName.Planning, 'Plans');
  }

  enqueue(planId: string): Promise<boolean> {
    const data: JobPayloads[JobName.RunPlan] = { planId };
    return this.jobs.add(JobName.RunPlan, data, planJobId(planId));
  }

  onApplicationShutdown(): Promise<void> {
    return this.jobs.close();
  }
}
