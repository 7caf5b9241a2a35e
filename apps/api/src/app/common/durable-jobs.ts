import { Logger } from '@nestjs/common';
import {
  type AppConfig,
  bullConnection,
  DEFAULT_JOB_OPTIONS,
  type JobQueue,
} from '@onewindow/server-core';
import { Queue } from 'bullmq';

/** How long a request waits for Redis to take its job before it leaves that to the worker's sweeper. */
const ENQUEUE_TIMEOUT_MS = 1500;

/**
 * Hands work recorded in PostgreSQL (an import, a plan) to the worker through BullMQ. Best effort:
 * the row is committed first, so when Redis does not answer in time the request still succeeds
 * (202, state queued) and the worker's sweeper enqueues the row once Redis is back. Job ids are
 * derived from the row, so the two paths never run one piece of work twice.
 */
export class DurableJobs {
  private readonly logger: Logger;
  private readonly queue: Queue;
  private lastError = '';

  constructor(config: AppConfig, name: JobQueue, what: string) {
    this.logger = new Logger(what);
    this.queue = new Queue(name, {
      connection: bullConnection(config.REDIS_URL),
      prefix: config.REDIS_PREFIX,
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
    // Redis away: said once per kind of error, not once per reconnect
    this.queue.on('error', (e: Error) => {
      if (e.message === this.lastError) return;
      this.lastError = e.message;
      this.logger.warn(`${name} queue: ${e.message}`);
    });
  }

  /** True when Redis took the job in time. */
  async add(jobName: string, data: object, jobId: string): Promise<boolean> {
    // while Redis is away the client holds the command and may send it later: harmless (same id)
    const added = this.queue.add(jobName, data, {
      ...DEFAULT_JOB_OPTIONS,
      jobId,
    });
    added.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        added,
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error('Redis did not take the job in time')),
            ENQUEUE_TIMEOUT_MS,
          );
        }),
      ]);
      return true;
    } catch (e) {
      this.logger.warn(
        `${jobId} left for the worker's sweeper: ${(e as Error).message}`,
      );
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes the connection; with Redis away, gives up waiting for it after a moment. */
  async close(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, 2000);
    });
    await Promise.race([this.queue.close().catch(() => undefined), giveUp]);
    // disconnect() first waits for the connection to be made, which a Redis away since this
    // process started never lets happen
    await Promise.race([
      this.queue.disconnect().catch(() => undefined),
      giveUp,
    ]);
    clearTimeout(timer);
  }
}
