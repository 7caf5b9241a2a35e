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
