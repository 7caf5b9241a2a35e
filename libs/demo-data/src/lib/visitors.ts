import {
  dayOf,
  isHallOpen,
  isoOf,
  monthOf,
  springFestivalDistance,
  weekday,
  yearOf,
} from './calendar';
import { HallSpec } from './halls';
import { Rng } from './rng';

/** The span of the demo's daily facts (tickets, footfall, handling records, consultations). */
export const SPAN_FROM = '2019-01-01';
export const SPAN_TO = '2020-12-31';

/** Relative volume by weekday (Sunday … Saturday; weekend values apply to make-up working days). */
export const WEEKDAY_FACTOR = [0.85, 1.17, 1.04, 1.0, 0.97, 0.85, 0.85];

const PRE_FESTIVAL = [0.62, 0.7, 0.78, 0.85, 0.9];
const POST_FESTIVAL = [0.55, 0.65, 0.75, 0.82, 0.88, 0.93];

/** Reopening after the COVID-19 closure of February 2020: share of normal volume by week. */
const COVID_RAMP: [string, number][] = [
  ['2020-02-10', 0.18],
  ['2020-02-17', 0.3],
  ['2020-02-24', 0.45],
  ['2020-03-02', 0.65],
  ['2020-03-09', 0.8],
  ['2020-03-16', 0.9],
  ['2020-03-23', 1],
];

/** Seasonal factor of a day: weekday, Spring Festival and the 2020 reopening. */
export function dayFactor(day: number): number {
  let f = WEEKDAY_FACTOR[weekday(day)];
  const iso = isoOf(day);
  if (iso >= '2020-02-03' && iso < '2020-03-23') {
    let c = 1;
    for (const [d, v] of COVID_RAMP) if (iso >= d) c = v;
    return f * c;
  }
  const sf = springFestivalDistance(day);
  if (sf !== null) {
    if (sf < 0 && -sf <= PRE_FESTIVAL.length) f *= PRE_FESTIVAL[-sf - 1];
    if (sf > 0 && sf <= POST_FESTIVAL.length) f *= POST_FESTIVAL[sf - 1];
  }
  return f;
}

/** Level of a monthly series (24 values, 2019-01 … 2020-12), interpolated between mid-months. */
export function monthlyLevel(levels: readonly number[], day: number): number {
  const y = yearOf(day);
  const m = monthOf(day);
  const idx = (y - 2019) * 12 + (m - 1);
  const mid = dayOf(`${y}-${String(m).padStart(2, '0')}-15`);
  const clamp = (i: number): number =>
    levels[Math.max(0, Math.min(levels.length - 1, i))];
  const here = clamp(idx);
  if (day >= mid) {
    const next = clamp(idx + 1);
    const nextMid =
      m === 12
        ? dayOf(`${y + 1}-01-15`)
        : dayOf(`${y}-${String(m + 1).padStart(2, '0')}-15`);
    return here + ((next - here) * (day - mid)) / (nextMid - mid);
  }
  const prev = clamp(idx - 1);
  const prevMid =
    m === 1
      ? dayOf(`${y - 1}-12-15`)
      : dayOf(`${y}-${String(m - 1).padStart(2, '0')}-15`);
  return prev + ((here - prev) * (day - prevMid)) / (mid - prevMid);
}

/**
 * Daily visitors (door counts) of a hall on each day it is open in the span; scaled so that the
 * means over the calibration spans of the facts come out exactly.
 */
export function dailyVisitors(
  spec: HallSpec,
  seed: number,
): Map<number, number> {
  const out = new Map<number, number>();
  if (!spec.visitorLevels) return out;
  const rng = Rng.derive(seed, 'visitors', spec.key);
  const raw = new Map<number, number>();
  for (let d = dayOf(SPAN_FROM); d <= dayOf(SPAN_TO); d++) {
    const noise = rng.noise(0.06); // drawn for every day, so the stream does not depend on the calendar
    if (!isHallOpen(d)) continue;
    raw.set(d, monthlyLevel(spec.visitorLevels, d) * dayFactor(d) * noise);
  }
  for (const c of spec.visitorCalibration ?? []) {
    const a = dayOf(c.from);
    const b = dayOf(c.to);
    let sum = 0;
    let n = 0;
    for (const [d, v] of raw) {
      if (d >= a && d <= b) {
        sum += v;
        n++;
      }
    }
    const k = (c.mean * n) / sum;
    for (const [d, v] of raw) if (d >= a && d <= b) raw.set(d, v * k);
  }
  for (const [d, v] of raw) out.set(d, Math.round(v));
  return out;
}
