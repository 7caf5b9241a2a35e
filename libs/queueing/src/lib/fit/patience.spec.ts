import { QueueingInputError } from '../errors';
import { Rng } from '../rng';
import { fitPatience, type PatienceObservation } from './patience';

const gaveUp = (waitMinutes: number): PatienceObservation => ({
  waitMinutes,
  gaveUp: true,
});
const called = (waitMinutes: number): PatienceObservation => ({
  waitMinutes,
  gaveUp: false,
});

describe('fitPatience: hand-computed', () => {
  it('Kaplan–Meier, its median and the exponential MLE on a small log', () => {
    // gave up at 2, 3, 5, 5, 9; called after 3, 5, 8, 12 (their patience was longer)
    //   t = 2: 9 at risk, 1 gives up → S = 8/9
    //   t = 3: 8 at risk (the one called at 3 still counts: events before censorings) → 8/9 · 7/8 = 7/9
    //   t = 5: 6 at risk, 2 give up → 7/9 · 4/6 = 14/27 (0.52: not yet the median)
    //   t = 9: 2 at risk, 1 gives up → 14/27 · 1/2 = 7/27 → median 9
    // exponential MLE: everyone's waiting time 52 minutes ÷ 5 who gave up = 10.4
    const log = [
      called(12),
      gaveUp(5),
      called(3),
      gaveUp(2),
      called(8),
      gaveUp(9),
      gaveUp(3),
      called(5),
      gaveUp(5),
    ];
    const f = fitPatience(log);
    expect(f).not.toBeNull();
    if (!f) return;
    expect(f.observations).toBe(9);
    expect(f.events).toBe(5);
    expect(f.exponential?.meanMinutes).toBeCloseTo(10.4, 12);
    expect(f.kaplanMeier.minutes).toEqual([2, 3, 5, 9]);
    const want = [8 / 9, 7 / 9, 14 / 27, 7 / 27];
    f.kaplanMeier.survival.forEach((s, i) =>
      expect(s).toBeCloseTo(want[i], 12),
    );
    expect(f.medianMinutes).toBe(9);
  });

  it('the median is the first time survival reaches 0.5 exactly', () => {
    // t = 1: 3/4; t = 2: 3/4 · 2/3 = 1/2 → median 2
    const f = fitPatience([gaveUp(1), gaveUp(2), called(3), called(4)]);
    expect(f?.kaplanMeier.survival).toEqual([0.75, 0.5]);
    expect(f?.medianMinutes).toBe(2);
  });

  it('nobody gave up: no exponential mean, an empty curve, no median; no observations: null', () => {
    expect(fitPatience([called(4), called(0)])).toEqual({
      observations: 2,
      events: 0,
      exponential: null,
      kaplanMeier: { minutes: [], survival: [] },
      medianMinutes: null,
    });
    expect(fitPatience([])).toBeNull();
    // too few give up for the curve to reach one half
    expect(fitPatience([gaveUp(1), called(2), called(3)])?.medianMinutes).toBe(
      null,
    );
  });

  it('refuses bad observations, naming each', () => {
    let caught: unknown;
    try {
      fitPatience([
        called(1),
        { waitMinutes: -1, gaveUp: true },
        { waitMinutes: Number.NaN, gaveUp: false },
        { waitMinutes: 2, gaveUp: 'yes' } as unknown as PatienceObservation,
      ]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(QueueingInputError);
    expect((caught as QueueingInputError).errors).toEqual([
      'observations[1].waitMinutes must be ≥ 0 (got -1)',
      'observations[2].waitMinutes must be a finite number',
      'observations[3].gaveUp must be true or false',
    ]);
  });
});

describe('fitPatience: censored synthetic logs', () => {
  /**
   * n people: patience drawn by `patience`, the wait they would have had an independent
   * exponential of mean 8 minutes; we see min(patience, wait) and whether patience ran out first.
   */
  const log = (
    n: number,
    seed: number,
    patience: (rng: Rng) => number,
  ): PatienceObservation[] => {
    const rng = new Rng(seed);
    const out: PatienceObservation[] = [];
    for (let i = 0; i < n; i++) {
      const p = patience(rng);
      const w = 8 * rng.exponential();
      out.push({ waitMinutes: Math.min(p, w), gaveUp: p < w });
    }
    return out;
  };

  it('exponential patience of mean 12: the MLE and the KM median recover it', () => {
    const obs = log(5000, 12, (rng) => 12 * rng.exponential());
    const f = fitPatience(obs);
    if (!f?.exponential || f.medianMinutes === null) throw new Error('no fit');
    // about 40 % give up (P(patience < wait) = (1/12) / (1/12 + 1/8))
    expect(f.events / f.observations).toBeCloseTo(0.4, 1);
    expect(Math.abs(f.exponential.meanMinutes / 12 - 1)).toBeLessThan(0.1);
    // the naive mean of the leavers' waits is far off: censoring matters
    const naive =
      obs.filter((o) => o.gaveUp).reduce((a, o) => a + o.waitMinutes, 0) /
      f.events;
    expect(naive).toBeLessThan(0.5 * 12);
    expect(Math.abs(f.medianMinutes / (12 * Math.LN2) - 1)).toBeLessThan(0.1);
  });

  it('recovers the mean when giving up in the first minutes is not seen (a hall counts it as a correction)', () => {
    // as a hall records it: a holder who gives up within 2 minutes looks like a correction and
    // is not in the history at all; everyone else is
    const obs = log(20_000, 7, (rng) => 12 * rng.exponential()).filter(
      (o) => !(o.gaveUp && o.waitMinutes <= 2),
    );
    const seen = fitPatience(obs, { unseenBeforeMinutes: 2 });
    if (!seen?.exponential) throw new Error('no fit');
    expect(Math.abs(seen.exponential.meanMinutes / 12 - 1)).toBeLessThan(0.05);
    // without saying so, the early waits count as exposure without their events: biased long
    const naive = fitPatience(obs);
    expect(naive?.exponential?.meanMinutes).toBeGreaterThan(
      1.15 * seen.exponential.meanMinutes,
    );
    // and an event inside the unseen minutes is a contradiction
    expect(() =>
      fitPatience([gaveUp(1), called(5)], { unseenBeforeMinutes: 2 }),
    ).toThrow(QueueingInputError);
  });

  it('lognormal patience (mean 12, cv 0.8): the KM median recovers its median', () => {
    // ln P ~ N(μ, σ²): σ² = ln(1 + cv²), μ = ln 12 − σ²/2, median e^μ = 12/√1.64 = 9.37
    const s2 = Math.log(1 + 0.8 * 0.8);
    const mu = Math.log(12) - s2 / 2;
    const f = fitPatience(
      log(5000, 34, (rng) => Math.exp(mu + Math.sqrt(s2) * rng.normal())),
    );
    if (!f || f.medianMinutes === null) throw new Error('no median');
    expect(Math.abs(f.medianMinutes / Math.exp(mu) - 1)).toBeLessThan(0.1);
    // survival falls step by step from near 1
    const s = f.kaplanMeier.survival;
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeLessThan(s[i - 1]);
    expect(s[0]).toBeGreaterThan(0.99);
  });
});
