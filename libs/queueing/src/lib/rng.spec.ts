import { drawService } from './customers';
import { compileService } from './model';
import { Rng } from './rng';

function moments(draw: () => number, n: number): { mean: number; cv: number } {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    s += x;
    s2 += x * x;
  }
  const mean = s / n;
  return { mean, cv: Math.sqrt(s2 / n - mean * mean) / mean };
}

describe('Rng (xoshiro128**)', () => {
  it('is deterministic per (seed, stream) and differs across seeds and streams', () => {
    const a = new Rng(42, 3);
    const b = new Rng(42, 3);
    const xs = Array.from({ length: 100 }, () => a.nextInt32());
    expect(Array.from({ length: 100 }, () => b.nextInt32())).toEqual(xs);
    const c = new Rng(43, 3);
    const d = new Rng(42, 4);
    expect(Array.from({ length: 100 }, () => c.nextInt32())).not.toEqual(xs);
    expect(Array.from({ length: 100 }, () => d.nextInt32())).not.toEqual(xs);
    // seeds beyond 32 bits are distinct too
    const e = new Rng(2 ** 40 + 42, 3);
    expect(Array.from({ length: 100 }, () => e.nextInt32())).not.toEqual(xs);
  });

  it('uniform draws lie in (0, 1) with mean 1/2 and variance 1/12', () => {
    const r = new Rng(1);
    let s = 0;
    let s2 = 0;
    const n = 200_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      if (!(u > 0 && u < 1)) outside++;
      s += u;
      s2 += u * u;
    }
    expect(outside).toBe(0);
    expect(s / n).toBeCloseTo(0.5, 2);
    expect(s2 / n - (s / n) ** 2).toBeCloseTo(1 / 12, 3);
  });

  it('service distributions have the requested mean and cv', () => {
    const r = new Rng(9);
    const n = 200_000;
    for (const spec of [
      { distribution: 'exponential' as const, meanMinutes: 12 },
      { distribution: 'lognormal' as const, meanMinutes: 8, cv: 0.7 },
      { distribution: 'gamma' as const, meanMinutes: 6, cv: 0.5 },
      { distribution: 'gamma' as const, meanMinutes: 6, cv: 2 }, // shape < 1
      { distribution: 'deterministic' as const, meanMinutes: 5 },
    ]) {
      const svc = compileService(spec);
      const m = moments(() => drawService(r, svc), n);
      const cv = spec.distribution === 'exponential' ? 1 : (spec.cv ?? 0);
      expect(Math.abs(m.mean / spec.meanMinutes - 1)).toBeLessThan(0.02);
      expect(Math.abs(m.cv - cv)).toBeLessThan(0.04 * Math.max(1, cv));
    }
    const emp = compileService({
      distribution: 'empirical',
      samples: [2, 4, 4, 10],
    });
    const seen = new Set<number>();
    const m = moments(() => {
      const x = drawService(r, emp);
      seen.add(x);
      return x;
    }, n);
    expect([...seen].sort((a, b) => a - b)).toEqual([2, 4, 10]);
    expect(m.mean).toBeCloseTo(5, 1);
  });
});
