import { QueueingInputError } from './errors';
import type { ErlangCAnswer, ErlangCRequest } from './types';

/**
 * Erlang B and C (M/M/c). Sources: A. K. Erlang (1917); the recursion as in e.g. Cooper,
 * "Introduction to Queueing Theory" (2nd ed., 1981), §3.4 and §5.2; Gross & Harris, "Fundamentals of
 * Queueing Theory", §2.3.
 *
 * B(0) = 1, B(c) = a·B(c−1) / (c + a·B(c−1))  — every term lies in [0, 1], so it neither overflows
 * nor loses precision, unlike a^c / c!.
 * C(c) = c·B / (c − a·(1 − B))  for a < c (the probability of waiting), and 1 for a ≥ c.
 *
 * Any consistent time unit: `arrivalRate` per unit, `meanServiceTime` in units, waits in units.
 */

/** Largest server count the searches will try before giving up. */
export const MAX_ERLANG_SERVERS = 1_000_000;

function checkServers(servers: number): void {
  if (!Number.isInteger(servers) || servers < 0) {
    throw new QueueingInputError([
      `servers must be a non-negative integer (got ${servers})`,
    ]);
  }
}
function checkLoad(a: number): void {
  if (!(a >= 0) || !Number.isFinite(a)) {
    throw new QueueingInputError([
      `offered load must be finite and ≥ 0 (got ${a})`,
    ]);
  }
}

/** Erlang B: blocking probability of c servers offered `offeredLoad` erlangs (M/M/c/c). */
export function erlangB(servers: number, offeredLoad: number): number {
  checkServers(servers);
  checkLoad(offeredLoad);
  let b = 1;
  for (let c = 1; c <= servers; c++)
    b = (offeredLoad * b) / (c + offeredLoad * b);
  return b;
}

/** C from B for the same c and a. */
function cFromB(c: number, a: number, b: number): number {
  if (a >= c) return 1;
  return (c * b) / (c - a * (1 - b));
}

/** Erlang C: probability that an arrival waits (M/M/c); 1 when offeredLoad ≥ servers. */
export function erlangC(servers: number, offeredLoad: number): number {
  if (servers === 0) return 1;
  return cFromB(servers, offeredLoad, erlangB(servers, offeredLoad));
}

export interface QueueInput {
  /** λ, customers per time unit. */
  arrivalRate: number;
  /** 1/μ, in time units. */
  meanServiceTime: number;
  servers: number;
}

export interface MMcMetrics {
  /** a = λ / μ, erlangs. */
  offeredLoad: number;
  servers: number;
  /** a < c: a steady state exists. When false the waits below are Infinity and P(wait) is 1. */
  stable: boolean;
  probabilityOfWaiting: number;
  /** E[Wq] = C / (cμ − λ). */
  meanWait: number;
  /** E[Lq] = λ · E[Wq]. */
  meanQueueLength: number;
  /** Server occupancy a / c (1 when unstable). */
  occupancy: number;
}

function checkQueue(q: QueueInput): void {
  const errors: string[] = [];
  if (!(q.arrivalRate >= 0) || !Number.isFinite(q.arrivalRate))
    errors.push(`arrivalRate must be finite and ≥ 0 (got ${q.arrivalRate})`);
  if (!(q.meanServiceTime > 0) || !Number.isFinite(q.meanServiceTime))
    errors.push(
      `meanServiceTime must be finite and > 0 (got ${q.meanServiceTime})`,
    );
  if (!Number.isInteger(q.servers) || q.servers < 1)
    errors.push(`servers must be an integer ≥ 1 (got ${q.servers})`);
  if (errors.length) throw new QueueingInputError(errors);
}

/** Steady-state M/M/c figures. */
export function mmc(q: QueueInput): MMcMetrics {
  checkQueue(q);
  const a = q.arrivalRate * q.meanServiceTime;
  const c = q.servers;
  if (a >= c) {
    return {
      offeredLoad: a,
      servers: c,
      stable: false,
      probabilityOfWaiting: 1,
      meanWait: Infinity,
      meanQueueLength: Infinity,
      occupancy: 1,
    };
  }
  const pw = erlangC(c, a);
  const meanWait = (pw * q.meanServiceTime) / (c - a);
  return {
    offeredLoad: a,
    servers: c,
    stable: true,
    probabilityOfWaiting: pw,
    meanWait,
    meanQueueLength: q.arrivalRate * meanWait,
    occupancy: a / c,
  };
}

/** P(Wq ≤ t) = 1 − C·e^{−(cμ − λ)t}; 0 when unstable. */
export function mmcShareWithin(q: QueueInput, t: number): number {
  checkQueue(q);
  const a = q.arrivalRate * q.meanServiceTime;
  const c = q.servers;
  if (a >= c) return 0;
  return shareWithinFromC(erlangC(c, a), c, a, q.meanServiceTime, t);
}

