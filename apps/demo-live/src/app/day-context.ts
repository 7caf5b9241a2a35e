import type { HallDemand, HallView, WindowView } from '@onewindow/contracts';
import type { Rng } from '@onewindow/queueing';
import type { Logger } from 'pino';
import type { Api } from './api';
import type { SimClock } from './clock';
import type { Stopper } from './stopper';

export interface DayTokens {
  /** A person who may operate the hall's windows (its clerk, else its manager or an admin). */
  clerk: string;
  kiosk: string;
  sensor: string;
  /** The rating pad of a window (created when first needed). */
  rater: (window: WindowView) => Promise<string>;
}

/** What a hall-day did, logged and printed as its summary line. */
export interface DaySummary {
  hall: string;
  date: string;
  from: string;
  to: string;
  windows: number;
  expected: number;
  issued: number;
  called: number;
  served: number;
  noShows: number;
  gaveUp: number;
  ratings: number;
  /** A clerk's action answered 409 (someone else acted first): re-read and went on. */
  conflicts: number;
}

/** What the parts of a hall-day (kiosk, holders, clerks, door counter) share. */
export interface DayContext {
  readonly api: Api;
  readonly hall: HallView;
  readonly demand: HallDemand;
  readonly tokens: DayTokens;
  readonly clock: SimClock;
  readonly rng: Rng;
  readonly stopper: Stopper;
  readonly log: Logger;
  /** The day's counts: each part counts what it did. */
  readonly summary: DaySummary;
  /** Set after the last arrival: the clerks serve out the queue, the door counter stops. */
  arrivalsDone: boolean;
}

/** Waits `minutes` of the hall's simulated day (less when stopped). */
export function sleepSim(ctx: DayContext, minutes: number): Promise<void> {
  return ctx.stopper.sleep(ctx.clock.realMs(minutes));
}
