import { clockDate, clockTime } from './board-time';

describe("the board's clock", () => {
  const at = Date.parse('2026-12-03T01:41:30.000Z');

  it('shows Beijing time, whatever the time zone of the TV', () => {
    expect(clockTime(at)).toBe('09:41');
    expect(clockTime('2026-12-03T15:05:00.000Z')).toBe('23:05');
  });

  it('shows the day in the language of the board', () => {
    expect(clockDate(at, 'zh')).toContain('12月3日');
    expect(clockDate(at, 'en')).toContain('3 December');
    // 23:30 UTC is already the next day in Beijing
    expect(clockDate(Date.parse('2026-12-03T23:30:00.000Z'), 'zh')).toContain(
      '12月4日',
    );
  });
});
