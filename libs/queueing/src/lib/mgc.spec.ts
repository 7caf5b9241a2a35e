import { mmc, mmcShareWithin } from './erlang';
import {
  mgcAllenCunneenApprox,
  mgcShareWithinApprox,
  minServersShareWithinApprox,
} from './mgc';
import { simulate } from './simulate';
import type { Scenario } from './types';

describe('M/G/c approximation (Allen–Cunneen)', () => {
  const q = { arrivalRate: 0.7, meanServiceTime: 12, servers: 10 };

  it('is exact Erlang C for exponential service', () => {
    const a = mgcAllenCunneenApprox({ ...q, serviceCv: 1 });
    expect(a.meanWaitApprox).toBeCloseTo(mmc(q).meanWait, 12);
    expect(mgcShareWithinApprox({ ...q, serviceCv: 1 }, 15)).toBeCloseTo(
      mmcShareWithin(q, 15),
      12,
    );
  });

  it('scales the wait by (1 + cv²)/2', () => {
    const w = mmc(q).meanWait;
    expect(
      mgcAllenCunneenApprox({ ...q, serviceCv: 0 }).meanWaitApprox,
    ).toBeCloseTo(w / 2, 12);
    expect(
      mgcAllenCunneenApprox({ ...q, serviceCv: 2 }).meanWaitApprox,
    ).toBeCloseTo(2.5 * w, 12);
  });

  it('sizes windows: more variable handling needs at least as many', () => {
    const base = {
      arrivalRate: 0.7,
      meanServiceTime: 12,
      waitTime: 5,
      share: 0.8,
    };
    const n0 = minServersShareWithinApprox({ ...base, serviceCv: 0 });
    const n1 = minServersShareWithinApprox({ ...base, serviceCv: 1 });
    const n3 = minServersShareWithinApprox({ ...base, serviceCv: 3 });
    expect(n0).toBeLessThanOrEqual(n1);
    expect(n1).toBeLessThanOrEqual(n3);
    expect(
      mgcShareWithinApprox({ ...base, servers: n3, serviceCv: 3 }, 5),
    ).toBeGreaterThanOrEqual(0.8);
    expect(
      mgcShareWithinApprox({ ...base, servers: n3 - 1, serviceCv: 3 }, 5),
    ).toBeLessThan(0.8);
  });

  // an approximation: close for cv ≤ 1 (tested here), rougher for heavy-tailed handling times
  // (lognormal cv 1.5 at this load: ~20 % high), which the simulation then corrects
  it('is within 15 % of the simulated mean wait for deterministic, gamma and lognormal service with cv ≤ 1', () => {
    for (const service of [
      { distribution: 'deterministic' as const, meanMinutes: 12 },
      { distribution: 'gamma' as const, meanMinutes: 12, cv: 0.5 },
      { distribution: 'lognormal' as const, meanMinutes: 12, cv: 0.8 },
    ]) {
      const scenario: Scenario = {
        open: 0,
        close: 1440,
        arrivalsPerDay: 0.7 * 1440,
        profile: [{ start: 0, end: 1440, share: 1 }],
        categories: [{ code: 'A', share: 1, service }],
        target: { waitMinutes: 15, share: 0.8 },
      };
      const sim = simulate(
        scenario,
        { kind: 'comprehensive', windows: 10 },
        { replications: 200, seed: 5, warmUpMinutes: 240 },
      );
      const cv = 'cv' in service ? (service.cv ?? 0) : 0;
      const approx = mgcAllenCunneenApprox({
        ...q,
        serviceCv: cv,
      }).meanWaitApprox;
      expect(
        Math.abs(approx / sim.overall.meanWaitMinutes.mean - 1),
      ).toBeLessThan(0.15);
    }
  });
});
