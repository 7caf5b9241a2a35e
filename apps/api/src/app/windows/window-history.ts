import type { WindowHistoryDay, WindowMode } from '@onewindow/contracts';
import { DateTime } from 'luxon';

/** The change a day brings to the count of windows in one mode. */
export interface ModeDelta {
  date: string;
  mode: WindowMode;
  delta: number;
}

/**
 * Windows per day and mode from the deltas of their lifecycle events (an opening adds one on its
 * date, a retirement removes one on its date, a conversion moves one between modes). Deltas dated
 * before `from` form the starting count. Pure.
 */
export function windowCountsByDay(
  deltas: ModeDelta[],
  from: string,
  to: string,
): WindowHistoryDay[] {
  const count: Record<WindowMode, number> = { department: 0, comprehensive: 0 };
  const byDate = new Map<string, ModeDelta[]>();
  for (const d of deltas) {
    if (d.date < from) count[d.mode] += d.delta;
    else if (d.date <= to)
      byDate.set(d.date, [...(byDate.get(d.date) ?? []), d]);
  }
  const days: WindowHistoryDay[] = [];
  const end = DateTime.fromISO(to, { zone: 'utc' });
  for (
    let day = DateTime.fromISO(from, { zone: 'utc' });
    day <= end;
    day = day.plus({ days: 1 })
  ) {
    const date = day.toISODate() as string;
    for (const d of byDate.get(date) ?? []) count[d.mode] += d.delta;
    days.push({
      date,
      department: count.department,
      comprehensive: count.comprehensive,
      total: count.department + count.comprehensive,
    });
  }
  return days;
}
