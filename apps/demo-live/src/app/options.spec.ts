import { DEMO_PASSWORD } from '@onewindow/demo-data';
import { OptionsError, liveOptions } from './options';

describe('liveOptions', () => {
  it('is off unless asked for', () => {
    expect(liveOptions({})).toBeNull();
    expect(liveOptions({ DEMO_LIVE: 'off' })).toBeNull();
  });

  it('reads a fast run with its settings, and the demo admin by default', () => {
    const o = liveOptions({
      DEMO_LIVE: 'fast',
      PORT: '3100',
      DEMO_LIVE_DAY_MINUTES: '4',
      DEMO_LIVE_FROM: '09:30',
      DEMO_LIVE_HOURS: '2.5',
      DEMO_LIVE_HALLS: 'a, b',
      DEMO_LIVE_SEED: '7',
    });
    expect(o).toEqual({
      mode: 'fast',
      apiUrl: 'http://127.0.0.1:3100',
      username: 'admin',
      password: DEMO_PASSWORD,
      dayMinutes: 4,
      fromMinute: 570,
      hours: 2.5,
      hallIds: ['a', 'b'],
      seed: 7,
    });
    expect(liveOptions({ DEMO_LIVE: 'realtime' })?.dayMinutes).toBe(30);
  });

  it('refuses what it cannot use, saying which setting', () => {
    for (const [env, name] of [
      [{ DEMO_LIVE: 'slow' }, 'DEMO_LIVE'],
      [
        { DEMO_LIVE: 'fast', DEMO_LIVE_DAY_MINUTES: '0' },
        'DEMO_LIVE_DAY_MINUTES',
      ],
      [{ DEMO_LIVE: 'fast', DEMO_LIVE_HOURS: 'x' }, 'DEMO_LIVE_HOURS'],
      [{ DEMO_LIVE: 'fast', DEMO_LIVE_FROM: '9h' }, 'DEMO_LIVE_FROM'],
    ] as const) {
      expect(() => liveOptions(env)).toThrow(OptionsError);
      expect(() => liveOptions(env)).toThrow(name);
    }
  });
});
