import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import {
  AppConfig,
  JobName,
  type JobPayloads,
  planJobId,
  JobQueue,
} from '@onewindow/server-core';
import { PlanQueries } from '@onewindow/persistence';
import { Queue } from 'bullmq';
import {
  type PendingJob,
  PendingJobsSweeper,
} from '../common/pending-jobs-sweeper';
import { PlanRunner } from './plan-runner.service';

/** Plans queued or running whose job is missing get one (see PendingJobsSweeper). */
@Injectable()
export class PlansSweeper extends PendingJobsSweeper {
  constructor(
    private readonly plans: PlanQueries,
    @InjectQueue(JobQueue.Planning) queue: Queue,
    private readonly runner: PlanRunner,
    config: AppConfig,
  ) {
    super(queue, new Logger('Plans'), 'plans', config.OUTBOX_POLL_MS);
  }

  protected async pending(): Promise<PendingJob[]> {
    const ids = await this.plans.unfinished();
    return ids.map((id) => {
      const data: JobPayloads[JobName.RunPlan] = { planId: id };
      return {
        id,
        jobId: planJobId(id),
        jobName: JobName.RunPlan,
        data,
      };
    });
  }

  protected fail(job: PendingJob, reason: string): Promise<void> {
    return this.runner.fail(job.id, reason);
  }
}
