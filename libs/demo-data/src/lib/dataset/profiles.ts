import { dayOf, isHallOpen } from '../calendar';
import { SPAN_FROM, SPAN_TO } from '../visitors';

export type DemoProfile = 'full' | 'small';
/** 2020-09-23: the day the report appeared. */
export const DEFAULT_SEED = 20200923;

export interface DemoOptions {
  seed?: number;
  profile?: DemoProfile;
}

/** Which halls get tickets and door counts, and for which days. */
export interface TicketPlan {
  hallKey: string;
  from: string;
  to: string;
}

export const PROFILE_TICKETS: Record<DemoProfile, readonly TicketPlan[]> = {
  full: [
    { hallKey: 'fuyang', from: SPAN_FROM, to: SPAN_TO },
    { hallKey: 'yiwu', from: SPAN_FROM, to: SPAN_TO },
  ],
  small: [{ hallKey: 'fuyang', from: '2020-08-17', to: '2020-08-30' }],
};

/**
 * Which halls get door counts, and for which days: the ticket halls' whole span, in both profiles
 * (two counters, 34 quarter hours a day: a few tens of thousands of rows), so Fuyang's visitors per
 * day (≈5,000 in 2019, ≈2,500 in 2020) can be read from any demo database.
 */
export const PROFILE_FOOTFALL: Record<DemoProfile, readonly TicketPlan[]> = {
  full: PROFILE_TICKETS.full,
  small: [{ hallKey: 'fuyang', from: SPAN_FROM, to: SPAN_TO }],
};

/** The open days of the plans, plan by plan, in date order. */
export function* planDays(
  plans: readonly TicketPlan[],
): Generator<{ plan: TicketPlan; day: number }> {
  for (const plan of plans) {
    for (let d = dayOf(plan.from); d <= dayOf(plan.to); d++)
      if (isHallOpen(d)) yield { plan, day: d };
  }
}

/** First and last date of the plans. */
export function planSpan(plans: readonly TicketPlan[]): {
  from: string;
  to: string;
} {
  const from = plans.map((p) => p.from).sort()[0];
  const to = plans
    .map((p) => p.to)
    .sort()
    .reverse()[0];
  return { from, to };
}
