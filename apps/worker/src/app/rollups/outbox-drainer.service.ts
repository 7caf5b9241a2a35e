import { InjectQueue } from '@nestjs/bullmq';
import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RollupQueries } from '@onewindow/persistence';
import {
  AppConfig,
  DEFAULT_JOB_OPTIONS,
  JobName,
  type JobPayloads,
  JobQueue,
  hallDayJobs,
} from '@onewindow/server-core';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

/** Outbox rows handed over per transaction. */
const BATCH = 2000;
/** How long a hand-over may wait for Redis before the batch is left for the next look. */
const ENQUEUE_TIMEOUT_MS = 5000;

/**
 * Moves the outbox into rollup jobs. In one PostgreSQL transaction: take a batch of outbox rows
 * (SKIP LOCKED, so several workers share the work), add one job per hall and up to a month of
 * its days to BullMQ, delete the rows. If Redis does not take the jobs, the transaction rolls back and the
 * rows wait for the next look: nothing is lost while Redis is down. If the worker dies after
 * Redis took the jobs but before the commit, the rows are handed over again: the rollup job is
 * idempotent, so a duplicate costs time, not correctness.
 */
@Injectable()
export class OutboxDrainer
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger('Outbox');
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private failing = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rollups: RollupQueries,
    @InjectQueue(JobQueue.Rollups) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.drain(),
      this.config.OUTBOX_POLL_MS,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Hands over everything pending; returns the number of outbox rows handed over. */
  drain(): Promise<number> {
    if (this.running) return this.running;
    this.running = (async () => {
      let total = 0;
      try {
        for (;;) {
          const n = await this.handOverBatch();
          total += n;
          if (n < BATCH) break;
        }
        if (this.failing)
          this.logger.log('rollup jobs are being handed over again');
        this.failing = false;
      } catch (e) {
        if (!this.failing)
          this.logger.warn(`outbox kept for later: ${(e as Error).message}`);
        this.failing = true;
      } finally {
        this.running = undefined;
      }
      return total;
    })();
    return this.running;
  }

  private handOverBatch(): Promise<number> {
    return this.db.transaction(async (m) => {
      const outbox = this.rollups.on(m);
      const rows = await outbox.claimOutbox(BATCH);
      if (!rows.length) return 0;
      const jobs = hallDayJobs(rows).map((d) => {
        const data: JobPayloads[JobName.RollupHallDays] = {
          hallId: d.hallId,
          dates: d.dates,
        };
        return {
          name: JobName.RollupHallDays,
          data,
          opts: {
            ...DEFAULT_JOB_OPTIONS,
            jobId: `rollup|${d.hallId}|${d.dates[0]}|${d.dates.length}|${d.lastId}`,
          },
        };
      });
      let timeout: NodeJS.Timeout | undefined;
      // while Redis is away the client holds the command and may still send it later: a late
      // success adds jobs that are simply run once more, a late failure is of no interest
      const added = this.queue.addBulk(jobs);
      added.catch(() => undefined);
      try {
        await Promise.race([
          added,
          new Promise((_, reject) => {
            timeout = setTimeout(
              () => reject(new Error('Redis did not take the jobs in time')),
              ENQUEUE_TIMEOUT_MS,
            );
          }),
        ]);
      } finally {
        clearTimeout(timeout);
      }
      await outbox.deleteOutbox(rows.map((r) => r.id));
      return rows.length;
    });
  }
}
