import fc from 'fast-check';
import { referenceStarts } from '../testing/reference-starts';
import { QueueingInputError } from './errors';
import { replay } from './replay';
import type { ReplayCustomer, WindowsSpec } from './types';

const c = (
  arrivalMinute: number,
  serviceMinutes: number,
  patienceMinutes?: number,
  categoryCode = 'A',
): ReplayCustomer =>
  patienceMinutes === undefined
    ? { arrivalMinute, serviceMinutes, categoryCode }
    : { arrivalMinute, serviceMinutes, categoryCode, patienceMinutes };

describe('replay with patience: a hand-computed day', () => {
  // 2 windows, target 5 minutes
  const customers = [
    c(0, 10), //       0: W1 [0, 10)
    c(0, 8, 3), //     1: W2 [0, 8)
    c(1, 5, 4), //     2: a window only at 8, wait 7 > 4: leaves at 5
    c(2, 4, 6), //     3: at 8 (2 has gone), wait 6 = its patience exactly: stays, W2 [8, 12)
    c(3, 2, 6.5), //   4: at 10, wait 7 > 6.5: leaves at 9.5
    c(4, 1), //        5: at 10, wait 6: W1 [10, 11)
  ];
  const expected = [
    { startMinute: 0, waitMinutes: 0 },
    { startMinute: 0, waitMinutes: 0 },
    { startMinute: null, waitMinutes: 4, abandoned: true },
    { startMinute: 8, waitMinutes: 6 },
    { startMinute: null, waitMinutes: 6.5, abandoned: true },
    { startMinute: 10, waitMinutes: 6 },
  ];
  const target = { waitMinutes: 5, share: 0.8 };
  // waits 0 0 4 6 6.5 6; called within 5 minutes: #0, #1 (#2 left after 4 minutes: a miss);
  // busy 10 + 8 + 4 + 1 = 23 minutes (leavers take no window) over 2 windows × 20 minutes
  const overall = {
    meanWaitMinutes: 22.5 / 6,
    p50WaitMinutes: 5, // sorted 0 0 4 6 6 6.5: position 2.5
    p90WaitMinutes: 6.25, // position 4.5
    p95WaitMinutes: 6.375, // position 4.75
    shareWithinTarget: 2 / 6,
    abandonedShare: 2 / 6,
    shareWaiting: 4 / 6,
    utilisation: 23 / 40,
  };

  it('fixed windows', () => {
    const r = replay(customers, { kind: 'comprehensive', windows: 2 }, target, {
      intervals: [{ start: 0, end: 20 }],
    });
    expect(r.customers).toEqual(expected);
    for (const [k, v] of Object.entries(overall))
      expect(r.overall[k as keyof typeof overall]).toBeCloseTo(v, 12);
  });

  it('per-interval windows (the other engine path) give the same day', () => {
    const r = replay(
      customers,
      {
        kind: 'comprehensive',
        windows: { perInterval: [2, 2], afterClose: 1 },
      },
      target,
      {
        intervals: [
          { start: 0, end: 10 },
          { start: 10, end: 20 },
        ],
      },
    );
    expect(r.customers).toEqual(expected);
    expect(r.overall.utilisation).toBeCloseTo(23 / 40, 12);
  });

  it('the boundary: leaves iff the wait exceeds the patience by more than WAIT_EPS (1e-9 min)', () => {
    // #3 is called after exactly 6 minutes; a patience within 1e-9 of that still gets it called
    const with3 = (patienceMinutes: number) =>
      replay(
        customers.map((x, i) => (i === 3 ? { ...x, patienceMinutes } : x)),
        { kind: 'comprehensive', windows: 2 },
        target,
      ).customers[3];
    expect(with3(6 - 0.5e-9).startMinute).toBe(8);
    expect(with3(6 - 2e-9)).toEqual({
      startMinute: null,
      waitMinutes: 6 - 2e-9,
      abandoned: true,
    });
  });

  it('results come back in input order, with or without a patience', () => {
    const order = [5, 2, 0, 4, 1, 3];
    const r = replay(
      order.map((i) => customers[i]),
      { kind: 'comprehensive', windows: 2 },
      target,
    );
    // 0 and 1 arrive together: input order breaks the tie (0 still comes first)
    expect(r.customers.map((x) => x.startMinute)).toEqual([
      10,
      null,
      0,
      null,
      0,
      8,
    ]);
  });

  it('without patience nobody gives up and results carry no "abandoned"', () => {
    const r = replay(
      customers.map((x) => c(x.arrivalMinute, x.serviceMinutes)),
      { kind: 'comprehensive', windows: 2 },
      target,
    );
    expect(r.customers.every((x) => !('abandoned' in x))).toBe(true);
    expect(r.overall.abandonedShare).toBe(0);
  });

  it('rejects a bad patience with the field named', () => {
    let caught: unknown;
    try {
      replay(
        [c(0, 5, -1), { ...c(1, 5), patienceMinutes: Number.NaN }],
        { kind: 'comprehensive', windows: 1 },
        target,
      );
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(QueueingInputError);
    expect((caught as QueueingInputError).errors).toEqual([
      'customers[0].patienceMinutes must be ≥ 0 (got -1)',
      'customers[1].patienceMinutes must be a finite number',
    ]);
  });
});

describe('replay with patience agrees with the slow obvious rule', () => {
  const customersArb = fc.array(
    fc.record({
      arrivalMinute: fc.integer({ min: 0, max: 60 }),
      serviceMinutes: fc.integer({ min: 1, max: 25 }),
      categoryCode: fc.constantFrom('A', 'B'),
      patienceMinutes: fc.option(fc.integer({ min: 0, max: 15 }), {
        nil: undefined,
      }),
    }),
    { minLength: 1, maxLength: 25 },
  );
  const clean = (cs: ReplayCustomer[]) =>
    cs.map((x) =>
      x.patienceMinutes === undefined
        ? c(x.arrivalMinute, x.serviceMinutes, undefined, x.categoryCode)
        : x,
    );

  it('fixed and per-interval counts, comprehensive and department', () => {
    const bounds = [0, 20, 40, 60];
    const intervals = [
      { start: 0, end: 20 },
      { start: 20, end: 40 },
      { start: 40, end: 60 },
    ];
    fc.assert(
      fc.property(
        customersArb,
        fc.array(fc.integer({ min: 0, max: 3 }), {
          minLength: 3,
          maxLength: 3,
        }),
        fc.integer({ min: 1, max: 3 }),
        (raw, per, after) => {
          const customers = clean(raw);
          const w: WindowsSpec = { perInterval: per, afterClose: after };
          for (const windows of [w, after]) {
            const got = replay(
              customers,
              { kind: 'comprehensive', windows },
              { waitMinutes: 5, share: 0.8 },
              { intervals },
            );
            const want = referenceStarts(
              customers,
              () => windows,
              () => 'all',
              bounds,
            );
            got.customers.forEach((x, i) => {
              const s = want[i];
              if (s === null) {
                expect(x.startMinute).toBeNull();
                expect(x.waitMinutes).toBe(customers[i].patienceMinutes);
              } else expect(x.startMinute).toBeCloseTo(s, 9);
            });
          }
          const dept = replay(
            customers,
            { kind: 'department', windows: { A: after, B: w } },
            { waitMinutes: 5, share: 0.8 },
            { intervals },
          );
          const want = referenceStarts(
            customers,
            (k) => (k === 'A' ? after : w),
            (k) => k,
            bounds,
          );
          expect(dept.customers.map((x) => x.startMinute)).toEqual(want);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('more windows with people giving up', () => {
  it('can lower the number called within the target on a given day (so searches check both n and n − 1)', () => {
    // target 2 minutes. One window: #2 and #3 find it busy until 9 and give up; #4 and #5 are
    // called within 2 minutes. Two windows: #2 and #3 are called and hold the windows until 16 and
    // 25, so #4 and #5 wait 9 and 7 minutes. 4 within target with one window, 3 with two.
    const customers = [
      c(2, 1),
      c(2, 6),
      c(2, 13, 3),
      c(5, 17, 3.5),
      c(7, 1),
      c(10, 4),
    ];
    const target = { waitMinutes: 2, share: 0.8 };
    const one = replay(
      customers,
      { kind: 'comprehensive', windows: 1 },
      target,
    );
    const two = replay(
      customers,
      { kind: 'comprehensive', windows: 2 },
      target,
    );
    expect(one.customers.map((x) => x.startMinute)).toEqual([
      2,
      3,
      null,
      null,
      9,
      10,
    ]);
    expect(two.customers.map((x) => x.startMinute)).toEqual([
      2, 2, 3, 8, 16, 17,
    ]);
    expect(one.overall.shareWithinTarget).toBeCloseTo(4 / 6, 12);
    expect(two.overall.shareWithinTarget).toBeCloseTo(3 / 6, 12);
    // …while fewer give up, as expected
    expect(two.overall.abandonedShare).toBeLessThan(one.overall.abandonedShare);
  });
});
