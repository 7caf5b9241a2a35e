/**
 * The living demo: the demo's halls with ticket history open their doors and run a day through
 * the public contract (kiosk, clerks, door counter, rating pads). Its own process, never the API.
 *
 *   DEMO_LIVE=realtime node dist/apps/demo-live/main.js   # the halls' own opening hours
 *   DEMO_LIVE=fast node dist/apps/demo-live/main.js       # a compressed day (30 min), looping
 *
 * Settings: apps/demo-live/src/app/options.ts. SIGINT/SIGTERM stop it cleanly: the clerks finish,
 * the windows close, the devices it paired are revoked.
 */
import pino from 'pino';
import { DemoLive } from './app/live';
import { OptionsError, liveOptions } from './app/options';

async function main(): Promise<number> {
  const log = pino({
    base: { service: 'demo-live' },
    level: process.env['LOG_LEVEL'] ?? 'info',
  });
  let options;
  try {
    options = liveOptions(process.env);
  } catch (e) {
    if (e instanceof OptionsError) {
      log.error(e.message);
      return 2;
    }
    throw e;
  }
  if (!options) {
    log.info('DEMO_LIVE is off: nothing to simulate');
    return 0;
  }
  const live = new DemoLive(options, log);
  let signals = 0;
  const onSignal = (signal: string) => {
    signals++;
    if (signals > 1) process.exit(130);
    log.info(
      { signal },
      'stopping: clerks finish, windows close, devices are revoked',
    );
    live.stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  log.info(
    {
      mode: options.mode,
      api: options.apiUrl,
      dayMinutes: options.dayMinutes,
      seed: options.seed,
    },
    'the demo halls come to life',
  );
  await live.run();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(
      `demo-live failed: ${e instanceof Error ? e.stack : String(e)}\n`,
    );
    process.exit(1);
  },
);
