import type { RollupQueries } from '@onewindow/persistence';

/**
 * The rollup jobs of outbox rows: what the worker's drainer adds to BullMQ and what the CLI's
 * `rollup` runs at once.
 */

/** Most days one rollup job re-derives (a job of a hall's month takes a fraction of a second). */
export const MAX_DAYS_PER_JOB = 31;

/** Some days of one hall to roll up together, and the newest outbox row that named one of them. */
export interface HallDays {
  hallId: string;
  dates: string[];
  lastId: string;
}

/**
 * The rollup jobs of a batch of outbox rows (pure): per hall its distinct days in date order, in
 * chunks of at most `maxDays`, each named after the newest row of its days.
 */
export function hallDayJobs(
  rows: { id: string; hall_id: string; date: string }[],
  maxDays = MAX_DAYS_PER_JOB,
): HallDays[] {
  const byHall = new Map<string, Map<string, bigint>>();
  for (const r of rows) {
    const days = byHall.get(r.hall_id) ?? new Map<string, bigint>();
    byHall.set(r.hall_id, days);
    const id = BigInt(r.id);
    const seen = days.get(r.date);
    if (seen === undefined || id > seen) days.set(r.date, id);
  }
  const jobs: HallDays[] = [];
  for (const hallId of [...byHall.keys()].sort()) {
    const days = byHall.get(hallId) as Map<string, bigint>;
    const dates = [...days.keys()].sort();
    for (let i = 0; i < dates.length; i += maxDays) {
      const chunk = dates.slice(i, i + maxDays);
      let last = 0n;
      for (const d of chunk) {
        const id = days.get(d) as bigint;
        if (id > last) last = id;
      }
      jobs.push({ hallId, dates: chunk, lastId: last.toString() });
    }
  }
  return jobs;
}

/** Outbox rows read per round of `rollUpOutbox`. */
const ROLLUP_BATCH = 2000;

/**
 * Every hall-day the outbox holds, rolled up now as the worker's jobs would: per hall up to a
 * month of days per statement (hallDayJobs), each outbox row removed once its days are rolled up.
 * For loading data with no worker running (the CLI's `rollup`, tests). The number of hall-days.
 */
export async function rollUpOutbox(rollups: RollupQueries): Promise<number> {
  let hallDays = 0;
  for (;;) {
    const rows = await rollups.claimOutbox(ROLLUP_BATCH);
    if (rows.length === 0) return hallDays;
    for (const job of hallDayJobs(rows)) {
      await rollups.rollupHallDays(job.hallId, job.dates);
      hallDays += job.dates.length;
    }
    await rollups.deleteOutbox(rows.map((r) => r.id));
  }
}
