import { DateTime } from 'luxon';
import { SimClock, clockTime } from './clock';

describe('SimClock', () => {
  it('fast: a hall-day (08:30–17:00) in 30 real minutes, restarted at opening', () => {
    let now = 1_000_000;
    const speed = (17 * 60 - 510) / 30;
    const clock = new SimClock('fast', 'Asia/Shanghai', speed, 510, () => now);
    expect(clock.minute()).toBe(510);
    now += 15 * 60_000;
    expect(clock.minute()).toBeCloseTo(510 + 255, 9);
    expect(clock.msUntil(17 * 60)).toBeCloseTo(15 * 60_000, 6);
    expect(clock.realMs(17)).toBeCloseTo(60_000, 6);
    now += 20 * 60_000;
    expect(clock.msUntil(600)).toBe(0);
    clock.restart(510);
    expect(clock.minute()).toBe(510);
  });

  it("realtime: the hall's own wall clock and date", () => {
    // 2026-12-04 01:30 UTC is 09:30 in Shanghai, a Friday
    const ms = DateTime.fromISO('2026-12-04T01:30:00Z').toMillis();
    const clock = new SimClock('realtime', 'Asia/Shanghai', 1, 0, () => ms);
    expect(clock.minute()).toBe(570);
    expect(clock.today()).toEqual({ date: '2026-12-04', weekday: 5 });
    const urumqi = new SimClock('realtime', 'Asia/Urumqi', 1, 0, () => ms);
    expect(urumqi.minute()).toBe(570 - 120);
    expect(() => urumqi.restart(0)).toThrow(/wall clock/);
    expect(() => new SimClock('realtime', 'Asia/Shanghai', 2)).toThrow();
  });

  it('writes minutes as HH:MM', () => {
    expect(clockTime(510)).toBe('08:30');
    expect(clockTime(1019.9)).toBe('16:59');
  });
});
