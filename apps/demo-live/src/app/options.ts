import { DEMO_PASSWORD } from '@onewindow/demo-data';
import { toMinutes } from '@onewindow/queueing';
import type { LiveOptions } from './live';

export class OptionsError extends Error {}

/**
 * The simulator's settings from the environment:
 * - DEMO_LIVE: off | realtime | fast (default off: only the demo turns it on)
 * - DEMO_LIVE_API: the API's address (default http://127.0.0.1:$PORT, PORT 3000)
 * - DEMO_LIVE_USER / DEMO_LIVE_PASSWORD: an admin login (default: the demo's admin)
 * - DEMO_LIVE_DAY_MINUTES: fast: real minutes per hall-day (default 30)
 * - DEMO_LIVE_FROM: fast: the time of day to start at, HH:MM (default: opening)
 * - DEMO_LIVE_HOURS: stop after this many simulated hours (default: run until stopped)
 * - DEMO_LIVE_HALLS: comma-separated hall ids (default: every hall with ticket history)
 * - DEMO_LIVE_SEED: the random seed (default: a new one each run)
 */
export function liveOptions(env: NodeJS.ProcessEnv): LiveOptions | null {
  const mode = (env['DEMO_LIVE'] ?? 'off').trim();
  if (mode === 'off' || mode === '') return null;
  if (mode !== 'realtime' && mode !== 'fast')
    throw new OptionsError(
      `DEMO_LIVE must be off, realtime or fast, not "${mode}"`,
    );
  const number = (name: string, fallback?: number): number | undefined => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0)
      throw new OptionsError(`${name} must be a positive number, not "${v}"`);
    return n;
  };
  const from = env['DEMO_LIVE_FROM'];
  const fromMinute = from ? toMinutes(from) : undefined;
  if (from && Number.isNaN(fromMinute))
    throw new OptionsError(`DEMO_LIVE_FROM must be HH:MM, not "${from}"`);
  const seed = number('DEMO_LIVE_SEED');
  return {
    mode,
    apiUrl: (
      env['DEMO_LIVE_API'] ?? `http://127.0.0.1:${env['PORT'] ?? 3000}`
    ).replace(/\/+$/, ''),
    username: env['DEMO_LIVE_USER'] ?? 'admin',
    password: env['DEMO_LIVE_PASSWORD'] ?? DEMO_PASSWORD,
    dayMinutes: number('DEMO_LIVE_DAY_MINUTES', 30) as number,
    fromMinute,
    hours: number('DEMO_LIVE_HOURS'),
    hallIds: env['DEMO_LIVE_HALLS']
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    seed: seed ?? Math.floor(Math.random() * 2 ** 31),
  };
}
