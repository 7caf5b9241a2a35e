import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, JobPayloads, QueueName } from '@onewindow/server-core';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobProcessor } from '../common/job-processor';

/** Keeps monthly ticket partitions ahead of time, so issuing never meets a missing partition. */
@Processor(QueueName.Maintenance)
export class PartitionsProcessor extends JobProcessor {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super(new Logger(PartitionsProcessor.name));
  }

  async process(job: Job): Promise<{ created: number }> {
    if (job.name !== JobName.EnsureTicketPartitions)
      throw new UnrecoverableError(`unknown job ${job.name}`);
    const { monthsAhead } =
      job.data as JobPayloads[JobName.EnsureTicketPartitions];
    const [row]: { created: number }[] = await this.db.query(
      `SELECT ensure_ticket_partitions(date_trunc('month', now())::date, (now() + make_interval(months => $1))::date) AS created`,
      [monthsAhead],
    );
    if (row.created)
      this.logger.log(`created ${row.created} ticket partitions`);
    return { created: row.created };
  }
}
