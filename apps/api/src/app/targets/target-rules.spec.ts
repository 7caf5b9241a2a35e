import { targetProblems, type TargetFields } from './target-rules';

const fields = (over: Partial<TargetFields>): TargetFields => ({
  metric: 'windows',
  comparison: 'lt',
  value: 30,
  parameter: null,
  ...over,
});

describe('targetProblems', () => {
  it('accepts the targets of the report', () => {
    expect(targetProblems(fields({}))).toEqual([]);
    expect(
      targetProblems(
        fields({ metric: 'online_rate', comparison: 'ge', value: 0.8 }),
      ),
    ).toEqual([]);
    expect(
      targetProblems(
        fields({
          metric: 'consultation_mix',
          comparison: 'ge',
          value: 0.6,
          parameter: 0.3,
        }),
      ),
    ).toEqual([]);
    expect(
      targetProblems(
        fields({
          metric: 'within_minutes_share',
          comparison: 'ge',
          value: 0.8,
          parameter: 15,
        }),
      ),
    ).toEqual([]);
    expect(
      targetProblems(
        fields({ metric: 'mean_wait', comparison: 'le', value: 10 }),
      ),
    ).toEqual([]);
  });

  it.each(['online_rate', 'within_minutes_share', 'consultation_mix'] as const)(
    'keeps the %s value a share',
    (metric) => {
      const problems = targetProblems(
        fields({
          metric,
          value: 80,
          parameter: metric === 'within_minutes_share' ? 15 : null,
        }),
      );
      expect(problems).toEqual([
        {
          field: 'value',
          problems: [expect.stringContaining('between 0 and 1')],
        },
      ]);
    },
  );

  it('needs whole minutes up to a day for within_minutes_share', () => {
    for (const parameter of [null, 0, -5, 7.5, 10.01, 1441, 2000]) {
      expect(
        targetProblems(
          fields({ metric: 'within_minutes_share', value: 0.8, parameter }),
        ),
      ).toEqual([
        { field: 'parameter', problems: [expect.stringContaining('minutes')] },
      ]);
    }
  });

  it('takes every whole minute from 1 to 1440 for within_minutes_share', () => {
    for (const parameter of [1, 15, 90, 1440])
      expect(
        targetProblems(
          fields({ metric: 'within_minutes_share', value: 0.8, parameter }),
        ),
      ).toEqual([]);
  });

  it('keeps the consultation mix within 1', () => {
    expect(
      targetProblems(
        fields({ metric: 'consultation_mix', value: 0.6, parameter: 1.5 }),
      ),
    ).toEqual([
      {
        field: 'parameter',
        problems: [expect.stringContaining('between 0 and 1')],
      },
    ]);
    expect(
      targetProblems(
        fields({ metric: 'consultation_mix', value: 0.8, parameter: 0.3 }),
      ),
    ).toEqual([
      { field: 'parameter', problems: [expect.stringContaining('exceed 1')] },
    ]);
  });

  it('refuses a parameter for metrics that take none', () => {
    expect(targetProblems(fields({ parameter: 3 }))).toEqual([
      {
        field: 'parameter',
        problems: [expect.stringContaining('not used by windows')],
      },
    ]);
  });
});
