'use strict';
/**
 * bench:queue's three servers on the one database: the built API, plain-server.js as the plain
 * baseline and as the lean floor (pool of 20 each) on free ports, with their logs in the run's work directory; and what a run costs each of
 * them: its process's CPU time and what its pool connections do in PostgreSQL meanwhile.
 */
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { Client } = require('pg');
const { REDIS_URL } = require('../common/db');
const { log } = require('../common/figures');
const {
  ROOT,
  sleep,
  freePort,
  startChild,
  waitForHealth,
  stopChild,
} = require('../common/processes');

/** Whether the Redis at REDIS_URL answers PING. */
function redisReachable() {
  const u = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const s = net.connect(Number(u.port || 6379), u.hostname);
    s.setTimeout(1000);
    s.on('connect', () => {
      s.write('PING\r\n');
    });
    s.on('data', (d) => {
      resolve(d.toString().startsWith('+PONG'));
      s.destroy();
    });
    s.on('error', () => resolve(false));
    s.on('timeout', () => {
      resolve(false);
      s.destroy();
    });
  });
}

/** CPU seconds (user + system) a process has used so far, from /proc (NaN elsewhere). */
function cpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime + stime, USER_HZ = 100
  } catch {
    return NaN;
  }
}

/**
 * Samples, every 250 ms, what the server's pool connections are doing in PostgreSQL: running a
 * statement, waiting for a lock, waiting for I/O (e.g. the WAL flush of a commit), idle inside a
 * transaction (PostgreSQL waits for the server's next statement), or idle in the pool.
 */
function poolSampler(url, dbName, appName) {
  const c = new Client({
    connectionString: url,
    application_name: 'onewindow-bench-sampler',
  });
  const sums = { running: 0, lock: 0, io: 0, inTx: 0, idle: 0 };
  let n = 0;
  let timer = null;
  let busy = false;
  const sample = async () => {
    if (busy) return;
    busy = true;
    try {
      const {
        rows: [r],
      } = await c.query(
        `SELECT count(*) FILTER (WHERE state = 'active' AND wait_event_type = 'Lock')::int AS lock,
                count(*) FILTER (WHERE state = 'active' AND wait_event_type = 'IO')::int AS io,
                count(*) FILTER (WHERE state = 'active' AND coalesce(wait_event_type, '') NOT IN ('Lock', 'IO'))::int AS running,
                count(*) FILTER (WHERE state LIKE 'idle in transaction%')::int AS "inTx",
                count(*) FILTER (WHERE state = 'idle')::int AS idle
         FROM pg_stat_activity WHERE datname = $1 AND application_name = $2`,
        [dbName, appName],
      );
      for (const k of Object.keys(sums)) sums[k] += r[k];
      n++;
    } catch {
      /* a missed sample */
    } finally {
      busy = false;
    }
  };
  return {
    async start() {
      await c.connect();
      timer = setInterval(sample, 250);
    },
    async stop() {
      clearInterval(timer);
      await c.end().catch(() => undefined);
      const mean = {};
      for (const k of Object.keys(sums)) mean[k] = n ? sums[k] / n : NaN;
      return mean;
    },
  };
}

/**
 * The API, the plain baseline and the lean floor on database `dbName` at `url` (`rand` makes the API's Redis prefix;
 * `cpuProfDir`, when set, gets their CPU profiles): `start()` starts them and fills `servers`,
 * `measure()` runs one load on one of them, `stop()` ends them.
 */
