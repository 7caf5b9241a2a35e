/**
 * The headline figures, defined once (docs/figures.md). The rollups count the outcomes of a day's
 * tickets; every reader — hall and region pages, trends, the ranking, target actuals — and the
 * planner's simulation divide them the same way.
 *
 * Of the tickets issued:
 * - **called**: called to a window (served, no-show or still at the window);
 * - **abandoned**: cancelled while waiting by the holder (kiosk, ticket page) more than
 *   ABANDON_AFTER_MINUTES after issue: the person gave up. A cancel within that time is a
 *   correction (a wrong item, a second ticket) and counts nowhere; so does a cancel by staff;
 * - **expired**: still waiting when the hall closed (the worker closes them at the hall's closing
 *   time, in its own time zone).
 */

/** A holder's cancel later than this many minutes after issue is an abandonment. */
export const ABANDON_AFTER_MINUTES = 2;

/** Who cancelled a waiting ticket: its holder (kiosk, ticket page) or a member of staff. */
export const CANCELLED_BY = ['holder', 'staff'] as const;
export type CancelledBy = (typeof CANCELLED_BY)[number];

/** The outcome counts of some tickets (a day, an hour, a span, a region). */
export interface ServiceOutcomes {
  called: number;
  /** called within the target wait */
  withinTarget: number;
  abandoned: number;
  expired: number;
}

/** called + abandoned + expired: everyone who queued and did not correct a mistake. */
export function queuedPeople(o: ServiceOutcomes): number {
  return o.called + o.abandoned + o.expired;
}

/** Share within target = called within the target ÷ (called + abandoned + expired); null when nobody queued. */
export function shareWithinTarget(o: ServiceOutcomes): number | null {
  const n = queuedPeople(o);
  return n > 0 ? o.withinTarget / n : null;
}

/** Abandoned share = (abandoned + expired) ÷ (called + abandoned + expired); null when nobody queued. */
export function abandonedShare(o: ServiceOutcomes): number | null {
  const n = queuedPeople(o);
  return n > 0 ? (o.abandoned + o.expired) / n : null;
}
