import { erlangC, MAX_ERLANG_SERVERS, type QueueInput } from './erlang';
import { QueueingInputError } from './errors';

/**
 * APPROXIMATIONS for M/G/c (and G/G/c) — not exact results.
 *
 * Allen–Cunneen (A. O. Allen, "Probability, Statistics and Queueing Theory", 2nd ed., 1990, §6.5;
 * also Gross & Harris, "Fundamentals of Queueing Theory", G/G/c approximations):
 *   Wq ≈ Wq(M/M/c) · (ca² + cs²) / 2,
 * ca, cs the coefficients of variation of inter-arrival and service times (ca = 1 for Poisson).
 * P(wait) is kept at Erlang C, and the wait of those who wait is taken exponential with the mean
 * Wq/C (exact for M/M/c), so P(Wq > t) ≈ C·exp(−C·t / Wq).
 * Exact when cs = ca = 1; good to a few per cent for moderate loads and cs ≤ 2; poorer at light load
 * with few servers. The simulation is the verified answer; these are instant first guesses.
 */

export interface MgcInput extends QueueInput {
  /** cs: standard deviation / mean of the service time (1 for exponential, 0 for deterministic). */
  serviceCv: number;
  /** ca, default 1 (Poisson arrivals). */
  arrivalCv?: number;
}

export interface MgcApproximation {
  stable: boolean;
  /** Erlang C (approximation for non-exponential service). */
  probabilityOfWaitingApprox: number;
  meanWaitApprox: number;
  occupancy: number;
}

function check(q: MgcInput): void {
  const e: string[] = [];
  if (!(q.serviceCv >= 0) || !Number.isFinite(q.serviceCv))
    e.push(`serviceCv must be finite and ≥ 0 (got ${q.serviceCv})`);
  if (
    q.arrivalCv !== undefined &&
    (!(q.arrivalCv >= 0) || !Number.isFinite(q.arrivalCv))
  )
    e.push(`arrivalCv must be finite and ≥ 0 (got ${q.arrivalCv})`);
  if (!(q.arrivalRate >= 0) || !Number.isFinite(q.arrivalRate))
    e.push(`arrivalRate must be finite and ≥ 0 (got ${q.arrivalRate})`);
  if (!(q.meanServiceTime > 0) || !Number.isFinite(q.meanServiceTime))
    e.push(`meanServiceTime must be finite and > 0 (got ${q.meanServiceTime})`);
  if (!Number.isInteger(q.servers) || q.servers < 1)
    e.push(`servers must be an integer ≥ 1 (got ${q.servers})`);
  if (e.length) throw new QueueingInputError(e);
}

/** Allen–Cunneen approximation of the M/G/c (G/G/c) waiting figures. */
export function mgcAllenCunneenApprox(q: MgcInput): MgcApproximation {
  check(q);
  const a = q.arrivalRate * q.meanServiceTime;
  const c = q.servers;
  if (a >= c) {
    return {
      stable: false,
      probabilityOfWaitingApprox: 1,
      meanWaitApprox: Infinity,
      occupancy: 1,
    };
  }
  const ca = q.arrivalCv ?? 1;
  const pw = erlangC(c, a);
  const wqMmc = (pw * q.meanServiceTime) / (c - a);
  return {
    stable: true,
    probabilityOfWaitingApprox: pw,
    meanWaitApprox: (wqMmc * (ca * ca + q.serviceCv * q.serviceCv)) / 2,
    occupancy: a / c,
  };
}

/** P(Wq ≤ t) ≈ 1 − C·exp(−C·t / Wq_AC); 0 when unstable. */
export function mgcShareWithinApprox(q: MgcInput, t: number): number {
  const m = mgcAllenCunneenApprox(q);
  if (!m.stable) return 0;
  if (m.meanWaitApprox <= 0) return t >= 0 ? 1 : 0; // cs = ca = 0: nobody waits in the approximation
  const pw = m.probabilityOfWaitingApprox;
  return 1 - pw * Math.exp((-pw * t) / m.meanWaitApprox);
}

/** Fewest servers meeting a share-within target under the Allen–Cunneen approximation. */
export function minServersShareWithinApprox(input: {
  arrivalRate: number;
  meanServiceTime: number;
  serviceCv: number;
  arrivalCv?: number;
  waitTime: number;
  share: number;
}): number {
  if (!(input.share >= 0 && input.share < 1)) {
    throw new QueueingInputError(['share must be in [0, 1)']);
  }
  check({ ...input, servers: 1 });
  const a = input.arrivalRate * input.meanServiceTime;
  const ca = input.arrivalCv ?? 1;
  const factor = (ca * ca + input.serviceCv * input.serviceCv) / 2;
  let b = 1; // Erlang B, walked upward: O(c) in total
  for (let c = 1; c <= MAX_ERLANG_SERVERS; c++) {
    b = (a * b) / (c + a * b);
    if (c <= a) continue;
    const pw = (c * b) / (c - a * (1 - b));
    const wq = ((pw * input.meanServiceTime) / (c - a)) * factor;
    const share = wq <= 0 ? 1 : 1 - pw * Math.exp((-pw * input.waitTime) / wq);
    if (share >= input.share) return c;
  }
  throw new QueueingInputError([
    `the target needs more than ${MAX_ERLANG_SERVERS} servers`,
  ]);
}
