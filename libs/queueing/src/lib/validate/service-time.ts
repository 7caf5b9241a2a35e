/**
 * Checks of a duration distribution: a category's handling time (ServiceSpec) and its patience
 * (PatienceSpec). One check for both; they differ only in the distributions they allow and in
 * their words.
 */
import {
  MAX_EMPIRICAL_SAMPLES,
  MAX_SERVICE_CV,
  MAX_SERVICE_MINUTES,
} from '../limits';
import { isNum, isObj, num } from './fields';

/** What a duration is: the words of its messages and the distributions it may take. */
interface DurationKind {
  /** "handling time": "the cv of an exponential handling time is 1". */
  noun: string;
  /** "handling minutes": "samples must be a non-empty array of handling minutes". */
  samplesNoun: string;
  /** The parametric distributions allowed (besides `empirical`). */
  parametric: readonly string[];
  /** Empirical samples must have a positive mean (a handling time; a patience of 0 means "leaves rather than wait"). */
  positiveMean: boolean;
}

const HANDLING: DurationKind = {
  noun: 'handling time',
  samplesNoun: 'handling minutes',
  parametric: ['exponential', 'lognormal', 'gamma', 'deterministic'],
  positiveMean: true,
};

const PATIENCE: DurationKind = {
  noun: 'patience',
  samplesNoun: 'patience minutes',
  parametric: ['exponential', 'lognormal'],
  positiveMean: false,
};

/**
 * A ServiceSpec: a known distribution; a mean within limits; the cv each distribution requires or
 * forbids; for `empirical`, non-empty samples within limits whose mean agrees with a given meanMinutes.
 */
export function service(errors: string[], path: string, s: unknown): void {
  duration(errors, path, s, HANDLING);
}

/**
 * A PatienceSpec: exponential (meanMinutes; a given cv must be 1), lognormal (meanMinutes and cv)
 * or empirical (samples, and a meanMinutes that agrees with them) — the rules of ServiceSpec, except
 * that empirical samples may all be 0.
 */
export function patience(errors: string[], path: string, s: unknown): void {
  duration(errors, path, s, PATIENCE);
}

function duration(
  errors: string[],
  path: string,
  s: unknown,
  kind: DurationKind,
): void {
  if (!isObj(s)) {
    errors.push(`${path} must be an object {distribution, meanMinutes, cv?}`);
    return;
  }
  const d = s['distribution'];
  const cv = s['cv'];
  if (d === 'empirical') {
    empirical(errors, path, s, kind);
    return;
  }
  if (typeof d !== 'string' || !kind.parametric.includes(d)) {
    errors.push(
      `${path}.distribution must be one of ${[...kind.parametric, 'empirical'].join(', ')}`,
    );
    return;
  }
  num(errors, `${path}.meanMinutes`, s['meanMinutes'], {
    minExclusive: 0,
    max: MAX_SERVICE_MINUTES,
  });
  if (d === 'exponential') {
    if (cv !== undefined && !(isNum(cv) && Math.abs(cv - 1) < 1e-9)) {
      errors.push(`${path}.cv of an exponential ${kind.noun} is 1 (omit it)`);
    }
  } else if (d === 'deterministic') {
    if (cv !== undefined && cv !== 0) {
      errors.push(`${path}.cv of a deterministic ${kind.noun} is 0 (omit it)`);
    }
  } else if (cv === undefined) {
    errors.push(`${path}.cv is required for a ${d} ${kind.noun}`);
  } else {
    num(errors, `${path}.cv`, cv, { min: 0, max: MAX_SERVICE_CV });
  }
}

/** `empirical`: 1…MAX_EMPIRICAL_SAMPLES minutes in 0…MAX_SERVICE_MINUTES; a given meanMinutes within 1 % of theirs. */
function empirical(
  errors: string[],
  path: string,
  s: Record<string, unknown>,
  kind: DurationKind,
): void {
  const samples = s['samples'];
  if (!Array.isArray(samples) || samples.length === 0) {
    errors.push(
      `${path}.samples must be a non-empty array of ${kind.samplesNoun}`,
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
  if (kind.positiveMean && !(mean > 0))
    errors.push(`${path}.samples must have a positive mean`);
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
}
