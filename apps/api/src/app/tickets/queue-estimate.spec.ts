import { chooseNext, streakAfter } from './queue-estimate';

const NOW = new Date('2020-11-02T10:00:00+08:00');
const minutesAgo = (m: number) => ({
  queuedAt: new Date(NOW.getTime() - m * 60_000),
});
const RULES = { priorityStreakCap: 3, normalMaxWaitMinutes: 45 };

describe('chooseNext (the green channel)', () => {
  it('calls a priority ticket before normal ones that came long before it', () => {
    expect(chooseNext(minutesAgo(40), minutesAgo(0), 0, RULES, NOW)).toBe(
      'priority',
    );
  });

  it('calls whichever class is there when the other is not', () => {
    expect(chooseNext(null, minutesAgo(1), 5, RULES, NOW)).toBe('priority');
    expect(chooseNext(minutesAgo(1), null, 0, RULES, NOW)).toBe('normal');
    expect(chooseNext(null, null, 0, RULES, NOW)).toBeNull();
  });

  it('hands the window to the oldest normal ticket after the streak cap', () => {
    expect(chooseNext(minutesAgo(5), minutesAgo(1), 2, RULES, NOW)).toBe(
      'priority',
    );
    expect(chooseNext(minutesAgo(5), minutesAgo(1), 3, RULES, NOW)).toBe(
      'normal',
    );
  });

  it('calls a normal ticket first once it has waited the hall’s maximum', () => {
    expect(chooseNext(minutesAgo(44.9), minutesAgo(50), 0, RULES, NOW)).toBe(
      'priority',
    );
    expect(chooseNext(minutesAgo(45), minutesAgo(50), 0, RULES, NOW)).toBe(
      'normal',
    );
  });

  it('counts a streak of priority calls and ends it with a normal one', () => {
    expect(streakAfter(0, 'priority')).toBe(1);
    expect(streakAfter(2, 'priority')).toBe(3);
    expect(streakAfter(3, 'normal')).toBe(0);
  });
});
