import { studentTQuantile } from './special';
import type { Figure } from './types';

/**
 * Linear-interpolation quantile of a sorted sample (Hyndman & Fan type 7, the default of R and
 * NumPy): position (n − 1)·q.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = lo + 1 < n ? lo + 1 : lo;
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * Quantile q of a sample made of `zeros` zeros and the sorted positive values `sortedPositive`
 * (waits are mostly 0: only the positive ones need sorting).
 */
export function quantileWithZeros(
  zeros: number,
  sortedPositive: ArrayLike<number>,
  q: number,
): number {
  const n = zeros + sortedPositive.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = lo + 1 < n ? lo + 1 : lo;
  const vlo = lo < zeros ? 0 : sortedPositive[lo - zeros];
  const vhi = hi < zeros ? 0 : sortedPositive[hi - zeros];
  return vlo + (vhi - vlo) * (pos - lo);
}

/**
 * Mean and 95 % confidence interval (Student t with n − 1 degrees of freedom) of the values at
 * `values[offset + i·stride]`, i < count, skipping NaN (a replication without the customers the
 * figure is about). With fewer than two values the interval is [mean, mean]; with none, `empty`.
 * The interval is clipped to [lowest, highest], the range the figure can take (a wait is never
 * negative, a share never above 1).
 */
export function figureOf(
  values: Float64Array,
  offset: number,
  stride: number,
  count: number,
  empty: number,
  lowest = -Infinity,
  highest = Infinity,
): Figure {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const v = values[offset + i * stride];
    if (v === v) {
      n++;
      sum += v;
    }
  }
  if (n === 0) return { mean: empty, ci95: [empty, empty] };
  const mean = sum / n;
  if (n < 2) return { mean, ci95: [mean, mean] };
  let ss = 0;
  for (let i = 0; i < count; i++) {
    const v = values[offset + i * stride];
    if (v === v) ss += (v - mean) * (v - mean);
  }
  const half = studentTQuantile(0.975, n - 1) * Math.sqrt(ss / (n - 1) / n);
  const lo = mean - half;
  const hi = mean + half;
  return {
    mean,
    ci95: [lo < lowest ? lowest : lo, hi > highest ? highest : hi],
  };
}
