/**
 * Patience from a hall's history, where it is censored: a person who gave up waited exactly their
 * patience (an event); a person who was called waited less than their patience, which is therefore
 * only known to be longer than the wait (right-censored).
 */
import { assertValid } from '../errors';
import { isObj, num } from '../validate/fields';

/** One person's wait: until they were called (`gaveUp` false) or until they gave up (true). */
export interface PatienceObservation {
  waitMinutes: number;
  gaveUp: boolean;
}

export interface PatienceFit {
  /** People observed (called and gave up). */
  observations: number;
  /** People who gave up: the events. */
  events: number;
  /**
   * Exponential patience by maximum likelihood with censoring: mean = total observed waiting time
   * (everyone's wait) ÷ events. null when nobody gave up (the mean is then only known to be long).
   */
  exponential: { meanMinutes: number } | null;
  /**
   * Kaplan–Meier product-limit estimate of P(patience > t): at each distinct time t_i someone gave
   * up, survival(t_i) = Π_{t_j ≤ t_i} (1 − d_j / n_j), with d_j who gave up at t_j and n_j at risk
   * (waited ≥ t_j: people called at t_j count as at risk then — events before censorings).
   */
  kaplanMeier: { minutes: number[]; survival: number[] };
  /** The first event time with survival ≤ 0.5 (1e−12 slack for rounding); null if it never gets there. */
  medianMinutes: number | null;
}

export interface PatienceFitOptions {
  /**
   * Giving up within this many minutes of issue is not seen (a hall counts a cancel that early
   * as a correction: ABANDON_AFTER_MINUTES), so the first minutes of every wait expose nobody to
   * an observed event: the exponential rate is fitted on the time after them (by memorylessness,
   * the same rate), and the Kaplan–Meier curve is P(patience > t | patience > this). Default 0.
   */
  unseenBeforeMinutes?: number;
}

/**
 * Fits patience to censored waits (see PatienceFit): the Kaplan–Meier curve, its median and the
 * exponential maximum-likelihood mean. null without observations. Throws QueueingInputError when a
 * wait is not a finite number ≥ 0 or gaveUp is not a boolean (messages stop after 20).
 */
export function fitPatience(
  observations: readonly PatienceObservation[],
  options: PatienceFitOptions = {},
): PatienceFit | null {
  check(observations);
  const tau = options.unseenBeforeMinutes ?? 0;
  if (!(Number.isFinite(tau) && tau >= 0))
    assertValid([
      `unseenBeforeMinutes must be a finite number ≥ 0 (got ${tau})`,
    ]);
  for (const o of observations)
    if (o.gaveUp && o.waitMinutes <= tau)
      assertValid([
        `an observation gave up after ${o.waitMinutes} minutes, within the ${tau} minutes where giving up is not seen`,
      ]);
  const n = observations.length;
  if (n === 0) return null;
  // by wait; at the same wait, events before censorings
  const sorted = [...observations].sort(
    (a, b) =>
      a.waitMinutes - b.waitMinutes || Number(b.gaveUp) - Number(a.gaveUp),
  );
  let total = 0;
  let events = 0;
  for (const o of observations) {
    // only the time after tau exposes a person to being seen giving up (memoryless: same rate)
    total += Math.max(0, o.waitMinutes - tau);
    if (o.gaveUp) events++;
  }
  const minutes: number[] = [];
  const survival: number[] = [];
  let s = 1;
  let median: number | null = null;
  for (let i = 0; i < n; ) {
    const t = sorted[i].waitMinutes;
    const atRisk = n - i;
    let d = 0;
    let j = i;
    while (j < n && sorted[j].waitMinutes === t) {
      if (sorted[j].gaveUp) d++;
      j++;
    }
    if (d > 0) {
      s *= 1 - d / atRisk;
      minutes.push(t);
      survival.push(s);
      if (median === null && s <= 0.5 + 1e-12) median = t;
    }
    i = j;
  }
  return {
    observations: n,
    events,
    exponential: events > 0 ? { meanMinutes: total / events } : null,
    kaplanMeier: { minutes, survival },
    medianMinutes: median,
  };
}

function check(observations: readonly PatienceObservation[]): void {
  if (!Array.isArray(observations))
    assertValid(['observations must be an array of {waitMinutes, gaveUp}']);
  const errors: string[] = [];
  for (let i = 0; i < observations.length && errors.length < 20; i++) {
    const o: unknown = observations[i];
    if (!isObj(o)) {
      errors.push(`observations[${i}] must be an object {waitMinutes, gaveUp}`);
      continue;
    }
    num(errors, `observations[${i}].waitMinutes`, o['waitMinutes'], { min: 0 });
    if (typeof o['gaveUp'] !== 'boolean')
      errors.push(`observations[${i}].gaveUp must be true or false`);
  }
  assertValid(errors);
}
