/** Checks of a category's handling-time distribution (ServiceSpec). */
import {
  MAX_EMPIRICAL_SAMPLES,
  MAX_SERVICE_CV,
  MAX_SERVICE_MINUTES,
} from '../limits';
import { isNum, isObj, num } from './fields';

/**
 * A ServiceSpec: a known distribution; a mean within limits; the cv each distribution requires or
 * forbids; for `empirical`, non-empty samples within limits whose mean agrees with a given meanMinutes.
 */
export function service(errors: string[], path: string, s: unknown): void {
  if (!isObj(s)) {
    errors.push(`${path} must be an object {distribution, meanMinutes, cv?}`);
    return;
  }
  const d = s['distribution'];
  const cv = s['cv'];
  if (d === 'empirical') {
    const samples = s['samples'];
    if (!Array.isArray(samples) || samples.length === 0) {
      errors.push(
        `${path}.samples must be a non-empty array of handling minutes`,
      );
      return;
    }
    if (samples.length > MAX_EMPIRICAL_SAMPLES) {
      errors.push(
        `${path}.samples must hold at most ${MAX_EMPIRICAL_SAMPLES} values`,
      );
      return;
    }
    let sum = 0;
    let bad = 0;
    for (const x of samples) {
      if (!isNum(x) || x < 0 || x > MAX_SERVICE_MINUTES) bad++;
      else sum += x;
    }
    if (bad) {
      errors.push(
        `${path}.samples must be minutes in 0…${MAX_SERVICE_MINUTES} (${bad} are not)`,
      );
      return;
    }
    const mean = sum / samples.length;
    if (!(mean > 0)) errors.push(`${path}.samples must have a positive mean`);
    const given = s['meanMinutes'];
    if (given !== undefined) {
      if (num(errors, `${path}.meanMinutes`, given, { minExclusive: 0 })) {
        if (Math.abs(given - mean) > 0.01 * mean) {
          errors.push(
            `${path}.meanMinutes (${given}) must agree with the mean of the samples (${mean}) within 1 %`,
          );
        }
      }
    }
    return;
  }
  if (
    d !== 'exponential' &&
    d !== 'lognormal' &&
    d !== 'gamma' &&
    d !== 'deterministic'
  ) {
    errors.push(
      `${path}.distribution must be one of exponential, lognormal, gamma, deterministic, empirical`,
    );
    return;
  }
  num(errors, `${path}.meanMinutes`, s['meanMinutes'], {
    minExclusive: 0,
    max: MAX_SERVICE_MINUTES,
  });
  if (d === 'exponential') {
    if (cv !== undefined && !(isNum(cv) && Math.abs(cv - 1) < 1e-9)) {
      errors.push(`${path}.cv of an exponential handling time is 1 (omit it)`);
    }
  } else if (d === 'deterministic') {
    if (cv !== undefined && cv !== 0) {
      errors.push(`${path}.cv of a deterministic handling time is 0 (omit it)`);
    }
  } else if (cv === undefined) {
    errors.push(`${path}.cv is required for a ${d} handling time`);
  } else {
    num(errors, `${path}.cv`, cv, { min: 0, max: MAX_SERVICE_CV });
  }
}
