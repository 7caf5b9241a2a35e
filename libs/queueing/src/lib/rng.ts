/**
 * Seeded random numbers for the simulation: xoshiro128** (D. Blackman, S. Vigna, "Scrambled linear
 * pseudorandom number generators", 2018) on 32-bit integers, seeded by splitmix32 from (seed, stream).
 * Every replication uses its own stream, so replication r of seed s is the same day whatever else
 * runs. Deterministic on every JavaScript engine (integer arithmetic only, imul).
 */

const TWO_POW_M32 = 2 ** -32;
// Math functions bound once: a module binding is a plain closure slot, while `Math.…` is a global
// lookup on every call (costly where the global object is a proxy, e.g. Node vm contexts / Jest)
const { imul, log, sqrt, pow } = Math;

function mix32(z: number): number {
  z = imul(z ^ (z >>> 16), 0x85ebca6b);
  z = imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

export class Rng {
  private readonly s = new Int32Array(4);
  private spare = 0;
  private hasSpare = false;

  /** `seed`: any safe integer; `stream`: e.g. the replication number. */
  constructor(seed: number, stream = 0) {
    const lo = seed | 0;
    const hi = Math.floor(seed / 4294967296) | 0;
    let h = mix32(lo ^ 0x2545f491);
    h = mix32(h ^ hi ^ 0x6a09e667);
    h = mix32(h ^ imul(stream | 0, 0x9e3779b9) ^ 0x3c6ef372);
    // splitmix32 fills the state
    let x = h;
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) | 0;
      this.s[i] = mix32(x);
    }
    if ((this.s[0] | this.s[1] | this.s[2] | this.s[3]) === 0) this.s[0] = 1;
  }

  /** Next 32 random bits as a signed int32. */
  nextInt32(): number {
    const s = this.s;
    const s0 = s[0];
    const s1 = s[1];
    const s2 = s[2];
    const s3 = s[3];
    const m = imul(s1, 5);
    const result = imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    s[1] = s1 ^ n2;
    s[0] = s0 ^ n3;
    s[2] = n2 ^ t;
    s[3] = (n3 << 11) | (n3 >>> 21);
    return result;
  }

  /** Uniform in the open interval (0, 1), resolution 2^−32. */
  uniform(): number {
    return (this.nextInt32() >>> 0) * TWO_POW_M32 + TWO_POW_M32 / 2;
  }

  /** Exponential with mean 1. */
  exponential(): number {
    return -log(this.uniform());
  }

  /** Standard normal (Marsaglia's polar method, second value kept). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let r: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      r = u * u + v * v;
    } while (r >= 1 || r === 0);
    const f = sqrt((-2 * log(r)) / r);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }

  /**
   * Gamma with shape k > 0 and scale 1 (G. Marsaglia, W. Tsang, "A simple method for generating gamma
   * variables", ACM TOMS 26(3), 2000; k < 1 by Gamma(k+1)·U^{1/k}).
   */
  gamma(k: number): number {
    if (k < 1) return this.gamma(k + 1) * pow(this.uniform(), 1 / k);
    const d = k - 1 / 3;
    const c = 1 / sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (log(u) < 0.5 * x2 + d * (1 - v + log(v))) return d * v;
    }
  }
}
