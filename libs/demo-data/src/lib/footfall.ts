import { isoOf } from './calendar';
import { hallId } from './ids';
import { Rng, apportion } from './rng';
import { ISSUE_PROFILE, OPEN_SECONDS } from './tickets/arrivals';

export interface FootfallRow {
  hall_id: string;
  sensor_id: string;
  period_start: string;
  period_end: string;
  entries: number;
  exits: number;
  received_at: string;
}

export const SENSORS = ['door-north', 'door-south'] as const;
/** Visitors enter from 08:30 to 17:00: the ticket profile plus the last half hour (self-service, enquiries). */
export const ENTRY_PROFILE = [...ISSUE_PROFILE, 0.3, 0.15];
const PERIOD = 900;

function hhmmss(sec: number): string {
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = sec % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:${s < 10 ? '0' : ''}${s}`;
}

/** Local time of a service date as a timestamptz literal (Asia/Shanghai is UTC+8 all year). */
export function localTs(date: string, sec: number): string {
  return `${date} ${hhmmss(sec)}+08`;
}

/**
 * Two door counters, 15-minute periods over the opening hours; entries of the day sum to the
 * day's visitors exactly; exits follow entries after a stay of 15–45 minutes.
 */
export function footfallDay(
  hallKey: string,
  day: number,
  visitors: number,
  seed: number,
): FootfallRow[] {
  const rng = Rng.derive(seed, 'footfall', hallKey, day);
  const date = isoOf(day);
  const hid = hallId(hallKey);
  const north = 0.58 * rng.noise(0.05);
  const weights: number[] = [];
  for (const sensorShare of [north, 1 - north])
    for (const p of ENTRY_PROFILE)
      weights.push(p * sensorShare * rng.noise(0.12));
  const cells = apportion(visitors, weights);
  const n = ENTRY_PROFILE.length;
  const rows: FootfallRow[] = [];
  SENSORS.forEach((sensor, si) => {
    const entries = cells.slice(si * n, si * n + n);
    const cum: number[] = [];
    let c = 0;
    for (const e of entries) cum.push((c += e));
    const at = (i: number): number => (i < 0 ? 0 : cum[i]);
    let prevExit = 0;
    for (let i = 0; i < n; i++) {
      const x =
        i === n - 1
          ? cum[n - 1]
          : Math.floor(0.35 * at(i - 1) + 0.45 * at(i - 2) + 0.2 * at(i - 3));
      const start = OPEN_SECONDS + i * PERIOD;
      rows.push({
        hall_id: hid,
        sensor_id: sensor,
        period_start: localTs(date, start),
        period_end: localTs(date, start + PERIOD),
        entries: entries[i],
        exits: x - prevExit,
        received_at: localTs(date, start + PERIOD + 20),
      });
      prevExit = x;
    }
  });
  return rows;
}
