import fc from 'fast-check';
import { hallDay } from '../testing/hall-day';
import { MAX_SYNC_CUSTOMER_REPLICATIONS, MAX_WINDOWS_PER_POOL } from './limits';
import type { Scenario } from './types';
import {
  validateErlangARequest,
  validateErlangCRequest,
  validateLayout,
  validateMinimumWindowsRequest,
  validateReplayRequest,
  validateScenario,
  validateSimulateRequest,
} from './validate';

const day = hallDay(1000);

describe('validateScenario', () => {
  it('accepts the fixture and "HH:MM" or minute times alike', () => {
    expect(validateScenario(day)).toEqual([]);
    expect(
      validateScenario({
        ...day,
        open: 510,
        profile: day.profile.map((p) => ({ ...p, start: p.start, end: p.end })),
      }),
    ).toEqual([]);
  });

  it('profile shares: valid exactly when they sum to 1 within 1e-6', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), {
          minLength: 1,
          maxLength: 17,
        }),
        fc.double({ min: -1e-5, max: 1e-5, noNaN: true }),
        (weights, wobble) => {
          const total = weights.reduce((a, b) => a + b, 0) || 1;
          const shares = weights.map((w) => w / total);
          if (weights.every((w) => w === 0)) shares[0] = 1;
          shares[0] = Math.max(0, shares[0] + wobble);
          const sum = shares.reduce((a, b) => a + b, 0);
          const s: Scenario = {
            ...day,
            profile: shares.map((share, i) => ({
              start: 510 + 30 * i,
              end: 540 + 30 * i,
              share,
            })),
          };
          expect(validateScenario(s).length > 0).toBe(Math.abs(sum - 1) > 1e-6);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('category shares: valid exactly when they sum to 1 within 1e-6', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.double({ min: -3e-6, max: 3e-6, noNaN: true }),
        (weights, wobble) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const shares = weights.map((w) => w / total);
          shares[shares.length - 1] = Math.max(
            0,
            shares[shares.length - 1] + wobble,
          );
          const s: Scenario = {
            ...day,
            categories: shares.map((share, i) => ({
              code: `C${i}`,
              share,
              service: { distribution: 'exponential', meanMinutes: 5 },
            })),
          };
          const sum = shares.reduce((a, b) => a + b, 0);
          expect(validateScenario(s).length > 0).toBe(Math.abs(sum - 1) > 1e-6);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names each bad field', () => {
    const bad = {
      open: '17:00',
      close: '08:30',
      arrivalsPerDay: -5,
      profile: [
        { start: '08:30', end: '09:00', share: 0.5 },
        { start: '09:30', end: '09:10', share: 0.5 },
      ],
      categories: [
        {
          code: 'A',
          share: 0.5,
          service: { distribution: 'lognormal', meanMinutes: 5 },
        },
        {
          code: 'A',
          share: 0.5,
          service: { distribution: 'gamma', meanMinutes: 0, cv: -1 },
        },
        {
          code: 'B',
          share: 0,
          service: { distribution: 'weibull', meanMinutes: 3 },
        },
        {
          code: 'C',
          share: 0,
          service: { distribution: 'empirical', samples: [] },
        },
        {
          code: 'D',
          share: 0,
          service: { distribution: 'exponential', meanMinutes: 3, cv: 2 },
        },
      ],
      target: { waitMinutes: 15, share: 1.5 },
    };
    expect(validateScenario(bad)).toEqual([
      'scenario.open must be before scenario.close',
      'scenario.arrivalsPerDay must be > 0 (got -5)',
      'scenario.profile[0].start must not be before scenario.open',
      'scenario.profile[1].start must be before its end',
      "scenario.profile[1].start must equal the previous interval's end (the profile is contiguous)",
      'scenario.profile[1].end must not be after scenario.close',
      'scenario.categories[0].service.cv is required for a lognormal handling time',
      'scenario.categories[1].code "A" appears twice',
      'scenario.categories[1].service.meanMinutes must be > 0 (got 0)',
      'scenario.categories[1].service.cv must be ≥ 0 (got -1)',
      'scenario.categories[2].service.distribution must be one of exponential, lognormal, gamma, deterministic, empirical',
      'scenario.categories[3].service.samples must be a non-empty array of handling minutes',
      'scenario.categories[4].service.cv of an exponential handling time is 1 (omit it)',
      'scenario.target.share must be ≤ 1 (got 1.5)',
    ]);
    expect(validateScenario(null)).toEqual(['scenario must be an object']);
    expect(validateScenario({ ...day, open: '8:30' })[0]).toMatch(
      /^scenario.open must be "HH:MM"/,
    );
  });

  it('checks empirical samples and their stated mean', () => {
    const withSamples = (service: unknown) => ({
      ...day,
      categories: [{ code: 'A', share: 1, service }],
    });
    expect(
      validateScenario(
        withSamples({ distribution: 'empirical', samples: [1, 2, 3] }),
      ),
    ).toEqual([]);
    expect(
      validateScenario(
        withSamples({
          distribution: 'empirical',
          samples: [1, 2, 3],
          meanMinutes: 2.01,
        }),
      ),
    ).toEqual([]);
    expect(
      validateScenario(
        withSamples({
          distribution: 'empirical',
          samples: [1, 2, 3],
          meanMinutes: 3,
        }),
      ),
    ).toEqual([
      'scenario.categories[0].service.meanMinutes (3) must agree with the mean of the samples (2) within 1 %',
    ]);
    expect(
      validateScenario(
        withSamples({ distribution: 'empirical', samples: [1, -2, 'x'] }),
      ),
    ).toEqual([
      'scenario.categories[0].service.samples must be minutes in 0…1440 (2 are not)',
    ]);
  });
});

