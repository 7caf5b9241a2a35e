import { QueueingInputError } from './errors';
import type { PoolSchedule } from './model';
import { givesUp } from './outcome';

// bound once: `Infinity` is a global lookup (slow where the global object is a proxy)
const INF = Number.POSITIVE_INFINITY;

/**
 * One FIFO pool through one day.
 *
 * Rule (api-contract.md): a customer starts at the earliest moment t ≥ its arrival at which every
 * earlier arrival of the pool has started and a window of the pool is free. With window counts
 * N(t) that change at interval boundaries — a drop closes idle windows at once and busy ones when
 * they finish, a rise first cancels pending closures and then opens windows — "a window is free at
 * t" is exactly "fewer than N(t) customers are being served at t": after a drop to N', the busy
 * windows beyond N' are the pending closures, and each finish first retires one of them; a rise
 * cancels them first. So the engine only needs the finish times of the customers in service (a
 * binary min-heap) and N(t):
 *   t ← max(arrival, previous start); repeat { release finishes ≤ t; if busy < N(t) start at t;
 *   else t ← min(next finish, next boundary) }.
 * With a fixed count this is the classic heap of N window-free times: start = max(arrival, earliest
 * free window).
 *
 * Window time (for utilisation): up to the last interval's end, windows open = max(N(t), busy(t))
 * (pending closures still work); after it, a window stays only while it serves (whoever still
 * waits is served by the after-close count, then windows close). So
 *   available = Σ N·length + ∫ max(0, busy − N) dt (before the end) + busy minutes after the end.
 *
 * People who give up (`reneging`, FIFO with reneging): customer j's would-be start s is computed as
 * above over the earlier customers who stayed; if s − a > patience + WAIT_EPS (`givesUp`), j leaves
 * at a + patience: its wait is its patience, it takes no window, adds no busy time and blocks nobody
 * (those who stay keep their FIFO order). Every later customer's would-be start is still ≥ s when it
 * arrives before s (every window was full from j's arrival to s, and j changed nothing), so the
 * per-interval search carries s on as the earliest next start, as it does a real start.
 *
 * Writes each customer's wait (start − arrival, or the patience of one who gives up) into `wait` at
 * its global index and, with `reneging`, 1 / 0 into reneging.abandoned; adds busy minutes to acc[0]
 * and window minutes to acc[1], both counted from `measureFrom` on (the end of a warm-up; −Infinity:
 * the whole day). `heap` needs at least schedule.maxCount entries. Without `reneging` (nobody in the
 * pool has a finite patience) the loops are those of a pool where nobody gives up.
 */
