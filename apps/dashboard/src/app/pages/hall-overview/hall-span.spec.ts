import { defaultSpan } from './hall-span';

describe('defaultSpan', () => {
  const hall = (
    tickets: [string, string] | null,
    facts: [string, string] | null,
  ) => ({
    hallId: 'h',
    tickets: tickets && { from: tickets[0], to: tickets[1] },
    facts: facts && { from: facts[0], to: facts[1] },
  });

  it("opens on the last two years of the hall's data, ending on its last day with data", () => {
    expect(
      defaultSpan(
        hall(['2020-08-17', '2020-08-28'], ['2019-01-01', '2020-12-31']),
        '2026-12-04',
      ),
    ).toEqual({ from: '2019-01-01', to: '2020-12-31' });
    // a longer history: two calendar years back from the last day
    expect(
      defaultSpan(hall(['2015-03-01', '2021-06-30'], null), '2026-12-04'),
    ).toEqual({ from: '2019-07-01', to: '2021-06-30' });
    // a short history: all of it
    expect(
      defaultSpan(hall(['2020-08-17', '2020-08-28'], null), '2026-12-04'),
    ).toEqual({
      from: '2020-08-17',
      to: '2020-08-28',
    });
  });

  it('opens on the last 30 days for a hall without data', () => {
    expect(defaultSpan(hall(null, null), '2026-12-04')).toEqual({
      from: '2026-11-05',
      to: '2026-12-04',
    });
    expect(defaultSpan(null, '2026-03-01')).toEqual({
      from: '2026-01-31',
      to: '2026-03-01',
    });
  });
});
