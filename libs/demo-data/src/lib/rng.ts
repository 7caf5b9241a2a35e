// pure-rand 8 publishes subpath exports only, which moduleResolution node10 cannot read: its types come from here
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./pure-rand.d.ts" />
import { createHash } from 'node:crypto';
import {
  xoroshiro128plusFromState,
  type PureRandGenerator,
} from 'pure-rand/generator/xoroshiro128plus';

const TWO_POW_32 = 4294967296;
const HEX: string[] = Array.from({ length: 256 }, (_, i) =>
  i.toString(16).padStart(2, '0'),
);

/**
 * A seeded random stream (pure-rand's xoroshiro128+). Every part of the demo data set draws from
 * its own stream derived from (seed, table, hall, date, …), so a day can be regenerated on its
 * own and the output does not depend on the order the tables are produced in.
 */
export class Rng {
  private readonly gen: PureRandGenerator;
  private spare: number | null = null;

  constructor(state: readonly number[]) {
    this.gen = xoroshiro128plusFromState(state);
  }

  /** A stream for the given path of names under a seed (SHA-256 of the path gives the state). */
  static derive(seed: number, ...path: (string | number)[]): Rng {
    const h = createHash('sha256')
      .update(`${seed}\u0000${path.join('\u0000')}`)
      .digest();
    const state = [
      h.readInt32LE(0),
      h.readInt32LE(4),
      h.readInt32LE(8),
      h.readInt32LE(12),
    ];
    if (!state.some((s) => s !== 0)) state[0] = 1;
    return new Rng(state);
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  float(): number {
    return (this.gen.next() >>> 0) / TWO_POW_32;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi] (both included). */
  intBetween(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  range(lo: number, hi: number): number {
    return lo + this.float() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  /** Standard normal (Box–Muller, the second value kept for the next call). */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    let u = this.float();
    while (u <= 1e-12) u = this.float();
    const v = this.float();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given mean and coefficient of variation. */
  lognormal(mean: number, cv: number): number {
    const s2 = Math.log(1 + cv * cv);
    return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * this.normal());
  }

  /** Multiplicative noise around 1 (log-normal, mean 1). */
  noise(cv: number): number {
    return this.lognormal(1, cv);
  }

  /** Index drawn from cumulative weights (last element = total). */
  pick(cumulative: Float64Array | number[]): number {
    const n = cumulative.length;
    const x = this.float() * cumulative[n - 1];
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** One element of an array, uniformly. */
  one<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** A random (version 4 layout) UUID drawn from this stream: deterministic under the seed. */
  uuid(): string {
    const a = this.gen.next() >>> 0;
    const b = this.gen.next() >>> 0;
    const c = this.gen.next() >>> 0;
    const d = this.gen.next() >>> 0;
    return (
      HEX[a >>> 24] +
      HEX[(a >>> 16) & 255] +
      HEX[(a >>> 8) & 255] +
      HEX[a & 255] +
      '-' +
      HEX[b >>> 24] +
      HEX[(b >>> 16) & 255] +
      '-' +
      HEX[0x40 | ((b >>> 8) & 15)] +
      HEX[b & 255] +
      '-' +
      HEX[0x80 | ((c >>> 24) & 63)] +
      HEX[(c >>> 16) & 255] +
      '-' +
      HEX[(c >>> 8) & 255] +
      HEX[c & 255] +
      HEX[d >>> 24] +
      HEX[(d >>> 16) & 255] +
      HEX[(d >>> 8) & 255] +
      HEX[d & 255]
    );
  }
}

/** Cumulative sums of weights, for Rng.pick. */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) {
    s += weights[i];
    out[i] = s;
  }
  return out;
}

/**
 * Splits an integer total into integer parts proportional to the weights by rounding the running
 * sum, so the parts always sum to the total exactly and each part is within 1 of its exact share.
 */
export function apportion(total: number, weights: ArrayLike<number>): number[] {
  const n = weights.length;
  const out = new Array<number>(n).fill(0);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i];
  if (total <= 0 || sum <= 0) return out;
  let acc = 0;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    acc += weights[i];
    const upto = i === n - 1 ? total : Math.round((total * acc) / sum);
    out[i] = upto - prev;
    prev = upto;
  }
  return out;
}