export function runPool(
  idx: Int32Array,
  from: number,
  to: number,
  arrival: Float64Array,
  service: Float64Array,
  sched: PoolSchedule,
  wait: Float64Array,
  heap: Float64Array,
  acc: Float64Array,
  measureFrom = -INF,
  reneging: Reneging | null = null,
): void {
  const bounds = sched.bounds;
  const m = bounds.length - 1;
  const open = bounds[0] > measureFrom ? bounds[0] : measureFrom;
  const close = bounds[m];
  const scheduled =
    measureFrom <= bounds[0]
      ? sched.scheduledMinutes
      : scheduledFrom(sched, measureFrom);
  let busy = 0;
  let after = 0;
  if (from >= to) {
    acc[1] += scheduled;
    return;
  }
  if (sched.fixed >= 0) {
    const N0 = sched.fixed;
    if (N0 === 0) throw noWindow();
    // windows beyond the number of customers are never used: a smaller heap, same starts
    const N = N0 < to - from ? N0 : to - from;
    for (let i = 0; i < N; i++) heap[i] = -INF;
    if (reneging !== null) {
      fixedReneging(
        idx,
        from,
        to,
        arrival,
        service,
        wait,
        heap,
        N,
        open,
        close,
        reneging,
        acc,
      );
      acc[1] += close > open ? N0 * (close - open) : 0;
      return;
    }
    for (let j = from; j < to; j++) {
      const c = idx[j];
      const a = arrival[c];
      const top = heap[0];
      const s = a > top ? a : top;
      wait[c] = s - a;
      const f = s + service[c];
      if (f > open) busy += f - (s > open ? s : open);
      if (f > close) after += f - (s > close ? s : close);
      // replace the top with f and sift down
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= N) break;
        const r = l + 1;
        const ch = r < N && heap[r] < heap[l] ? r : l;
        if (heap[ch] >= f) break;
        heap[i] = heap[ch];
        i = ch;
      }
      heap[i] = f;
    }
    acc[0] += busy;
    acc[1] += (close > open ? N0 * (close - open) : 0) + after;
    return;
  }

  const counts = sched.counts;
  const patience = reneging === null ? null : reneging.patience;
  const abandoned = reneging === null ? null : reneging.abandoned;
  let hs = 0; // customers in service = heap size
  let k = 0; // interval of the candidate time t
  let ki = 0; // interval of lastT (integration of the pending-closure excess)
  let lastT = open;
  let excess = 0;
  let prev = -INF;
  for (let j = from; j < to; j++) {
    const c = idx[j];
    const a = arrival[c];
    let t = a > prev ? a : prev;
    for (;;) {
      while (hs > 0 && heap[0] <= t) {
        const f = heap[0];
        // integrate max(0, busy − N) from lastT to f
        while (lastT < f && ki < m) {
          const be = bounds[ki + 1];
          const segEnd = be < f ? be : f;
          const d = hs - counts[ki];
          if (d > 0 && segEnd > open)
            excess += d * (segEnd - (lastT > open ? lastT : open));
          lastT = segEnd;
          if (segEnd === be) ki++;
        }
        if (lastT < f) lastT = f;
        // pop
        hs--;
        const last = heap[hs];
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          if (l >= hs) break;
          const r = l + 1;
          const ch = r < hs && heap[r] < heap[l] ? r : l;
          if (heap[ch] >= last) break;
          heap[i] = heap[ch];
          i = ch;
        }
        heap[i] = last;
      }
      while (k < m && bounds[k + 1] <= t) k++;
      if (hs < counts[k]) break;
      const nb = k < m ? bounds[k + 1] : INF;
      const nf = hs > 0 ? heap[0] : INF;
      t = nb < nf ? nb : nf;
      if (t === INF) throw noWindow();
    }
    // integrate up to the start
    while (lastT < t && ki < m) {
      const be = bounds[ki + 1];
      const segEnd = be < t ? be : t;
      const d = hs - counts[ki];
      if (d > 0 && segEnd > open)
        excess += d * (segEnd - (lastT > open ? lastT : open));
      lastT = segEnd;
      if (segEnd === be) ki++;
    }
    if (lastT < t) lastT = t;
    prev = t;
    if (patience !== null) {
      const p = patience[c];
      if (givesUp(t - a, p)) {
        wait[c] = p;
        (abandoned as Uint8Array)[c] = 1;
        continue;
      }
      (abandoned as Uint8Array)[c] = 0;
    }
    wait[c] = t - a;
    const f = t + service[c];
    if (f > open) busy += f - (t > open ? t : open);
    if (f > close) after += f - (t > close ? t : close);
    // push f
    let i = hs++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p] <= f) break;
      heap[i] = heap[p];
      i = p;
    }
    heap[i] = f;
  }
  // drain: the remaining finishes, in time order
  while (hs > 0) {
    const f = heap[0];
    while (lastT < f && ki < m) {
      const be = bounds[ki + 1];
      const segEnd = be < f ? be : f;
      const d = hs - counts[ki];
      if (d > 0 && segEnd > open)
        excess += d * (segEnd - (lastT > open ? lastT : open));
      lastT = segEnd;
      if (segEnd === be) ki++;
    }
    if (lastT < f) lastT = f;
    hs--;
    const last = heap[hs];
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= hs) break;
      const r = l + 1;
      const ch = r < hs && heap[r] < heap[l] ? r : l;
      if (heap[ch] >= last) break;
      heap[i] = heap[ch];
      i = ch;
    }
    heap[i] = last;
  }
  acc[0] += busy;
  acc[1] += scheduled + excess + after;
}

/** Customers' patience (minutes, +Infinity: never) and where to mark those who give up (1) or stay (0). */
export interface Reneging {
  patience: Float64Array;
  abandoned: Uint8Array;
}

/**
 * The fixed-count loop with people who give up (see runPool): the heap holds the N windows' free
 * times; a leaver leaves it untouched. Adds the busy minutes from `open` on to acc[0] and the
 * minutes served after `close` to acc[1].
 */
function fixedReneging(
  idx: Int32Array,
  from: number,
  to: number,
  arrival: Float64Array,
  service: Float64Array,
  wait: Float64Array,
  heap: Float64Array,
  N: number,
  open: number,
  close: number,
  reneging: Reneging,
  acc: Float64Array,
): void {
  const { patience, abandoned } = reneging;
  let busy = 0;
  let after = 0;
  for (let j = from; j < to; j++) {
    const c = idx[j];
    const a = arrival[c];
    const top = heap[0];
    const s = a > top ? a : top;
    const p = patience[c];
    if (givesUp(s - a, p)) {
      wait[c] = p;
      abandoned[c] = 1;
      continue;
    }
    abandoned[c] = 0;
    wait[c] = s - a;
    const f = s + service[c];
    if (f > open) busy += f - (s > open ? s : open);
    if (f > close) after += f - (s > close ? s : close);
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= N) break;
      const r = l + 1;
      const ch = r < N && heap[r] < heap[l] ? r : l;
      if (heap[ch] >= f) break;
      heap[i] = heap[ch];
      i = ch;
    }
    heap[i] = f;
  }
  acc[0] += busy;
  acc[1] += after;
}

/** Scheduled window-minutes from `t` to the last interval's end. */
function scheduledFrom(sched: PoolSchedule, t: number): number {
  const b = sched.bounds;
  let sum = 0;
  for (let k = 0; k < b.length - 1; k++) {
    const lo = b[k] > t ? b[k] : t;
    if (b[k + 1] > lo) sum += sched.counts[k] * (b[k + 1] - lo);
  }
  return sum;
}

function noWindow(): QueueingInputError {
  return new QueueingInputError([
    'a pool with customers has no window to serve them (check the window counts after close)',
  ]);
}
