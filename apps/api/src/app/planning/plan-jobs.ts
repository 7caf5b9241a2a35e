import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import {
  AppConfig,
  JobName,
  type JobPayloads,
  planJobId,
  JobQueue,
} from '@onewindow/server-core';
import { DurableJobs } from '../common/durable-jobs';

/** Hands plans to the worker (see DurableJobs: the plans row is what counts). */
@Injectable()
export class PlanJobs implements OnApplicationShutdown {
  private readonly jobs: DurableJobs;

  constructor(config: AppConfig) {
    this.jobs = new DurableJobs(config, JobQueue.Planning, 'Plans');
  }

  enqueue(planId: string): Promise<boolean> {
    const data: JobPayloads[JobName.RunPlan] = { planId };
    return this.jobs.add(JobName.RunPlan, data, planJobId(planId));
  }

  onApplicationShutdown(): Promise<void> {
    return this.jobs.close();
  }
}
