/** Handling-time fits: moments, a lognormal on the logs, and the empirical samples. */
import { MAX_EMPIRICAL_SAMPLES } from '../limits';
import { meanAndCv } from '../model';

export interface HandlingFit {
  /** Usable handling times (finite, ≥ 0, not no-shows). */
  count: number;
  meanMinutes: number;
  /** Population standard deviation / mean. */
  cv: number;
  /** The observed minutes, sorted (at most MAX_EMPIRICAL_SAMPLES: evenly spaced order statistics beyond). */
  samples: number[];
  /**
   * Lognormal by the method of moments on the logs of the positive times: μ = mean(ln x),
   * σ = sd(ln x) (n − 1); then mean = e^{μ+σ²/2}, cv = √(e^{σ²} − 1). null with fewer than 2
   * positive times.
   */
  lognormal: {
    mu: number;
    sigma: number;
    meanMinutes: number;
    cv: number;
  } | null;
}

/** Handling-time fit of a list of minutes (see HandlingFit). */
export function fitHandling(minutes: readonly number[]): HandlingFit | null {
  const xs = minutes
    .filter((x) => Number.isFinite(x) && x >= 0)
    .sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const { mean, cv } = meanAndCv(xs);
  const logs = xs.filter((x) => x > 0).map(Math.log);
  let lognormal: HandlingFit['lognormal'] = null;
  if (logs.length >= 2) {
    const mu = logs.reduce((a, b) => a + b, 0) / logs.length;
    const v =
      logs.reduce((a, b) => a + (b - mu) * (b - mu), 0) / (logs.length - 1);
    const sigma = Math.sqrt(v);
    lognormal = {
      mu,
      sigma,
      meanMinutes: Math.exp(mu + v / 2),
      cv: Math.sqrt(Math.expm1(v)),
    };
  }
  let samples = xs;
  if (xs.length > MAX_EMPIRICAL_SAMPLES) {
    samples = new Array<number>(MAX_EMPIRICAL_SAMPLES);
    for (let i = 0; i < MAX_EMPIRICAL_SAMPLES; i++) {
      samples[i] =
        xs[Math.floor(((i + 0.5) * xs.length) / MAX_EMPIRICAL_SAMPLES)];
    }
  }
  return { count: xs.length, meanMinutes: mean, cv, samples, lognormal };
}