describe('validateLayout', () => {
  it('accepts fixed, per-interval and hybrid layouts', () => {
    const n = day.profile.length;
    expect(validateLayout({ kind: 'comprehensive', windows: 10 }, day)).toEqual(
      [],
    );
    expect(
      validateLayout(
        {
          kind: 'comprehensive',
          windows: { perInterval: new Array(n).fill(3), afterClose: 2 },
        },
        day,
      ),
    ).toEqual([]);
    expect(
      validateLayout(
        {
          kind: 'hybrid',
          pools: [
            { categories: ['SOC', 'MED', 'TAX'], windows: 6 },
            {
              categories: ['EST'],
              windows: { perInterval: new Array(n).fill(2) },
            },
          ],
        },
        day,
      ),
    ).toEqual([]);
  });

  it('names unknown, missing and doubly served categories and bad counts', () => {
    expect(
      validateLayout(
        { kind: 'department', windows: { SOC: 2, MED: 1.5, EST: 0, NOPE: 1 } },
        day,
      ),
    ).toEqual([
      'layout.windows.MED must be a whole number (got 1.5)',
      'layout.windows.EST must be ≥ 1: customers of this pool would never be served',
      'layout.windows.NOPE: unknown category',
      'layout.windows.TAX is missing (every category needs a count)',
    ]);
    expect(
      validateLayout(
        {
          kind: 'hybrid',
          pools: [
            { categories: ['SOC', 'MED'], windows: 2 },
            { categories: ['MED', 'X'], windows: MAX_WINDOWS_PER_POOL + 1 },
          ],
        },
        day,
      ),
    ).toEqual([
      'layout.pools[1].categories: MED is already in another pool',
      'layout.pools[1].categories: unknown category X',
      `layout.pools[1].windows must be ≤ ${MAX_WINDOWS_PER_POOL} (got ${MAX_WINDOWS_PER_POOL + 1})`,
      'layout.pools: category EST is in no pool',
      'layout.pools: category TAX is in no pool',
    ]);
    expect(
      validateLayout(
        { kind: 'comprehensive', windows: { perInterval: [1, 2] } },
        day,
      ),
    ).toEqual([
      `layout.windows.perInterval must have one count per interval (${day.profile.length}, got 2)`,
    ]);
    expect(
      validateLayout(
        {
          kind: 'comprehensive',
          windows: { perInterval: new Array(day.profile.length).fill(0) },
        },
        day,
      ),
    ).toEqual([
      "layout.windows.afterClose (default: the last interval's count) must be ≥ 1: whoever still waits at the end would never be served",
    ]);
    expect(validateLayout({ kind: 'pooled' }, day)).toEqual([
      'layout.kind must be comprehensive, department or hybrid',
    ]);
  });

  it('a category without demand may have no window', () => {
    const s = {
      ...day,
      categories: day.categories.map((c) =>
        c.code === 'EST' ? { ...c, share: 0 } : { ...c, share: c.share / 0.85 },
      ),
    };
    expect(validateScenario(s)).toEqual([]);
    expect(
      validateLayout(
        { kind: 'department', windows: { SOC: 2, MED: 1, EST: 0, TAX: 1 } },
        s,
      ),
    ).toEqual([]);
  });
});

