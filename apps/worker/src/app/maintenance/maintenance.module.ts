import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { DEFAULT_JOB_OPTIONS, JobName, JobQueue } from '@onewindow/server-core';
import { Queue } from 'bullmq';
import { PartitionsProcessor } from './partitions.processor';

@Module({
  imports: [BullModule.registerQueue({ name: JobQueue.Maintenance })],
  providers: [PartitionsProcessor],
})
export class MaintenanceModule implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(JobQueue.Maintenance) private readonly queue: Queue,
  ) {}

  /** One scheduler for all replicas (upsert), daily at 01:00 Asia/Shanghai, and once at start. */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'ticket-partitions-daily',
      { pattern: '0 1 * * *', tz: 'Asia/Shanghai' },
      {
        name: JobName.EnsureTicketPartitions,
        data: { monthsAhead: 3 },
        opts: DEFAULT_JOB_OPTIONS,
      },
    );
    await this.queue.add(
      JobName.EnsureTicketPartitions,
      { monthsAhead: 3 },
      { ...DEFAULT_JOB_OPTIONS, jobId: 'ticket-partitions-startup' },
    );
  }
}
