import type { ReplayCustomer, WindowsSpec } from '../lib/types';

/**
 * Test oracle (not part of the library build): the contract's rule, written the slow obvious way.
 * Customer i (FIFO within its pool) would start at the first candidate time t ≥ max(arrival, start
 * of the previous customer who stayed) — candidates are that time, the finishes of earlier
 * customers who stayed and the count boundaries — at which fewer than N(t) of them are in service
 * (start ≤ t < finish). If t − arrival > patienceMinutes + 1e−9 the customer gives up (null): takes
 * no window and is ignored by everyone after. O(n²); an independent check of the heap-based engine.
 */
export function referenceStarts(
  customers: readonly ReplayCustomer[],
  windowsOf: (code: string) => WindowsSpec,
  poolOf: (code: string) => string,
  bounds: readonly number[],
): (number | null)[] {
  const order = customers
    .map((_, i) => i)
    .sort(
      (a, b) =>
        customers[a].arrivalMinute - customers[b].arrivalMinute || a - b,
    );
  const starts = new Array<number | null>(customers.length).fill(null);
  const startOf = (j: number) => starts[j] as number;
  const byPool = new Map<string, number[]>();
  const countAt = (w: WindowsSpec, t: number): number => {
    if (typeof w === 'number') return w;
    const m = bounds.length - 1;
    if (t >= bounds[m]) return w.afterClose ?? w.perInterval[m - 1];
    let k = 0;
    while (k + 1 < m && bounds[k + 1] <= t) k++;
    return w.perInterval[k];
  };
  for (const i of order) {
    const code = customers[i].categoryCode;
    const pool = poolOf(code);
    const earlier = byPool.get(pool) ?? [];
    const w = windowsOf(code);
    const t0 = Math.max(
      customers[i].arrivalMinute,
      earlier.length ? startOf(earlier[earlier.length - 1]) : -Infinity,
    );
    const candidates = [
      t0,
      ...earlier.map((j) => startOf(j) + customers[j].serviceMinutes),
      ...bounds,
    ]
      .filter((t) => t >= t0)
      .sort((a, b) => a - b);
    const t = candidates.find(
      (tt) =>
        earlier.filter(
          (j) =>
            startOf(j) <= tt && tt < startOf(j) + customers[j].serviceMinutes,
        ).length < countAt(w, tt),
    );
    if (t === undefined) throw new Error('never served');
    const patience = customers[i].patienceMinutes ?? Infinity;
    if (t - customers[i].arrivalMinute > patience + 1e-9) continue;
    starts[i] = t;
    earlier.push(i);
    byPool.set(pool, earlier);
  }
  return starts;
}
