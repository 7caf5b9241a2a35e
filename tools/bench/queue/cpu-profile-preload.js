'use strict';
/**
 * Preloaded into the API by `bench.js --cpu-prof <dir>` (node -r), which spawns the API with an
 * IPC channel; inert without one or without BENCH_CPU_PROFILE_DIR. The message {profile: 'start'}
 * starts the V8 sampling profiler through the in-process inspector; {profile: 'stop', name} writes
 * $BENCH_CPU_PROFILE_DIR/<name>.cpuprofile and answers {written: <file>}.
 * (Signals are no use here: Nest's shutdown hooks take SIGUSR2 and the others, and `node --cpu-prof`
 * only writes at a normal exit, while the bench ends the API with SIGTERM.)
 */
const inspector = require('node:inspector');
const fs = require('node:fs');
const path = require('node:path');

const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir && process.send) {
  process.channel?.unref();
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable', () =>
    session.post('Profiler.setSamplingInterval', { interval: 500 }),
  );
  process.on('message', (msg) => {
    if (msg?.profile === 'start') session.post('Profiler.start');
    else if (msg?.profile === 'stop')
      session.post('Profiler.stop', (err, result) => {
        if (err || !result) return process.send({ error: String(err) });
        fs.mkdirSync(dir, { recursive: true });
        const name = String(msg.name).replace(/[^A-Za-z0-9_-]/g, '_');
        const file = path.join(dir, `${name}.cpuprofile`);
        fs.writeFileSync(file, JSON.stringify(result.profile));
        process.send({ written: file });
      });
  });
}
