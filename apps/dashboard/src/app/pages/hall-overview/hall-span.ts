import type { TrendGranularity } from '@onewindow/contracts';

/** The demo's years: the default span of the hall and region pages. */
export const DEFAULT_FROM = '2019-01-01';
export const DEFAULT_TO = '2020-12-31';

const DAY_MS = 86_400_000;

export function daysBetween(from: string, to: string): number {
  return (
    Math.round(
      (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) /
        DAY_MS,
    ) + 1
  );
}

/** Day bars up to two months, weeks up to a year, months beyond. */
export function autoGranularity(from: string, to: string): TrendGranularity {
  const days = daysBetween(from, to);
  return days <= 62 ? 'day' : days <= 370 ? 'week' : 'month';
}
