'use strict';
/**
 * What the browser benches start, as the browser tests do: a fresh database with the small demo
 * (migrated, rolled up), and the built API serving the built dashboard and hall floor on a free
 * port. `stop()` ends the API and drops the database.
 */
const { spawn, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const net = require('node:net');
const path = require('node:path');
const { Client } = require('pg');

const ROOT = path.resolve(__dirname, '../../..');
const ADMIN_URL =
  process.env.BENCH_ADMIN_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PASSWORD = 'OneWindow!2020';
const NX_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0)
    throw new Error(
      `${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`,
    );
  return r.stdout.toString();
}

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = s.address().port;
      s.close(() => resolve(port));
    });
  });
}

async function admin(fn) {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function waitForHealth(base, api) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error('the API exited');
    try {
      if ((await fetch(`${base}/api/v1/health`)).status === 200) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the API did not become healthy');
}

async function login(base, username) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return res.json();
}

/** Starts the stack; `dirs` are the built apps the API serves ({ DASHBOARD_DIR, FLOOR_DIR }). */
async function startStack(dirs, log) {
  const db = `ow_bench_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${db}"`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${db}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: url.toString(),
    REDIS_URL,
    REDIS_PREFIX: `bn${randomBytes(3).toString('hex')}`,
    JWT_SECRET: randomBytes(24).toString('hex'),
    LOG_LEVEL: 'warn',
  };
  let api;
  const stop = async () => {
    if (api && api.exitCode === null) {
      const exited = new Promise((r) => api.once('exit', r));
      api.kill('SIGTERM');
      await exited;
    }
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`));
  };
  try {
    log('fresh database: migrations, small demo, rollups…');
    run(process.execPath, ['dist/apps/cli/main.js', 'migrate'], env);
    run(
      process.execPath,
      ['dist/apps/cli/main.js', 'seed', '--profile', 'small'],
      env,
    );
    run(process.execPath, ['dist/apps/cli/main.js', 'rollup'], env);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    api = spawn(process.execPath, ['dist/apps/api/main.js'], {
      cwd: ROOT,
      env: { ...env, PORT: String(port), ...dirs },
      stdio: 'ignore',
    });
    await waitForHealth(base, api);
    return { base, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

async function launchChromium() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
    ],
  });
}

module.exports = {
  ROOT,
  NX_ENV,
  run,
  login,
  startStack,
  launchChromium,
};
