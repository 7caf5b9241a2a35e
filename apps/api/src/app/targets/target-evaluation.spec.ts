import {
  daysBetween,
  evaluationDate,
  extrapolate,
  factSpan,
  needsTrend,
  ratio,
  satisfies,
  shiftDate,
  targetStatus,
  type StatusInput,
} from './target-evaluation';

describe('target evaluation', () => {
  it('evaluates as of today, or as of the due date once it has passed', () => {
    expect(evaluationDate('2020-12-31', '2025-03-01')).toBe('2020-12-31');
    expect(evaluationDate('2025-03-01', '2025-03-01')).toBe('2025-03-01');
    expect(evaluationDate('2026-01-01', '2025-03-01')).toBe('2025-03-01');
  });

  it('takes the 30 days up to the date, across month and leap-year ends', () => {
    expect(factSpan('2020-12-31')).toEqual({
      from: '2020-12-02',
      to: '2020-12-31',
    });
    expect(factSpan('2020-03-01')).toEqual({
      from: '2020-02-01',
      to: '2020-03-01',
    });
    expect(shiftDate('2020-03-01', -90)).toBe('2019-12-02');
    expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2);
    expect(daysBetween('2020-03-01', '2020-02-28')).toBe(-2);
  });

  it('divides to 4 decimals, and gives nothing without a denominator', () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(1, 3)).toBe(0.3333);
    expect(ratio(2, 3)).toBe(0.6667);
    expect(ratio(0, 5)).toBe(0);
    expect(ratio(5, 0)).toBeNull();
  });

  it.each([
    [29, 'lt', 30, true],
    [30, 'lt', 30, false],
    [30, 'le', 30, true],
    [0.8, 'ge', 0.8, true],
    [0.7999, 'ge', 0.8, false],
    [0.8001, 'gt', 0.8, true],
    [0.8, 'gt', 0.8, false],
    [0.1 + 0.2, 'eq', 0.3, true],
    [0.31, 'eq', 0.3, false],
  ] as const)('%s %s %s → %s', (actual, comparison, target, expected) => {
    expect(satisfies(actual, comparison, target)).toBe(expected);
  });

  it('extrapolates the last 90 days linearly', () => {
    // 40 → 31 over 90 days: −0.1 a day
    expect(extrapolate(40, 31, 30)).toBe(28);
    expect(extrapolate(0.5, 0.6, 45)).toBe(0.65);
    expect(extrapolate(10, 10, 365)).toBe(10);
  });

  describe('status', () => {
    const base: StatusInput = {
      comparison: 'lt',
      value: 30,
      dueDate: '2025-06-30',
      today: '2025-04-01',
      actual: 31,
      past: 40,
    };

    it('is met whenever the actual satisfies the target, even after the due date', () => {
      expect(targetStatus({ ...base, actual: 29 })).toBe('met');
      expect(
        targetStatus({
          ...base,
          actual: 29,
          dueDate: '2020-12-31',
          past: null,
        }),
      ).toBe('met');
    });

    it('is missed once the due date has passed (not on it)', () => {
      expect(targetStatus({ ...base, dueDate: '2025-03-31' })).toBe('missed');
      expect(
        targetStatus({ ...base, dueDate: '2025-04-01', past: 31 - 9e-9 }),
      ).toBe('behind');
    });

    it('is on track when the trend reaches the target by the due date, else behind', () => {
      // 90 days to the due date at −0.1 a day: 22 < 30
      expect(targetStatus(base)).toBe('on_track');
      // 5 days at −0.1 a day: 30.5
      expect(targetStatus({ ...base, dueDate: '2025-04-06' })).toBe('behind');
      // exactly reaching a "less than" is not enough; reaching a "at most" is
      expect(targetStatus({ ...base, dueDate: '2025-04-11' })).toBe('behind');
      expect(
        targetStatus({ ...base, comparison: 'le', dueDate: '2025-04-11' }),
      ).toBe('on_track');
      // moving away from the target
      expect(targetStatus({ ...base, past: 25 })).toBe('behind');
      // no value 90 days back: no trend
      expect(targetStatus({ ...base, past: null })).toBe('behind');
    });

    it('is on track for an equality the trend crosses before the due date', () => {
      const eq = { ...base, comparison: 'eq' as const, value: 0.8 };
      expect(targetStatus({ ...eq, actual: 0.7, past: 0.6 })).toBe('on_track');
      expect(targetStatus({ ...eq, actual: 0.7, past: 0.8 })).toBe('behind');
      expect(
        targetStatus({ ...eq, actual: 0.7, past: 0.69, dueDate: '2025-04-10' }),
      ).toBe('behind');
    });

    it('has no data without an actual', () => {
      expect(targetStatus({ ...base, actual: null })).toBe('no_data');
      expect(
        targetStatus({ ...base, actual: null, dueDate: '2020-01-01' }),
      ).toBe('no_data');
    });

    it('asks for the trend only of open targets not yet met', () => {
      expect(needsTrend(31, 'lt', 30, '2025-06-30', '2025-04-01')).toBe(true);
      expect(needsTrend(31, 'lt', 30, '2025-04-01', '2025-04-01')).toBe(true);
      expect(needsTrend(29, 'lt', 30, '2025-06-30', '2025-04-01')).toBe(false);
      expect(needsTrend(31, 'lt', 30, '2025-03-31', '2025-04-01')).toBe(false);
      expect(needsTrend(null, 'lt', 30, '2025-06-30', '2025-04-01')).toBe(
        false,
      );
    });
  });
});
