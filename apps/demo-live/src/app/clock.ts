import { DateTime } from 'luxon';

export type LiveMode = 'realtime' | 'fast';

/**
 * A hall's simulated clock: minutes since the hall's local midnight. In `realtime` it is the
 * hall's own wall clock; in `fast` a day runs `speed` times faster from the minute it (re)starts,
 * so a whole hall-day passes in half an hour at any hour of the viewer's day. Times the API
 * records are always real: a fast day is today's date, compressed.
 */
export class SimClock {
  private startMs: number;
  private startMinute: number;

  constructor(
    readonly mode: LiveMode,
    readonly timezone: string,
    /** Simulated minutes per real minute (1 in realtime). */
    readonly speed: number,
    startMinute = 0,
    private readonly nowMs: () => number = Date.now,
  ) {
    if (mode === 'realtime' && speed !== 1)
      throw new Error('a realtime clock runs at speed 1');
    if (!(speed > 0)) throw new Error('speed must be positive');
    this.startMs = nowMs();
    this.startMinute = startMinute;
  }

  /** The simulated minute of the day. */
  minute(): number {
    if (this.mode === 'realtime') {
      const t = DateTime.fromMillis(this.nowMs(), { zone: this.timezone });
      return t.hour * 60 + t.minute + t.second / 60 + t.millisecond / 60_000;
    }
    return (
      this.startMinute + ((this.nowMs() - this.startMs) / 60_000) * this.speed
    );
  }

  /** A fast clock starts a new day at this minute (a realtime clock cannot be set). */
  restart(minute: number): void {
    if (this.mode === 'realtime')
      throw new Error('a realtime clock follows the wall clock');
    this.startMs = this.nowMs();
    this.startMinute = minute;
  }

  /** Real milliseconds that `simMinutes` of the hall's day take. */
  realMs(simMinutes: number): number {
    return Math.max(0, (simMinutes * 60_000) / this.speed);
  }

  /** Real milliseconds until the simulated minute `minute` of the day (0 when it has passed). */
  msUntil(minute: number): number {
    return this.realMs(minute - this.minute());
  }

  /** The hall's local date and ISO weekday now (real: a fast day is today). */
  today(): { date: string; weekday: number } {
    const t = DateTime.fromMillis(this.nowMs(), { zone: this.timezone });
    return { date: t.toISODate() as string, weekday: t.weekday };
  }
}

/** "HH:MM" of a minute of the day. */
export function clockTime(minute: number): string {
  const m = Math.floor(minute);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