describe('request validators', () => {
  it('simulate: the synchronous size limit, replications and seed', () => {
    expect(
      validateSimulateRequest({
        scenario: day,
        layout: { kind: 'comprehensive', windows: 9 },
      }),
    ).toEqual([]);
    const big = { ...day, arrivalsPerDay: 100_000 };
    expect(
      validateSimulateRequest({
        scenario: big,
        layout: { kind: 'comprehensive', windows: 900 },
        replications: 31,
      }),
    ).toEqual([
      `replications: arrivalsPerDay × replications must be ≤ ${MAX_SYNC_CUSTOMER_REPLICATIONS} for an immediate answer (plan a job for more)`,
    ]);
    expect(
      validateSimulateRequest(
        {
          scenario: big,
          layout: { kind: 'comprehensive', windows: 900 },
          replications: 31,
        },
        { synchronous: false },
      ),
    ).toEqual([]);
    expect(
      validateSimulateRequest({
        scenario: day,
        layout: { kind: 'comprehensive', windows: 9 },
        replications: 0.5,
        seed: 'x',
      }),
    ).toEqual([
      'replications must be a whole number (got 0.5)',
      'seed must be a safe integer',
    ]);
  });

  it('minimum-windows: kind, pools and criterion', () => {
    expect(
      validateMinimumWindowsRequest({
        scenario: day,
        layout: { kind: 'department' },
        criterion: 'day',
      }),
    ).toEqual([]);
    expect(
      validateMinimumWindowsRequest({
        scenario: day,
        layout: { kind: 'hybrid', pools: [{ categories: ['SOC'] }] },
        criterion: 'hourly',
      }),
    ).toEqual([
      'layout.pools: category MED is in no pool',
      'layout.pools: category EST is in no pool',
      'layout.pools: category TAX is in no pool',
      'criterion must be "day" or "everyInterval"',
    ]);
  });

  it('erlang-c: positive arrivals, a target share below 1, whole windows', () => {
    expect(
      validateErlangCRequest({
        arrivalsPerHour: 200,
        meanServiceMinutes: 3,
        target: { waitMinutes: 1, share: 0.8 },
      }),
    ).toEqual([]);
    expect(
      validateErlangCRequest({
        arrivalsPerHour: 0,
        meanServiceMinutes: 3,
        target: { waitMinutes: -1, share: 1 },
        windows: 2.5,
      }),
    ).toEqual([
      'arrivalsPerHour must be > 0 (got 0)',
      'target.waitMinutes must be ≥ 0 (got -1)',
      'target.share must be < 1 (got 1)',
      'windows must be a whole number (got 2.5)',
    ]);
  });

  it('erlang-a: the limits of erlang-c, a patience above 0 and at most a day', () => {
    const ok = {
      arrivalsPerHour: 120,
      meanServiceMinutes: 10,
      meanPatienceMinutes: 5,
      target: { waitMinutes: 1, share: 0.8 },
    };
    expect(validateErlangARequest(ok)).toEqual([]);
    expect(validateErlangARequest({ ...ok, windows: 100_000 })).toEqual([]);
    expect(validateErlangARequest(null)).toEqual([
      'body must be an object {arrivalsPerHour, meanServiceMinutes, meanPatienceMinutes, target}',
    ]);
    expect(validateErlangARequest({})).toEqual([
      'arrivalsPerHour must be a finite number',
      'meanServiceMinutes must be a finite number',
      'meanPatienceMinutes must be a finite number',
      'target must be an object {waitMinutes, share}',
    ]);
    expect(
      validateErlangARequest({
        arrivalsPerHour: -1,
        meanServiceMinutes: 1441,
        meanPatienceMinutes: 0,
        target: { waitMinutes: 1, share: 1.5 },
        windows: 2.5,
      }),
    ).toEqual([
      'arrivalsPerHour must be > 0 (got -1)',
      'meanServiceMinutes must be ≤ 1440 (got 1441)',
      'meanPatienceMinutes must be > 0 (got 0)',
      'target.share must be < 1 (got 1.5)',
      'windows must be a whole number (got 2.5)',
    ]);
    expect(
      validateErlangARequest({
        ...ok,
        arrivalsPerHour: 1_000_001,
        meanPatienceMinutes: 1441,
        windows: 100_001,
      }),
    ).toEqual([
      'arrivalsPerHour must be ≤ 1000000 (got 1000001)',
      'meanPatienceMinutes must be ≤ 1440 (got 1441)',
      'windows must be ≤ 100000 (got 100001)',
    ]);
    expect(
      validateErlangARequest({
        ...ok,
        arrivalsPerHour: 1_000_000,
        meanServiceMinutes: 3.1,
        meanPatienceMinutes: '5',
        windows: 0,
      }),
    ).toEqual([
      'arrivalsPerHour × meanServiceMinutes / 60 (offered load, 51666.666666666664 erlangs) must be ≤ 50000',
      'meanPatienceMinutes must be a finite number',
      'windows must be ≥ 1 (got 0)',
    ]);
  });

  it('replay: customers, intervals, and a layout that serves every category in the log', () => {
    const customers = [
      { arrivalMinute: 540, categoryCode: 'SOC', serviceMinutes: 5 },
      { arrivalMinute: 541, categoryCode: 'TAX', serviceMinutes: 3 },
    ];
    const target = { waitMinutes: 15, share: 0.8 };
    expect(
      validateReplayRequest({
        customers,
        target,
        layout: { kind: 'department', windows: { SOC: 1, TAX: 1, EST: 0 } },
      }),
    ).toEqual([]);
    expect(
      validateReplayRequest({
        customers,
        target,
        layout: { kind: 'department', windows: { SOC: 1 } },
      }),
    ).toEqual(['layout.windows.TAX is missing (every category needs a count)']);
    expect(
      validateReplayRequest({
        customers: [
          { arrivalMinute: -1, categoryCode: '', serviceMinutes: 'x' },
        ],
        target,
        layout: { kind: 'comprehensive', windows: 1 },
        intervals: [
          { start: '09:00', end: '10:00' },
          { start: '10:30', end: '11:00' },
        ],
      }),
    ).toEqual([
      'customers[0].arrivalMinute must be ≥ 0 (got -1)',
      'customers[0].serviceMinutes must be a finite number',
      'customers[0].categoryCode must be a non-empty string',
      "intervals[1].start must equal the previous interval's end",
    ]);
  });
});
