import {
  abandonedShare,
  shareWithinTarget,
  type WindowHistoryDay,
} from '@onewindow/contracts';
import type { FigureQueries } from '@onewindow/persistence';
import { DateTime } from 'luxon';
import { DomainError } from '../common/domain-error';

/** Rounds to `digits` decimals; null stays null. */
export function round(v: number | null, digits = 2): number | null {
  if (v === null || !Number.isFinite(v)) return null;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Counts of ticket outcomes as the rollup reads return them. */
export interface OutcomeCounts {
  called: number;
  within: number;
  abandoned: number;
  expired: number;
}

/**
 * The share within target and the abandoned share of some tickets (docs/figures.md, defined once
 * in libs/contracts), rounded to 4 decimals; null when nobody queued.
 */
export function outcomeShares(r: OutcomeCounts): {
  withinTargetShare: number | null;
  abandonedShare: number | null;
} {
  const o = {
    called: r.called,
    withinTarget: r.within,
    abandoned: r.abandoned,
    expired: r.expired,
  };
  return {
    withinTargetShare: round(shareWithinTarget(o), 4),
    abandonedShare: round(abandonedShare(o), 4),
  };
}

/** a / b, or null when there is nothing to divide by. */
export function share(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}

/** The first day of the period (ISO week from Monday) that holds `date`. */
export function periodStart(
  date: string,
  granularity: 'day' | 'week' | 'month',
): string {
  const d = DateTime.fromISO(date, { zone: 'utc' });
  return (
    granularity === 'day' ? d : d.startOf(granularity)
  ).toISODate() as string;
}

/**
 * The periods of a span: each with its first day (which may lie before `from` for a week or a
 * month already under way) and its last day within the span.
 */
export function periodsOf(
  from: string,
  to: string,
  granularity: 'day' | 'week' | 'month',
): { period: string; last: string }[] {
  const out: { period: string; last: string }[] = [];
  let day = DateTime.fromISO(from, { zone: 'utc' });
  const end = DateTime.fromISO(to, { zone: 'utc' });
  while (day <= end) {
    const start = granularity === 'day' ? day : day.startOf(granularity);
    const next =
      granularity === 'day'
        ? day.plus({ days: 1 })
        : start.plus({ [`${granularity}s`]: 1 });
    const last = next.minus({ days: 1 }) < end ? next.minus({ days: 1 }) : end;
    out.push({
      period: start.toISODate() as string,
      last: last.toISODate() as string,
    });
    day = next;
  }
  return out;
}

/** Window counts at the end of each period (the layout a period ends with). */
export function windowsAtPeriodEnds(
  days: WindowHistoryDay[],
  periods: { period: string; last: string }[],
): Map<string, { total: number; comprehensive: number }> {
  const byDate = new Map(days.map((d) => [d.date, d]));
  return new Map(
    periods.map((p) => {
      const d = byDate.get(p.last);
      return [
        p.period,
        { total: d?.total ?? 0, comprehensive: d?.comprehensive ?? 0 },
      ];
    }),
  );
}

/** A hall's target wait in minutes; 404 for an unknown hall. */
export async function hallTargetMinutes(
  figures: FigureQueries,
  hallId: string,
): Promise<number> {
  const target = await figures.hallTargetWait(hallId);
  if (target === undefined) throw DomainError.notFound('Hall');
  return target;
}
