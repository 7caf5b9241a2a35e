import {
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DEFAULT_JOB_OPTIONS } from '@onewindow/server-core';
import type { Queue } from 'bullmq';

/** How long one look may wait for Redis before it is left for the next. */
const REDIS_TIMEOUT_MS = 5000;

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  p.catch(() => undefined);
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Redis did not answer (${what}) in time`)),
        REDIS_TIMEOUT_MS,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}

/** One unfinished piece of work as its table knows it, and the job that runs it. */
export interface PendingJob {
  /** the row's id (for logs and `fail`) */
  id: string;
  jobId: string;
  jobName: string;
  data: object;
}

/**
 * The safety net between PostgreSQL and BullMQ for work recorded in a table (imports, plans):
 * every look (at start, then every `intervalMs`) takes the rows that are queued or running and
 * - adds the job of any whose job is missing (the API could not reach Redis, or Redis lost its
 *   data): job ids are derived from the row, so a job that exists is not added twice, however
 *   many workers look;
 * - marks failed any whose job failed for good while the database was away.
 * A worker that dies mid-job needs no help from here: BullMQ runs its stalled job again.
 */
export abstract class PendingJobsSweeper
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private failing = false;

  protected constructor(
    protected readonly queue: Queue,
    private readonly logger: Logger,
    private readonly what: string,
    private readonly intervalMs: number,
  ) {}

  /** The unfinished rows, oldest first (a bounded number). */
  protected abstract pending(): Promise<PendingJob[]>;
  /** Records that the row's job failed for good. */
  protected abstract fail(job: PendingJob, reason: string): Promise<void>;

  onApplicationBootstrap(): void {
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.intervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One look; returns the number of jobs it added. */
  sweep(): Promise<number> {
    if (this.running) return this.running;
    this.running = (async () => {
      let added = 0;
      try {
        for (const p of await this.pending()) {
          const job = await withTimeout(this.queue.getJob(p.jobId), 'getJob');
          if (!job) {
            await withTimeout(
              this.queue.add(p.jobName, p.data, {
                ...DEFAULT_JOB_OPTIONS,
                jobId: p.jobId,
              }),
              'add',
            );
            added++;
          } else if (await withTimeout(job.isFailed(), 'isFailed')) {
            await this.fail(p, job.failedReason || 'failed');
          }
        }
        if (added)
          this.logger.log(`handed ${added} waiting ${this.what} to the queue`);
        if (this.failing)
          this.logger.log(`${this.what} are being handed over again`);
        this.failing = false;
      } catch (e) {
        if (!this.failing)
          this.logger.warn(
            `${this.what} wait for the next look: ${(e as Error).message}`,
          );
        this.failing = true;
      } finally {
        this.running = undefined;
      }
      return added;
    })();
    return this.running;
  }
}