function serverStack({ url, dbName, rand, work, cpuProfDir }) {
  let api = null;
  let plain = null;
  let lean = null;
  const servers = {};
  const profiles = [];
  // as deployed: the API and the plain baseline log every request at info; they share the secret
  // (status tokens) and the device limit
  const LOG_LEVEL = 'info';
  const JWT_SECRET = randomBytes(24).toString('hex');
  const DEVICE_RATE_LIMIT_PER_MINUTE = '1000000';

  async function start() {
    const [apiPort, plainPort, leanPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
    ]);
    const apiArgs = [];
    const apiEnv = {
      PORT: String(apiPort),
      DATABASE_URL: url,
      REDIS_URL,
      REDIS_PREFIX: `benchq${rand}`,
      LOG_LEVEL,
      // 100000000 (as first specified) is above the config's validated maximum and stops the API
      DEVICE_RATE_LIMIT_PER_MINUTE,
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      MIGRATE_ON_START: 'false',
      NODE_ENV: 'production',
      JWT_SECRET,
    };
    if (cpuProfDir) {
      apiArgs.push('-r', path.join(__dirname, 'cpu-profile-preload.js'));
      apiEnv.BENCH_CPU_PROFILE_DIR = cpuProfDir;
    }
    apiArgs.push(path.join(ROOT, 'dist/apps/api/main.js'));
    log(
      `starting the API on :${apiPort}, the plain server on :${plainPort} and the lean floor on :${leanPort} (logs in ${work})`,
    );
    api = startChild('api', apiArgs, apiEnv, {
      logFile: path.join(work, 'api.log'),
      ipc: !!cpuProfDir,
    });
    const baseline = (mode, port) =>
      startChild(
        mode,
        [
          // the baseline ends with process.exit on SIGTERM, so --cpu-prof writes its whole run
          ...(cpuProfDir
            ? [
                '--cpu-prof',
                '--cpu-prof-dir',
                cpuProfDir,
                '--cpu-prof-name',
                `${mode}-whole-run.cpuprofile`,
              ]
            : []),
          path.join(__dirname, 'plain-server.js'),
        ],
        {
          PORT: String(port),
          DATABASE_URL: url,
          PLAIN_MODE: mode,
          REDIS_URL,
          // its own channel: the API's instance must not be woken by the baseline's publishes
          REDIS_PREFIX: `benchp${rand}`,
          LOG_LEVEL,
          JWT_SECRET,
          DEVICE_RATE_LIMIT_PER_MINUTE,
        },
        { logFile: path.join(work, `${mode}.log`) },
      );
    plain = baseline('plain', plainPort);
    lean = baseline('lean', leanPort);
    await Promise.all([
      waitForHealth(api, `http://127.0.0.1:${apiPort}/api/v1/health`),
      waitForHealth(plain, `http://127.0.0.1:${plainPort}/health`),
      waitForHealth(lean, `http://127.0.0.1:${leanPort}/health`),
    ]);
    servers.plain = {
      child: plain,
      port: plainPort,
      prefix: '',
      appName: 'onewindow-bench-plain',
    };
    servers.lean = {
      child: lean,
      port: leanPort,
      prefix: '',
      appName: 'onewindow-bench-lean',
    };
    servers.api = {
      child: api,
      port: apiPort,
      prefix: '/api/v1',
      appName: 'onewindow-api', // app.module.ts: extra.application_name
    };
  }

  /** Runs `fn` with the API's CPU profiler on (when --cpu-prof), saved as <name>.cpuprofile. */
  async function profiled(name, fn) {
    if (!cpuProfDir) return fn();
    api.send({ profile: 'start' });
    try {
      return await fn();
    } finally {
      const written = new Promise((resolve) =>
        api.once('message', (m) => resolve(m)),
      );
      api.send({ profile: 'stop', name });
      const m = await Promise.race([written, sleep(10_000)]);
      if (m?.written) profiles.push(m.written);
      else log(`no CPU profile for ${name}: ${JSON.stringify(m)}`);
    }
  }

  /** One load run on one server: CPU of the server process around it, profiled if asked. */
  async function measure(server, name, load) {
    const pid = servers[server].child.pid;
    const sampler = poolSampler(url, dbName, servers[server].appName);
    await sampler.start();
    const cpu0 = cpuSeconds(pid);
    const res = await (server === 'api'
      ? profiled(`api-${name.replace(/\W+/g, '-')}`, load)
      : load());
    res.cpuMs = ((cpuSeconds(pid) - cpu0) * 1000) / res.responses;
    res.pool = await sampler.stop();
    return res;
  }

  return {
    servers,
    profiles,
    start,
    measure,
    stop: () =>
      Promise.all([stopChild(api), stopChild(plain), stopChild(lean)]),
  };
}

module.exports = { redisReachable, serverStack };
