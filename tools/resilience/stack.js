'use strict';
/**
 * The stack under test: two instances of the built API (dist/apps/api/main.js) and the built
 * worker (dist/apps/worker/main.js) on the suite's own PostgreSQL and Redis, loopback only, logs in
 * the run's directory. Each process can be killed (SIGKILL) and started again on the same port.
 */
const { randomBytes } = require('node:crypto');
const path = require('node:path');
const {
  ROOT,
  sleep,
  freePort,
  startChild,
  waitForHealth,
  stopChild,
} = require('../bench/common/processes');

/** The environment of every process (besides PORT). */
function stackEnv({ databaseUrl, redisUrl }) {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `rs${randomBytes(3).toString('hex')}`,
    JWT_SECRET: randomBytes(24).toString('hex'),
    LOG_LEVEL: 'warn',
    MIGRATE_ON_START: 'false',
    // kiosks and citizens all come from 127.0.0.1 here: the per-address limits are for the
    // abuse checks, which send their own addresses (X-Forwarded-For from the loopback proxy)
    PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
    DEVICE_RATE_LIMIT_PER_MINUTE: '6000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '20',
    // a job of a killed worker runs again after about this long
    JOB_LOCK_SECONDS: '10',
    OUTBOX_POLL_MS: '500',
    PLANNING_THREADS: '1',
  };
}

/** One node process of the stack that can be killed and started again. */
function managed(name, script, env, work, port = null) {
  let child = null;
  let starts = 0;
  const health = port ? `http://127.0.0.1:${port}/api/v1/health` : null;
  return {
    name,
    port,
    base: port ? `http://127.0.0.1:${port}` : null,
    get child() {
      return child;
    },
    get pid() {
      return child?.pid ?? null;
    },
    get starts() {
      return starts;
    },
    alive: () =>
      !!child && child.exitCode === null && child.signalCode === null,
    async start() {
      starts++;
      child = startChild(
        name,
        [path.join(ROOT, script)],
        { ...env, ...(port ? { PORT: String(port) } : {}) },
        { logFile: path.join(work, `${name}.log`) },
      );
      if (health) await waitForHealth(child, health, 90_000);
      else {
        // the worker has no HTTP: alive after its modules are up
        await sleep(3000);
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`${name} exited at start: see ${child.logFile}`);
      }
    },
    /** SIGKILL, as a crash or an OOM kill would end it. */
    async kill() {
      if (!child) return;
      child.kill('SIGKILL');
      await child.exited;
    },
    async stop() {
      await stopChild(child);
    },
  };
}

async function startStack({ databaseUrl, redisUrl, work }) {
  const env = stackEnv({ databaseUrl, redisUrl });
  const [portA, portB] = [await freePort(), await freePort()];
  const apis = [
    managed('api-a', 'dist/apps/api/main.js', env, work, portA),
    managed('api-b', 'dist/apps/api/main.js', env, work, portB),
  ];
  const worker = managed('worker', 'dist/apps/worker/main.js', env, work);
  const all = [...apis, worker];
  return {
    env,
    apis,
    worker,
    async start() {
      await Promise.all(all.map((p) => p.start()));
    },
    async stop() {
      await Promise.all(all.map((p) => p.stop()));
    },
  };
}

module.exports = { startStack };
