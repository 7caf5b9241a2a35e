import { todayInShanghai } from './service-date';

describe('todayInShanghai', () => {
  it('turns at midnight in Shanghai (16:00 UTC), not at UTC midnight', () => {
    expect(todayInShanghai(Date.parse('2020-06-30T15:59:59.999Z'))).toBe(
      '2020-06-30',
    );
    expect(todayInShanghai(Date.parse('2020-06-30T16:00:00.000Z'))).toBe(
      '2020-07-01',
    );
    expect(todayInShanghai(Date.parse('2020-07-01T15:59:59.999Z'))).toBe(
      '2020-07-01',
    );
    expect(todayInShanghai(Date.parse('2020-07-01T16:00:00.000Z'))).toBe(
      '2020-07-02',
    );
  });

  it('follows the clock backwards as well as forwards', () => {
    expect(todayInShanghai(Date.parse('2021-01-01T00:00:00Z'))).toBe(
      '2021-01-01',
    );
    expect(todayInShanghai(Date.parse('2020-12-30T17:00:00Z'))).toBe(
      '2020-12-31',
    );
    expect(todayInShanghai(Date.parse('2019-02-28T16:30:00Z'))).toBe(
      '2019-03-01',
    );
  });

  it('defaults to now', () => {
    const expected = new Date(Date.now() + 8 * 3600_000)
      .toISOString()
      .slice(0, 10);
    expect(todayInShanghai()).toBe(expected);
  });
});
