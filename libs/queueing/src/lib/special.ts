/**
 * Special functions: log-gamma (Lanczos), the regularised incomplete gamma and beta functions
 * (series / continued fractions as in Press et al., Numerical Recipes, 3rd ed., §6.2 and §6.4) and
 * Student's t quantile. Only what the planner needs, accurate to ~1e-13 in the ranges it uses.
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028,
  771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0. */
export function lnGamma(x: number): number {
  if (x < 0.5) {
    // reflection: Γ(x)Γ(1−x) = π / sin(πx)
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  }
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + LANCZOS_G + 0.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return HALF_LN_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITER = 1_000_000;

/** ln P(a, x), P the regularised lower incomplete gamma function γ(a, x) / Γ(a); a > 0, x ≥ 0. */
export function logGammaP(a: number, x: number): number {
  if (x <= 0) return -Infinity;
  const front = a * Math.log(x) - x - lnGamma(a);
  if (x < a + 1) {
    // series: γ(a,x) = e^{−x} x^a Σ x^n / (a(a+1)…(a+n))
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let n = 0; n < MAX_ITER; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * EPS) break;
    }
    return front + Math.log(sum);
  }
  return Math.log1p(-Math.exp(front + logCfQ(a, x)));
}

/** Q(a, x) = 1 − P(a, x). */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  if (x < a + 1) return -Math.expm1(logGammaP(a, x));
  return Math.exp(a * Math.log(x) - x - lnGamma(a) + logCfQ(a, x));
}

/** P(a, x). */
export function gammaP(a: number, x: number): number {
  return Math.exp(logGammaP(a, x));
}

/** ln of the continued fraction of Γ(a,x) e^{x} x^{−a} (modified Lentz), for x ≥ a + 1. */
function logCfQ(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return Math.log(h);
}

/** I_x(a, b), the regularised incomplete beta function. */
export function betaI(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront =
    lnGamma(a + b) -
    lnGamma(a) -
    lnGamma(b) +
    a * Math.log(x) +
    b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2))
    return (Math.exp(lnFront) * betaCf(x, a, b)) / a;
  return 1 - (Math.exp(lnFront) * betaCf(1 - x, b, a)) / b;
}

function betaCf(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * betaI(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

const tCache = new Map<string, number>();

/** The p-quantile of Student's t (p in (0, 1)), by bisection on the CDF; cached. */
export function studentTQuantile(p: number, df: number): number {
  const key = `${p}|${df}`;
  const hit = tCache.get(key);
  if (hit !== undefined) return hit;
  if (p === 0.5) return 0;
  const upper = p > 0.5;
  const target = upper ? p : 1 - p;
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < target) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-14 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (studentTCdf(mid, df) < target) lo = mid;
    else hi = mid;
  }
  const q = upper ? 0.5 * (lo + hi) : -0.5 * (lo + hi);
  if (tCache.size > 1000) tCache.clear();
  tCache.set(key, q);
  return q;
}
