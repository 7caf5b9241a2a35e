import fc from 'fast-check';
import { QueueingInputError } from './errors';
import { referenceStarts } from '../testing/reference-starts';
import { replay } from './replay';
import type {
  Layout,
  ReplayCustomer,
  ReplayCustomerResult,
  WindowsSpec,
} from './types';

const target = { waitMinutes: 5, share: 0.8 };
/** The start of a customer who was called (these days have no patience: everybody is). */
const start = (x: ReplayCustomerResult): number => {
  if (x.startMinute === null) throw new Error('gave up');
  return x.startMinute;
};
const c = (
  arrivalMinute: number,
  serviceMinutes: number,
  categoryCode = 'A',
): ReplayCustomer => ({
  arrivalMinute,
  serviceMinutes,
  categoryCode,
});

describe('replay: hand-computed days', () => {
  it('closes and opens windows at the interval boundaries (start times exact)', () => {
    // windows 2 in [0,10), 1 in [10,20), 3 in [20,30), 1 after close
    const intervals = [
      { start: 0, end: 10 },
      { start: 10, end: 20 },
      { start: 20, end: 30 },
    ];
    const layout: Layout = {
      kind: 'comprehensive',
      windows: { perInterval: [2, 1, 3], afterClose: 1 },
    };
    const customers = [
      c(0, 12), //  0: starts 0
      c(1, 5), //   1: starts 1 (second window)
      c(2, 4), //   2: both busy → 6 when #1 finishes
      c(3, 3), //   3: at 10 the count drops to 1 while #0 still serves → 12
      c(11, 2), //  4: behind #3 → 15
      c(16, 1), //  5: → 17
      c(19, 10), // 6: window free → 19
      c(19.5, 2), //7: busy with #6, one window → 20 when the count rises to 3
      c(20, 1), //  8: third window at 20
      c(20, 1), //  9: same arrival, after #8 (input order) → 21 when #8 finishes
      c(25, 30), // 10: → 25
      c(26, 5), // 11: → 26
      c(27, 5), // 12: three busy → 29 when #6 finishes
      c(29.5, 1), //13: at 30 the count drops to 1 with 3 busy: waits until all three finish → 55
      c(31, 1), // 14: → 56
    ];
    const expected = [0, 1, 6, 12, 15, 17, 19, 20, 20, 21, 25, 26, 29, 55, 56];
    const r = replay(customers, layout, target, { intervals });
    r.customers.forEach((x, i) => {
      expect(Math.abs(start(x) - expected[i])).toBeLessThan(1e-9);
      expect(
        Math.abs(x.waitMinutes - (expected[i] - customers[i].arrivalMinute)),
      ).toBeLessThan(1e-9);
    });
    const waits = expected.map((s, i) => s - customers[i].arrivalMinute);
    expect(r.overall.meanWaitMinutes).toBeCloseTo(
      waits.reduce((a, b) => a + b, 0) / 15,
      12,
    );
    expect(r.overall.shareWithinTarget).toBeCloseTo(
      waits.filter((w) => w <= 5).length / 15,
      12,
    );
    expect(r.overall.shareWaiting).toBeCloseTo(
      waits.filter((w) => w > 0).length / 15,
      12,
    );
  });

  it('a rise first cancels pending closures, and window time counts them', () => {
    // 3 windows, then 1 from 10, then 2 from 20 (and after close). Three customers keep all three
    // windows busy past 10: two closures are pending. #2 finishes at 15 and closes (one pending
    // left). At 20 the rise to 2 cancels that closure instead of opening a window, so #3 waits for
    // the next free window at 25.
    const intervals = [
      { start: 0, end: 10 },
      { start: 10, end: 20 },
      { start: 20, end: 30 },
    ];
    const r = replay(
      [c(0, 25), c(0, 25), c(0, 15), c(5, 1)],
      { kind: 'comprehensive', windows: { perInterval: [3, 1, 2] } },
      target,
      { intervals },
    );
    expect(r.customers.map((x) => x.startMinute)).toEqual([0, 0, 0, 25]);
    // busy 25 + 25 + 15 + 1 = 66; window time: scheduled 3·10 + 1·10 + 2·10 = 60, plus the pending
    // closures still working: 2 windows over [10, 15) and 1 over [15, 20) = 15 → 75
    expect(r.overall.utilisation).toBeCloseTo(66 / 75, 12);
  });

  it('counts overtime after close as window time only while serving', () => {
    const r = replay(
      [c(0, 10), c(0, 10)],
      { kind: 'comprehensive', windows: 1 },
      target,
      {
        intervals: [{ start: 0, end: 10 }],
      },
    );
    expect(r.customers.map((x) => x.startMinute)).toEqual([0, 10]);
    // 1 window over [0, 10) plus 10 busy minutes after close
    expect(r.overall.utilisation).toBeCloseTo(1, 12);
  });

  it('department and hybrid pools queue separately', () => {
    const customers = [
      c(0, 10, 'A'),
      c(1, 10, 'A'),
      c(1, 3, 'B'),
      c(2, 3, 'C'),
    ];
    const dept = replay(
      customers,
      { kind: 'department', windows: { A: 1, B: 1, C: 1 } },
      target,
    );
    expect(dept.customers.map((x) => x.startMinute)).toEqual([0, 10, 1, 2]);
    const hybrid = replay(
      customers,
      {
        kind: 'hybrid',
        pools: [
          { categories: ['A'], windows: 1 },
          { categories: ['B', 'C'], windows: 1 },
        ],
      },
      target,
    );
    expect(hybrid.customers.map((x) => x.startMinute)).toEqual([0, 10, 1, 4]);
    const pooled = replay(
      customers,
      { kind: 'comprehensive', windows: 2 },
      target,
    );
    expect(pooled.customers.map((x) => x.startMinute)).toEqual([0, 1, 10, 11]);
  });

  it('rejects a layout that misses a category of the log', () => {
    expect(() =>
      replay(
        [c(0, 1, 'A'), c(0, 1, 'B')],
        { kind: 'department', windows: { A: 1 } },
        target,
      ),
    ).toThrow(QueueingInputError);
    expect(() =>
      replay(
        [c(0, 1)],
        { kind: 'comprehensive', windows: { perInterval: [1] } },
        target,
      ),
    ).toThrow(/perInterval needs the interval grid/);
  });
});

