import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { DEFAULT_JOB_OPTIONS, JobName, JobQueue } from '@onewindow/server-core';
import { Queue } from 'bullmq';
import { MaintenanceProcessor } from './maintenance.processor';

/** How often the worker looks for tickets left waiting after their hall closed. */
export const EXPIRE_EVERY_MS = 60_000;

@Module({
  imports: [BullModule.registerQueue({ name: JobQueue.Maintenance })],
  providers: [MaintenanceProcessor],
})
export class MaintenanceModule implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(JobQueue.Maintenance) private readonly queue: Queue,
  ) {}

  /**
   * One scheduler per job for all replicas (upsert): partitions daily at 01:00 Asia/Shanghai and
   * once at start; closing the tickets left waiting every minute (each hall closes at its own
   * time, in its own time zone).
   */
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
    await this.queue.upsertJobScheduler(
      'expire-waiting-tickets',
      { every: EXPIRE_EVERY_MS },
      {
        name: JobName.ExpireWaitingTickets,
        data: {},
        opts: { ...DEFAULT_JOB_OPTIONS, attempts: 1 },
      },
    );
    await this.queue.add(
      JobName.EnsureTicketPartitions,
      { monthsAhead: 3 },
      { ...DEFAULT_JOB_OPTIONS, jobId: 'ticket-partitions-startup' },
    );
  }
}