function shareWithinFromC(
  pw: number,
  c: number,
  a: number,
  s: number,
  t: number,
): number {
  return 1 - pw * Math.exp((-(c - a) * t) / s);
}

/** The q-quantile of the wait Wq (0 while q ≤ 1 − C); Infinity when unstable. */
export function mmcWaitQuantile(q: QueueInput, quantile: number): number {
  checkQueue(q);
  if (!(quantile >= 0 && quantile < 1)) {
    throw new QueueingInputError([
      `quantile must be in [0, 1) (got ${quantile})`,
    ]);
  }
  const a = q.arrivalRate * q.meanServiceTime;
  const c = q.servers;
  if (a >= c) return Infinity;
  const pw = erlangC(c, a);
  if (quantile <= 1 - pw) return 0;
  return (Math.log(pw / (1 - quantile)) * q.meanServiceTime) / (c - a);
}

/** Occupancy a / c, capped at 1. */
export function mmcOccupancy(q: QueueInput): number {
  checkQueue(q);
  return Math.min(1, (q.arrivalRate * q.meanServiceTime) / q.servers);
}

export interface LoadInput {
  arrivalRate: number;
  meanServiceTime: number;
}

/**
 * Smallest c ≥ max(1, minServers) for which `meets(c, a, C(c))` holds among stable c (a < c),
 * walking B(c) upward one step at a time (O(c) in total, no overflow).
 */
function smallestServers(
  load: LoadInput,
  meets: (c: number, a: number, pw: number) => boolean,
): number {
  checkQueue({ ...load, servers: 1 });
  const a = load.arrivalRate * load.meanServiceTime;
  if (a >= MAX_ERLANG_SERVERS) {
    throw new QueueingInputError([
      `offered load ${a} erlangs is beyond ${MAX_ERLANG_SERVERS} servers`,
    ]);
  }
  let b = 1;
  for (let c = 1; c <= MAX_ERLANG_SERVERS; c++) {
    b = (a * b) / (c + a * b);
    if (c > a && meets(c, a, cFromB(c, a, b))) return c;
  }
  throw new QueueingInputError([
    `the target needs more than ${MAX_ERLANG_SERVERS} servers`,
  ]);
}

/** Fewest servers with P(Wq ≤ waitTime) ≥ share (share < 1). */
export function minServersForShareWithin(
  load: LoadInput & { waitTime: number; share: number },
): number {
  if (!(load.share >= 0 && load.share < 1) || !(load.waitTime >= 0)) {
    throw new QueueingInputError(['share must be in [0, 1) and waitTime ≥ 0']);
  }
  const s = load.meanServiceTime;
  return smallestServers(
    load,
    (c, a, pw) => shareWithinFromC(pw, c, a, s, load.waitTime) >= load.share,
  );
}

/** Fewest servers with E[Wq] ≤ meanWait (meanWait > 0). */
export function minServersForMeanWait(
  load: LoadInput & { meanWait: number },
): number {
  if (!(load.meanWait > 0)) {
    throw new QueueingInputError(['meanWait must be > 0']);
  }
  const s = load.meanServiceTime;
  return smallestServers(
    load,
    (c, a, pw) => (pw * s) / (c - a) <= load.meanWait,
  );
}

/** Fewest servers with P(Wq > 0) ≤ probability (probability > 0). */
export function minServersForProbabilityOfWaiting(
  load: LoadInput & { probability: number },
): number {
  if (!(load.probability > 0 && load.probability <= 1)) {
    throw new QueueingInputError(['probability must be in (0, 1]']);
  }
  return smallestServers(load, (_c, _a, pw) => pw <= load.probability);
}

/**
 * `POST /planning/erlang-c`: windows required for the target and the figures at `windows` when
 * given, else at windowsRequired. Minutes and hours as in the contract. `meanWaitMinutes` is null
 * when windows ≤ offered load (no steady state: the queue grows all day).
 */
export function erlangCAnswer(req: ErlangCRequest): ErlangCAnswer {
  const load = {
    arrivalRate: req.arrivalsPerHour / 60,
    meanServiceTime: req.meanServiceMinutes,
  };
  const windowsRequired = minServersForShareWithin({
    ...load,
    waitTime: req.target.waitMinutes,
    share: req.target.share,
  });
  const servers = req.windows ?? windowsRequired;
  const m = mmc({ ...load, servers });
  return {
    windowsRequired,
    probabilityOfWaiting: m.probabilityOfWaiting,
    meanWaitMinutes: m.stable ? m.meanWait : null,
    shareWithinTarget: mmcShareWithin(
      { ...load, servers },
      req.target.waitMinutes,
    ),
    utilisation: m.occupancy,
  };
}
