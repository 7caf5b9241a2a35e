import {
  isInt,
  isNum,
  isObj,
  num,
  SHARE_SUM_TOLERANCE,
  shareSum,
  target,
  time,
} from './fields';

/** Runs a check and returns what it returned and the messages it pushed. */
function run<T>(check: (errors: string[]) => T): { ok: T; errors: string[] } {
  const errors: string[] = [];
  const ok = check(errors);
  return { ok, errors };
}

describe('shape guards', () => {
  it('tell plain objects, finite numbers and safe integers apart', () => {
    expect([{}, [], null, 'x'].map(isObj)).toEqual([true, false, false, false]);
    expect([1.5, NaN, Infinity, '1'].map(isNum)).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect([3, 3.5, 2 ** 53, -7].map(isInt)).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });
});

describe('num', () => {
  it('passes a value within every bound and pushes nothing', () => {
    expect(
      run((e) => num(e, 'x', 5, { integer: true, min: 5, max: 5 })),
    ).toEqual({ ok: true, errors: [] });
  });

  it('reports only the first rule broken, in the order type, whole, min, >, max, <', () => {
    const rules = {
      integer: true,
      min: 0,
      minExclusive: 1,
      max: 10,
      maxExclusive: 9,
    };
    const cases: [unknown, string][] = [
      ['7', 'x must be a finite number'],
      [NaN, 'x must be a finite number'],
      [2.5, 'x must be a whole number (got 2.5)'],
      [-1, 'x must be ≥ 0 (got -1)'],
      [1, 'x must be > 1 (got 1)'],
      [11, 'x must be ≤ 10 (got 11)'],
      [9, 'x must be < 9 (got 9)'],
    ];
    for (const [v, message] of cases) {
      expect(run((e) => num(e, 'x', v, rules))).toEqual({
        ok: false,
        errors: [message],
      });
    }
    expect(run((e) => num(e, 'x', 2, rules))).toEqual({ ok: true, errors: [] });
  });
});

describe('time', () => {
  it('returns minutes since midnight, or NaN and a message naming the field', () => {
    expect(run((e) => time(e, 'open', '08:30'))).toEqual({
      ok: 510,
      errors: [],
    });
    expect(run((e) => time(e, 'open', 1440))).toEqual({ ok: 1440, errors: [] });
    const bad = run((e) => time(e, 'open', '8:30'));
    expect(bad.ok).toBeNaN();
    expect(bad.errors).toEqual([
      'open must be "HH:MM" (00:00–24:00) or minutes since midnight (0–1440)',
    ]);
  });
});

describe('target', () => {
  it('allows a share of 1 unless the share must stay below 1', () => {
    const t = { waitMinutes: 10, share: 1 };
    expect(run((e) => target(e, 'target', t, false)).errors).toEqual([]);
    expect(run((e) => target(e, 'target', t, true)).errors).toEqual([
      'target.share must be < 1 (got 1)',
    ]);
  });

  it('names each bad field, and the target itself when it is no object', () => {
    expect(
      run((e) => target(e, 't', { waitMinutes: -1, share: 0 }, false)).errors,
    ).toEqual([
      't.waitMinutes must be ≥ 0 (got -1)',
      't.share must be > 0 (got 0)',
    ]);
    expect(run((e) => target(e, 't', [], false)).errors).toEqual([
      't must be an object {waitMinutes, share}',
    ]);
  });
});

describe('shareSum', () => {
  it('accepts a sum within SHARE_SUM_TOLERANCE of 1 and names the list otherwise', () => {
    expect(
      run((e) => shareSum(e, 'p', 1 + SHARE_SUM_TOLERANCE / 2)).errors,
    ).toEqual([]);
    expect(run((e) => shareSum(e, 'p', 0.9)).errors).toEqual([
      'p shares must sum to 1 (they sum to 0.9)',
    ]);
  });
});
