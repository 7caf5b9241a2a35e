import type { HallCoverage, TrendGranularity } from '@onewindow/contracts';

/** The demo's years: the span of the hall and region pages until the hall's own data is known. */
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

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * The span a hall page opens on: the last two years of the hall's data (tickets or other facts),
 * ending on its last day with data; the last 30 days up to `today` for a hall without any.
 */
export function defaultSpan(
  coverage: HallCoverage | null,
  today: string,
): { from: string; to: string } {
  const spans = [coverage?.tickets, coverage?.facts].filter(
    (s): s is { from: string; to: string } => !!s,
  );
  if (spans.length === 0)
    return { from: iso(ms(today) - 29 * DAY_MS), to: today };
  const to = spans.map((s) => s.to).sort()[spans.length - 1];
  const first = spans.map((s) => s.from).sort()[0];
  const end = new Date(ms(to));
  end.setUTCFullYear(end.getUTCFullYear() - 2);
  const twoYears = iso(end.getTime() + DAY_MS);
  return { from: first > twoYears ? first : twoYears, to };
}
