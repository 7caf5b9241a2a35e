import { erlangB, MAX_ERLANG_SERVERS } from './erlang';
import { QueueingInputError } from './errors';
import { lnGamma, logGammaP } from './special';
import type { ErlangAAnswer, ErlangARequest } from './types';

/**
 * Erlang A (Palm's M/M/c+M): Poisson arrivals λ, c exponential servers of mean 1/μ, and customers
 * who abandon after an exponential patience of mean 1/θ if not yet called.
 *
 * Sources: C. Palm (1946); O. Garnett, A. Mandelbaum, M. Reiman, "Designing a call center with
 * impatient customers", M&SOM 4(3), 2002; A. Mandelbaum, S. Zeltyn, "The Palm/Erlang-A queue, with
 * applications to call centers" (Technion teaching note, 2005). With
 *   x = cμ/θ,  y = λ/θ,  E = ErlangB(c, λ/μ),  ρ = λ/(cμ),
 *   A(x, y) = x·e^y·y^{−x}·γ(x, y) = x·e^y·y^{−x}·Γ(x)·P(x, y)   (P: regularised lower incomplete gamma),
 * the formulas used are
 *   P(W > 0)        = A·E / (1 + (A − 1)·E)
 *   P(Ab | W > 0)   = 1/(ρA) + 1 − 1/ρ,        P(Ab) = P(W > 0)·P(Ab | W > 0)
 *                     (evaluated as the equivalent series Σ_k π(k | W>0)·(k+1)/(x+k+1), which does
 *                     not cancel when patience is long; the closed form is kept for the tests)
 *   E[W]            = P(Ab)/θ                    (W: time spent waiting, abandoners included)
 *   P(W > t)        = P(W > 0)·e^{−θt}·P(x, y·e^{−θt}) / P(x, y)
 *   P(Sr, W ≤ t)    = 1 − P(W>0)·[1 − (1/ρ)·(P(x+1, y) − P(x+1, y·e^{−θt})) / P(x, y)]
 * The last two come from the offered wait V of an arrival that finds k waiting ahead: a sum of
 * exponentials of rates cμ + jθ (j = 0…k), i.e. P(V > t | k) = I_u(x, k+1) with u = e^{−θt}; mixing
 * over the stationary k gives the incomplete-gamma ratio (the Mandelbaum–Zeltyn expression).
 * E[W | served] = E[V·e^{−θV}] / P(served), with E[V·e^{−θV} | k] = x/(θ(x+k+1))·Σ_{j=1}^{k+1} 1/(x+j),
 * summed over the stationary distribution of k (a convergent series, rescaled against overflow).
 * Every formula is checked in the tests against a direct birth–death computation.
 */

export interface ErlangAInput {
  /** λ per time unit. */
  arrivalRate: number;
  /** 1/μ. */
  meanServiceTime: number;
  servers: number;
  /** 1/θ, mean patience before abandoning (same unit). */
  meanPatience: number;
}

export interface ErlangAMetrics {
  offeredLoad: number;
  servers: number;
  probabilityOfWaiting: number;
  probabilityOfAbandonment: number;
  /** E[W] over all arrivals (abandoners counted until they leave). */
  meanWait: number;
  /** E[W | served]. */
  meanWaitServed: number;
  /** Busy share of the servers: λ·(1 − P(Ab))/(cμ), capped at 1 against rounding. */
  occupancy: number;
}

interface Params {
  x: number;
  y: number;
  rho: number;
  theta: number;
  pWait: number;
  logPxy: number;
}

function check(q: ErlangAInput): void {
  const e: string[] = [];
  if (!(q.arrivalRate > 0) || !Number.isFinite(q.arrivalRate))
    e.push(`arrivalRate must be finite and > 0 (got ${q.arrivalRate})`);
  if (!(q.meanServiceTime > 0) || !Number.isFinite(q.meanServiceTime))
    e.push(`meanServiceTime must be finite and > 0 (got ${q.meanServiceTime})`);
  if (!Number.isInteger(q.servers) || q.servers < 1)
    e.push(`servers must be an integer ≥ 1 (got ${q.servers})`);
  if (!(q.meanPatience > 0) || !Number.isFinite(q.meanPatience))
    e.push(`meanPatience must be finite and > 0 (got ${q.meanPatience})`);
  if (e.length) throw new QueueingInputError(e);
}

