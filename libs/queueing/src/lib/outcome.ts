/**
 * What happens to one customer, defined once for the engine and for every figure (simulate, the
 * searches, replay): when a person gives up, and when a person counts as called within the target.
 * The same definitions as the rollups' (design.md, "Share within target"; contracts' figures.ts):
 * share within target = called within the target ÷ (called + abandoned) — in a simulated or
 * replayed day nobody expires (everyone who arrived is called or gives up), so the denominator is
 * every arrival.
 */

/** Waits are compared with this tolerance (minutes): within target iff wait ≤ target + WAIT_EPS, waiting iff wait > WAIT_EPS. */
export const WAIT_EPS = 1e-9;

/**
 * A person whose window would be free after `offeredWait` minutes gives up iff offeredWait >
 * patience + WAIT_EPS, i.e. leaves at arrival + patience. Called exactly when the patience runs out
 * (within WAIT_EPS): stays and is served.
 */
export function givesUp(offeredWait: number, patience: number): boolean {
  return offeredWait > patience + WAIT_EPS;
}

/**
 * Called within the target: not a leaver (`abandoned` 0) and a wait ≤ target + WAIT_EPS. People
 * who give up are misses even when they left before the target. `targetWait` is the target itself.
 */
export function calledWithin(
  wait: number,
  abandoned: number,
  targetWait: number,
): boolean {
  return abandoned === 0 && wait <= targetWait + WAIT_EPS;
}