const customerArb = fc.record({
  arrivalMinute: fc.integer({ min: 0, max: 120 }).map((x) => x / 2),
  serviceMinutes: fc.integer({ min: 0, max: 40 }).map((x) => x / 2),
  categoryCode: fc.constantFrom('A', 'B', 'C'),
});
const customersArb = fc.array(customerArb, { minLength: 1, maxLength: 60 });
const bounds = [0, 20, 40, 60];
const intervals = [
  { start: 0, end: 20 },
  { start: 20, end: 40 },
  { start: 40, end: 60 },
];

describe('replay: properties', () => {
  it('matches the slow reference rule for per-interval windows (comprehensive)', () => {
    fc.assert(
      fc.property(
        customersArb,
        fc.array(fc.integer({ min: 0, max: 4 }), {
          minLength: 3,
          maxLength: 3,
        }),
        fc.integer({ min: 1, max: 4 }),
        (customers, per, afterClose) => {
          const w: WindowsSpec = { perInterval: per, afterClose };
          const got = replay(
            customers,
            { kind: 'comprehensive', windows: w },
            target,
            { intervals },
          );
          const want = referenceStarts(
            customers,
            () => w,
            () => 'all',
            bounds,
          );
          got.customers.forEach((x, i) =>
            expect(x.startMinute).toBeCloseTo(want[i] as number, 9),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('matches the slow reference rule for department windows', () => {
    fc.assert(
      fc.property(
        customersArb,
        fc.array(fc.integer({ min: 1, max: 3 }), {
          minLength: 3,
          maxLength: 3,
        }),
        (customers, n) => {
          const windows = { A: n[0], B: n[1], C: n[2] };
          const got = replay(
            customers,
            { kind: 'department', windows },
            target,
          );
          const want = referenceStarts(
            customers,
            (k) => windows[k as 'A' | 'B' | 'C'],
            (k) => k,
            [
              customers.reduce(
                (a, x) => Math.min(a, x.arrivalMinute),
                Infinity,
              ),
            ],
          );
          got.customers.forEach((x, i) =>
            expect(x.startMinute).toBeCloseTo(want[i] as number, 9),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('one more window never makes any customer start later (fixed counts)', () => {
    fc.assert(
      fc.property(
        customersArb,
        fc.array(fc.integer({ min: 1, max: 4 }), {
          minLength: 3,
          maxLength: 3,
        }),
        fc.integer({ min: 0, max: 2 }),
        (customers, n, extra) => {
          const base = { A: n[0], B: n[1], C: n[2] };
          const more = { ...base };
          more[(['A', 'B', 'C'] as const)[extra]]++;
          const a = replay(
            customers,
            { kind: 'department', windows: base },
            target,
          );
          const b = replay(
            customers,
            { kind: 'department', windows: more },
            target,
          );
          b.customers.forEach((x, i) =>
            expect(start(x)).toBeLessThanOrEqual(start(a.customers[i]) + 1e-9),
          );
          const p = replay(
            customers,
            { kind: 'comprehensive', windows: n[0] },
            target,
          );
          const q = replay(
            customers,
            { kind: 'comprehensive', windows: n[0] + 1 },
            target,
          );
          q.customers.forEach((x, i) =>
            expect(start(x)).toBeLessThanOrEqual(start(p.customers[i]) + 1e-9),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('one more window in any interval never makes any customer start later', () => {
    fc.assert(
      fc.property(
        customersArb,
        fc.array(fc.integer({ min: 0, max: 3 }), {
          minLength: 4,
          maxLength: 4,
        }),
        fc.integer({ min: 0, max: 3 }),
        (customers, counts, at) => {
          const w = (x: number[]) => ({
            perInterval: x.slice(0, 3),
            afterClose: Math.max(1, x[3]),
          });
          const more = [...counts];
          more[at]++;
          const a = replay(
            customers,
            { kind: 'comprehensive', windows: w(counts) },
            target,
            { intervals },
          );
          const b = replay(
            customers,
            { kind: 'comprehensive', windows: w(more) },
            target,
            { intervals },
          );
          b.customers.forEach((x, i) =>
            expect(start(x)).toBeLessThanOrEqual(start(a.customers[i]) + 1e-9),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is FIFO per pool, never starts before arrival, and is deterministic', () => {
    fc.assert(
      fc.property(
        customersArb,
        fc.integer({ min: 1, max: 4 }),
        (customers, n) => {
          const r1 = replay(
            customers,
            { kind: 'comprehensive', windows: n },
            target,
          );
          const r2 = replay(
            customers,
            { kind: 'comprehensive', windows: n },
            target,
          );
          expect(r2).toEqual(r1);
          const order = customers
            .map((_, i) => i)
            .sort(
              (a, b) =>
                customers[a].arrivalMinute - customers[b].arrivalMinute ||
                a - b,
            );
          for (let k = 0; k < order.length; k++) {
            const i = order[k];
            expect(start(r1.customers[i])).toBeGreaterThanOrEqual(
              customers[i].arrivalMinute,
            );
            if (k > 0)
              expect(start(r1.customers[i])).toBeGreaterThanOrEqual(
                start(r1.customers[order[k - 1]]),
              );
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a per-interval layout with equal counts is the fixed layout', () => {
    fc.assert(
      fc.property(
        customersArb,
        fc.integer({ min: 1, max: 4 }),
        (customers, n) => {
          const fixed = replay(
            customers,
            { kind: 'comprehensive', windows: n },
            target,
            { intervals },
          );
          const per = replay(
            customers,
            {
              kind: 'comprehensive',
              windows: { perInterval: [n, n, n], afterClose: n },
            },
            target,
            { intervals },
          );
          expect(per).toEqual(fixed);
        },
      ),
      { numRuns: 100 },
    );
  });
});