function params(q: ErlangAInput): Params {
  check(q);
  const theta = 1 / q.meanPatience;
  const mu = 1 / q.meanServiceTime;
  const c = q.servers;
  const x = (c * mu) / theta;
  const y = q.arrivalRate / theta;
  const a = q.arrivalRate * q.meanServiceTime;
  const e = erlangB(c, a);
  const logPxy = logGammaP(x, y);
  // ln A(x, y) = ln x + y − x ln y + ln Γ(x) + ln P(x, y) = y − x ln y + ln Γ(x + 1) + ln P(x, y)
  const lnA = y - x * Math.log(y) + lnGamma(x + 1) + logPxy;
  const invA = Math.exp(-lnA);
  const pWait = e === 0 ? 0 : e / (e + (1 - e) * invA);
  return { x, y, rho: a / c, theta, pWait, logPxy };
}

/** Stationary Erlang-A figures. */
export function erlangA(q: ErlangAInput): ErlangAMetrics {
  const p = params(q);
  const s = waitingSeries(p.x, p.y);
  // P(Ab | W > 0) from the series: the closed form 1 − (1/ρ)(1 − 1/A) cancels badly when patience
  // is long (x large); both agree elsewhere (tested)
  const pAb = p.pWait * s.abandonGivenWait;
  const eVexp = (p.pWait * s.thetaVexpGivenWait) / p.theta; // E[V e^{−θV}]
  const pServed = 1 - pAb;
  return {
    offeredLoad: p.rho * q.servers,
    servers: q.servers,
    probabilityOfWaiting: p.pWait,
    probabilityOfAbandonment: pAb,
    meanWait: pAb / p.theta,
    meanWaitServed: pServed > 0 ? eVexp / pServed : 0,
    // at most 1 (the busy windows never outnumber the windows); the cap only removes rounding
    // when nearly every window is always busy
    occupancy: Math.min(
      1,
      (q.arrivalRate * pServed * q.meanServiceTime) / q.servers,
    ),
  };
}

/** P(Ab | W > 0) by the closed form 1/(ρA) + 1 − 1/ρ, with 1 − 1/A = P(x+1, y)/P(x, y). */
export function erlangAAbandonGivenWaitClosedForm(q: ErlangAInput): number {
  const p = params(q);
  return 1 - Math.exp(logGammaP(p.x + 1, p.y) - p.logPxy) / p.rho;
}

/**
 * Over the stationary number k waiting ahead of an arrival that waits (weights w_0 = 1,
 * w_k = w_{k−1}·y/(x+k), normalised): P(Ab | W > 0) = Σ w_k (k+1)/(x+k+1) / Σ w_k and
 * θ·E[V e^{−θV} | W > 0] = Σ w_k x/(x+k+1)·H_k / Σ w_k, H_k = Σ_{j=1}^{k+1} 1/(x+j).
 * Summed past the peak of w until the terms are negligible, rescaled against overflow.
 */
function waitingSeries(
  x: number,
  y: number,
): { abandonGivenWait: number; thetaVexpGivenWait: number } {
  let w = 1;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let h = 0;
  const peak = y - x;
  for (let k = 0; k < 100_000_000; k++) {
    const d = x + k + 1;
    h += 1 / d;
    s0 += w;
    s1 += (w * (k + 1)) / d;
    s2 += ((w * x) / d) * h;
    if (k > peak && w < s0 * 1e-18) {
      return { abandonGivenWait: s1 / s0, thetaVexpGivenWait: s2 / s0 };
    }
    w *= y / d;
    if (w > 1e250) {
      w *= 1e-250;
      s0 *= 1e-250;
      s1 *= 1e-250;
      s2 *= 1e-250;
    }
  }
  throw new QueueingInputError([
    'Erlang A series did not converge (load too large)',
  ]);
}

