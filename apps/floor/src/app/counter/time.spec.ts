import { clock, elapsedClock, minutesBetween } from './time';

describe('time helpers', () => {
  it('minutesBetween: whole minutes, null when a moment is missing', () => {
    expect(minutesBetween('2026-12-03T01:00:00Z', '2026-12-03T01:12:59Z')).toBe(
      12,
    );
    expect(minutesBetween('2026-12-03T01:00:00Z', '2026-12-03T01:00:30Z')).toBe(
      0,
    );
    expect(minutesBetween('2026-12-03T01:00:00Z', undefined)).toBeNull();
    expect(minutesBetween('garbage', '2026-12-03T01:00:00Z')).toBeNull();
  });

  it('elapsedClock: m:ss under an hour, h:mm:ss beyond, 0:00 for the future', () => {
    const at = Date.parse('2026-12-03T01:00:00Z');
    expect(elapsedClock('2026-12-03T01:00:00Z', at + 7_000)).toBe('0:07');
    expect(
      elapsedClock('2026-12-03T01:00:00Z', at + 12 * 60_000 + 30_000),
    ).toBe('12:30');
    expect(elapsedClock('2026-12-03T01:00:00Z', at + 3_723_000)).toBe(
      '1:02:03',
    );
    expect(elapsedClock('2026-12-03T01:00:00Z', at - 5_000)).toBe('0:00');
    expect(elapsedClock(undefined, at)).toBe('0:00');
  });

  it('clock shows Beijing time', () => {
    expect(clock('2026-12-03T01:41:00Z')).toBe('09:41');
  });
});
