import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppConfig,
  JobName,
  type JobPayloads,
  planJobId,
  QueueName,
} from '@onewindow/server-core';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  type PendingJob,
  PendingJobsSweeper,
} from '../common/pending-jobs-sweeper';
import { PlanRunner } from './plan-runner.service';

/** Plans queued or running whose job is missing get one (see PendingJobsSweeper). */
@Injectable()
export class PlansSweeper extends PendingJobsSweeper {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QueueName.Planning) queue: Queue,
    private readonly runner: PlanRunner,
    config: AppConfig,
  ) {
    super(queue, new Logger('Plans'), 'plans', config.OUTBOX_POLL_MS);
  }

  protected async pending(): Promise<PendingJob[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM plans WHERE state IN ('queued', 'running') ORDER BY created_at LIMIT 100`,
    );
    return rows.map((r) => {
      const data: JobPayloads[JobName.RunPlan] = { planId: r.id };
      return {
        id: r.id,
        jobId: planJobId(r.id),
        jobName: JobName.RunPlan,
        data,
      };
    });
  }

  protected fail(job: PendingJob, reason: string): Promise<void> {
    return this.runner.fail(job.id, reason);
  }
}
