import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
} from '@nestjs/common';
import { AppConfig } from '@onewindow/server-core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { DomainError } from '../common/domain-error';
import { invalidInput } from './planning-input';
import type {
  PlanningAnswers,
  PlanningOutcome,
  PlanningTask,
} from './planning-tasks';

/** Where the API's build puts the planning worker: beside main.js (webpack entry planning-worker). */
export function defaultPlanningWorkerFile(): string {
  return join(__dirname, 'planning-worker.js');
}

/**
 * The planner's instant answers computed in a pool of worker threads (piscina), never on the
 * request loop: a manager's minimum-windows search of several seconds leaves every kiosk's ticket
 * as fast as before. At most PLANNING_THREADS answers are computed at once and PLANNING_QUEUE more
 * wait; beyond that the request is refused with 429 and a Retry-After from the recent task times.
 * The threads run at a lower CPU priority than the request loop.
 */
@Injectable()
export class PlanningPool implements OnModuleDestroy {
  private readonly logger = new Logger('PlanningPool');
  private readonly pool: Piscina<PlanningTask, PlanningOutcome>;
  private readonly capacity: number;
  private inFlight = 0;
  /** Exponentially weighted mean of recent task durations, in ms (for Retry-After). */
  private meanTaskMs = 1000;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {
    const filename = config.PLANNING_WORKER_FILE || defaultPlanningWorkerFile();
    if (!existsSync(filename))
      throw new Error(
        `PLANNING_WORKER_FILE: the planning worker ${filename} does not exist; build the API (npx nx build api)`,
      );
    this.pool = new Piscina<PlanningTask, PlanningOutcome>({
      filename,
      minThreads: config.PLANNING_THREADS,
      maxThreads: config.PLANNING_THREADS,
      idleTimeout: 60_000,
      // below the request loop's CPU priority (Linux niceness of the threads, via @napi-rs/nice):
      // on a small machine a long search yields the cores to kiosks' tickets first
      niceIncrement: 10,
    });
    this.capacity = config.PLANNING_THREADS + config.PLANNING_QUEUE;
  }

  /** Answers being computed or waiting for a thread. */
  get pending(): number {
    return this.inFlight;
  }

  /**
   * Computes `task` on a planning thread: its answer, the contract's 400 for input the library
   * refuses, or 429 + Retry-After when threads and queue are full (nothing is started then).
   */
  async run<K extends PlanningTask['kind']>(
    task: Extract<PlanningTask, { kind: K }>,
  ): Promise<PlanningAnswers[K]> {
    if (this.inFlight >= this.capacity) {
      throw new DomainError(
        'too_many_requests',
        `The planner is busy (${this.inFlight} answers under way or waiting); retry shortly`,
        undefined,
        this.retryAfterSeconds(),
      );
    }
    this.inFlight++;
    const started = performance.now();
    try {
      const outcome = await this.pool.run(task);
      if (!outcome.ok) throw invalidInput(outcome.inputErrors);
      return outcome.value as PlanningAnswers[K];
    } finally {
      this.inFlight--;
      this.meanTaskMs =
        0.8 * this.meanTaskMs + 0.2 * (performance.now() - started);
    }
  }

  /** Seconds until a place is likely free: the work ahead spread over the threads, 1–60. */
  private retryAfterSeconds(): number {
    const ahead = this.inFlight - this.config.PLANNING_THREADS + 1;
    const ms =
      (Math.max(1, ahead) * this.meanTaskMs) / this.config.PLANNING_THREADS;
    return Math.min(60, Math.max(1, Math.ceil(ms / 1000)));
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.destroy().catch((e: unknown) => {
      this.logger.warn(`closing the planning threads: ${String(e)}`);
    });
  }
}
