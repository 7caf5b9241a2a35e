import type { JobsOptions } from 'bullmq';

/** Every BullMQ queue of OneWindow. */
export enum JobQueue {
  Maintenance = 'maintenance',
  Rollups = 'rollups',
  Imports = 'imports',
  Planning = 'planning',
}

/** Every job name, with its payload type below. */
export enum JobName {
  EnsureTicketPartitions = 'ensure-ticket-partitions',
  /** close the tickets still waiting after their hall's closing time as expired */
  ExpireWaitingTickets = 'expire-waiting-tickets',
  /** re-derive the rollups of some days of one hall from its raw facts */
  RollupHallDays = 'rollup-hall-days',
  /** every night: re-derive yesterday for every hall */
  RollupYesterday = 'rollup-yesterday',
  /** read an uploaded CSV file into facts (resumes after its last committed batch) */
  RunImport = 'run-import',
  /** fit a plan's scenario from the hall's tickets and search the windows of each layout */
  RunPlan = 'run-plan',
}

export interface JobPayloads {
  [JobName.EnsureTicketPartitions]: { monthsAhead: number };
  [JobName.ExpireWaitingTickets]: Record<string, never>;
  [JobName.RollupHallDays]: { hallId: string; dates: string[] };
  [JobName.RollupYesterday]: Record<string, never>;
  [JobName.RunImport]: { importId: string; run: number };
  [JobName.RunPlan]: { planId: string };
}

/**
 * The Redis pub/sub channel that tells every API instance a hall has new live events (the events
 * themselves are in PostgreSQL): the API publishes on it after its changes, the worker after its own.
 */
export function hallEventsChannel(redisPrefix: string): string {
  return `${redisPrefix}:hall-events`;
}

/** The BullMQ id of an import's run: adding it again while it exists is a no-op. */
export function importJobId(importId: string, run: number): string {
  return `import|${importId}|${run}`;
}

/** The BullMQ id of a plan's run: adding it again while it exists is a no-op. */
export function planJobId(planId: string): string {
  return `plan|${planId}`;
}

/** Job options in one place: retries with backoff, bounded history. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** BullMQ connection options from a redis:// URL; BullMQ needs maxRetriesPerRequest: null. */
export function bullConnection(redisUrl: string): {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  tls?: object;
  maxRetriesPerRequest: null;
} {
  const u = new URL(redisUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    db: Number(u.pathname.replace('/', '') || 0),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}
