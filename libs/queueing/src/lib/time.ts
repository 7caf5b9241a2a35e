import { QueueingInputError } from './errors';
import type { TimeOfDay } from './types';

const HHMM = /^([01]\d|2[0-4]):([0-5]\d)$/;

/**
 * Minutes since midnight of a TimeOfDay, or NaN when it is not one: a number in 0…1440 or
 * "HH:MM" in 00:00…24:00.
 */
export function toMinutes(t: TimeOfDay | unknown): number {
  if (typeof t === 'number') {
    return Number.isFinite(t) && t >= 0 && t <= 1440 ? t : NaN;
  }
  if (typeof t === 'string') {
    const m = HHMM.exec(t);
    if (!m) return NaN;
    const v = Number(m[1]) * 60 + Number(m[2]);
    return v <= 1440 ? v : NaN;
  }
  return NaN;
}

/** "HH:MM" of whole minutes since midnight (fractions are rounded down). */
export function formatMinutes(minutes: number): string {
  const m = Math.floor(minutes);
  const h = Math.floor(m / 60);
  const mm = m % 60;
  return `${h < 10 ? '0' : ''}${h}:${mm < 10 ? '0' : ''}${mm}`;
}

/**
 * The planning grid: clock hours between opening and closing, the first and last cut at the
 * opening and closing times (08:30–17:00 → 08:30–09:00, 09:00–10:00, …, 16:00–17:00).
 */
export function hourGrid(
  open: string,
  close: string,
): { start: string; end: string }[] {
  const a = toMinutes(open);
  const b = toMinutes(close);
  if (!(a < b))
    throw new QueueingInputError([`opening hours ${open}–${close} are empty`]);
  const out: { start: string; end: string }[] = [];
  let t = a;
  while (t < b) {
    const next = Math.min(b, Math.floor(t / 60) * 60 + 60);
    out.push({ start: formatMinutes(t), end: formatMinutes(next) });
    t = next;
  }
  return out;
}
