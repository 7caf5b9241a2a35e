import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { JobName, JobPayloads, JobQueue } from '@onewindow/server-core';
import { RollupQueries } from '@onewindow/persistence';
import { Job, UnrecoverableError } from 'bullmq';
import { JobProcessor } from '../common/job-processor';

/** Keeps monthly ticket partitions ahead of time, so issuing never meets a missing partition. */
@Processor(JobQueue.Maintenance)
export class PartitionsProcessor extends JobProcessor {
  constructor(private readonly rollups: RollupQueries) {
    super(new Logger(PartitionsProcessor.name));
  }

  async process(job: Job): Promise<{ created: number }> {
    if (job.name !== JobName.EnsureTicketPartitions)
      throw new UnrecoverableError(`unknown job ${job.name}`);
    const { monthsAhead } =
      job.data as JobPayloads[JobName.EnsureTicketPartitions];
    const created = await this.rollups.ensureTicketPartitionsAhead(monthsAhead);
    if (created) this.logger.log(`created ${created} ticket partitions`);
    return { created };
  }
}
