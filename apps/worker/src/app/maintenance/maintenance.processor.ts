import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import {
  AppConfig,
  expireWaitingTickets,
  hallEventsChannel,
  JobName,
  JobPayloads,
  JobQueue,
} from '@onewindow/server-core';
import {
  HallEventQueries,
  RollupQueries,
  TicketQueries,
} from '@onewindow/persistence';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { JobProcessor } from '../common/job-processor';

/**
 * The hall's housekeeping: monthly ticket partitions kept ahead of time, so issuing never meets a
 * missing partition; and the tickets still waiting when their hall closed, closed as `expired`
 * (docs/figures.md: they count against the share within target).
 */
@Processor(JobQueue.Maintenance)
export class MaintenanceProcessor extends JobProcessor {
  private readonly channel: string;

  constructor(
    private readonly rollups: RollupQueries,
    private readonly tickets: TicketQueries,
    private readonly events: HallEventQueries,
    private readonly db: DataSource,
    @InjectQueue(JobQueue.Maintenance) private readonly queue: Queue,
    config: AppConfig,
  ) {
    super(new Logger(MaintenanceProcessor.name));
    this.channel = hallEventsChannel(config.REDIS_PREFIX);
  }

  async process(job: Job): Promise<object> {
    switch (job.name) {
      case JobName.EnsureTicketPartitions: {
        const { monthsAhead } =
          job.data as JobPayloads[JobName.EnsureTicketPartitions];
        const created =
          await this.rollups.ensureTicketPartitionsAhead(monthsAhead);
        if (created) this.logger.log(`created ${created} ticket partitions`);
        return { created };
      }
      case JobName.ExpireWaitingTickets:
        return this.expireWaiting();
      default:
        throw new UnrecoverableError(`unknown job ${job.name}`);
    }
  }

  /** The tickets left waiting after their hall closed, closed as expired; the halls told. */
  async expireWaiting(): Promise<{ expired: number; halls: number }> {
    const { expired, hallIds } = await expireWaitingTickets(
      this.db,
      this.tickets,
      this.events,
    );
    if (expired) {
      this.logger.log(
        `closed ${expired} waiting tickets in ${hallIds.length} halls`,
      );
      await this.notify(hallIds);
    }
    return { expired, halls: hallIds.length };
  }

  /** Wakes the API instances' live streams of these halls (best effort: they catch up anyway). */
  private async notify(halls: string[]): Promise<void> {
    try {
      // the queue's own Redis connection (BullMQ types it narrowly; it is an ioredis client)
      const client = (await this.queue.getBackend().client) as unknown as Redis;
      for (const hallId of halls)
        await client.publish(this.channel, JSON.stringify({ hallId }));
    } catch (e) {
      this.logger.warn(
        `could not tell the live streams: ${(e as Error).message}`,
      );
    }
  }
}
