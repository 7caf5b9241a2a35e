import type { FloorCall } from '@onewindow/live-client';

/** Events arriving this long after a reconnect are taken as the replay of what was missed (ms). */
export const REPLAY_MS = 4000;

/**
 * The board's sense of time: the server's clock (a TV's own clock is often wrong) and when a call
 * took place. A first call carries its `calledAt`; a recall does not say when it happened, so it is
 * taken as happening now, or, when it comes in the replay after a break of the stream, at the start
 * of that break (the earliest it can have happened): a board back after a long outage does not read
 * out old recalls.
 */
export class CallClock {
  private offsetMs = 0;
  /** server time the stream was lost; null while it holds */
  private lostAt: number | null = null;
  /** server time the stream (re)opened after `lostAt` */
  private openedAt: number | null = null;

  constructor(
    private readonly localNow: () => number = () => Date.now(),
    private readonly replayMs = REPLAY_MS,
  ) {}

  /** Takes the server's time (e.g. a snapshot's `asOf`) as the board's. */
  sync(serverIso: string): void {
    const server = Date.parse(serverIso);
    if (Number.isFinite(server)) this.offsetMs = server - this.localNow();
  }

  /** Now by the server's clock (ms). */
  now(): number {
    return this.localNow() + this.offsetMs;
  }

  /** The stream broke (again). */
  dropped(): void {
    this.settle();
    if (this.lostAt === null) this.lostAt = this.now();
    this.openedAt = null;
  }

  /** The stream is open again: what comes first is the replay of the break. */
  opened(): void {
    this.openedAt = this.now();
  }

  /** How long the stream has been down (ms); 0 while it holds. */
  downFor(): number {
    this.settle();
    return this.lostAt === null || this.openedAt !== null
      ? 0
      : this.now() - this.lostAt;
  }

  /** When a call received now took place (ms, server time). */
  timeOf(call: FloorCall): number {
    this.settle();
    const calledAt = Date.parse(call.calledAt);
    if (!call.recall && Number.isFinite(calledAt)) return calledAt;
    if (this.lostAt === null) return this.now();
    return Number.isFinite(calledAt)
      ? Math.max(calledAt, this.lostAt)
      : this.lostAt;
  }

  /** The replay after a reconnect is over: later events are live. */
  private settle(): void {
    if (
      this.lostAt !== null &&
      this.openedAt !== null &&
      this.now() - this.openedAt > this.replayMs
    ) {
      this.lostAt = null;
      this.openedAt = null;
    }
  }
}