/** P(W ≤ t) over all arrivals, W the time spent waiting (abandoners until they leave). */
export function erlangAShareWithin(q: ErlangAInput, t: number): number {
  const p = params(q);
  if (t <= 0) return 1 - p.pWait;
  const u = Math.exp(-p.theta * t);
  const tail = Math.exp(
    Math.log(p.pWait) - p.theta * t + logGammaP(p.x, p.y * u) - p.logPxy,
  );
  return 1 - Math.min(1, tail);
}

/** P(served and W ≤ t): the share of all arrivals called within t. */
export function erlangAShareServedWithin(q: ErlangAInput, t: number): number {
  const p = params(q);
  if (t <= 0) return 1 - p.pWait;
  const u = Math.exp(-p.theta * t);
  const d =
    Math.exp(logGammaP(p.x + 1, p.y) - p.logPxy) -
    Math.exp(logGammaP(p.x + 1, p.y * u) - p.logPxy);
  return 1 - p.pWait * (1 - d / p.rho);
}

/**
 * Fewest servers with P(served and W ≤ waitTime) ≥ share (share < 1): the share of all arrivals
 * called within the wait, those who give up counted as misses. The share grows with the servers
 * (tested), so the search gallops up from 1 (1, 2, 4, …) and bisects: it returns c that meets the
 * share with c − 1 that does not. O(c log c) in all; no stability condition (people who give up
 * keep the queue finite).
 */
export function minServersServedWithinErlangA(
  q: Omit<ErlangAInput, 'servers'> & { waitTime: number; share: number },
): number {
  if (!(q.share >= 0 && q.share < 1) || !(q.waitTime >= 0)) {
    throw new QueueingInputError(['share must be in [0, 1) and waitTime ≥ 0']);
  }
  const input = {
    arrivalRate: q.arrivalRate,
    meanServiceTime: q.meanServiceTime,
    meanPatience: q.meanPatience,
  };
  const meets = (servers: number) =>
    erlangAShareServedWithin({ ...input, servers }, q.waitTime) >= q.share;
  let fails = 0; // no window calls anyone
  let meetsAt = 1;
  while (!meets(meetsAt)) {
    if (meetsAt >= MAX_ERLANG_SERVERS) {
      throw new QueueingInputError([
        `the target needs more than ${MAX_ERLANG_SERVERS} servers`,
      ]);
    }
    fails = meetsAt;
    meetsAt = Math.min(2 * meetsAt, MAX_ERLANG_SERVERS);
  }
  while (meetsAt - fails > 1) {
    const mid = Math.floor((fails + meetsAt) / 2);
    if (meets(mid)) meetsAt = mid;
    else fails = mid;
  }
  return meetsAt;
}

/**
 * `POST /planning/erlang-a`: windows required for the target (called within target.waitMinutes,
 * people who give up counted as misses) and the figures at `windows` when given, else at
 * windowsRequired. Minutes and hours as in the contract: shareWithinTarget = P(served, W ≤ t),
 * abandonedShare = P(Ab), meanWaitMinutes = E[W] over all arrivals, utilisation = carried load ÷
 * windows.
 */
export function erlangAAnswer(req: ErlangARequest): ErlangAAnswer {
  const load = {
    arrivalRate: req.arrivalsPerHour / 60,
    meanServiceTime: req.meanServiceMinutes,
    meanPatience: req.meanPatienceMinutes,
  };
  const windowsRequired = minServersServedWithinErlangA({
    ...load,
    waitTime: req.target.waitMinutes,
    share: req.target.share,
  });
  const q = { ...load, servers: req.windows ?? windowsRequired };
  const m = erlangA(q);
  return {
    windowsRequired,
    probabilityOfWaiting: m.probabilityOfWaiting,
    abandonedShare: m.probabilityOfAbandonment,
    shareWithinTarget: erlangAShareServedWithin(q, req.target.waitMinutes),
    meanWaitMinutes: m.meanWait,
    utilisation: m.occupancy,
  };
}
