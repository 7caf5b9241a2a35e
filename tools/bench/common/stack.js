'use strict';
/**
 * What the browser benches start, as the browser tests do: a fresh database with the small demo
 * (migrated, rolled up), and the built API serving the built dashboard and hall floor on a free
 * port. `stop()` ends the API and drops the database.
 */
const { randomBytes } = require('node:crypto');
const { REDIS_URL, createDatabase, dropDatabase } = require('./db');
const {
  ROOT,
  run,
  freePort,
  startChild,
  waitForHealth,
  stopChild,
} = require('./processes');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PASSWORD = 'OneWindow!2020';
const NX_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

/** Logs a demo user in (every demo user has the demo password); returns the login answer. */
async function login(base, username) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200)
    throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Starts the stack; `dirs` are the built apps the API serves ({ DASHBOARD_DIR, FLOOR_DIR }). */
async function startStack(dirs, log) {
  const db = `ow_bench_${randomBytes(4).toString('hex')}`;
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: await createDatabase(db),
    REDIS_URL,
    REDIS_PREFIX: `bn${randomBytes(3).toString('hex')}`,
    JWT_SECRET: randomBytes(24).toString('hex'),
    LOG_LEVEL: 'warn',
  };
  let api;
  const stop = async () => {
    await stopChild(api);
    await dropDatabase(db);
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
    api = startChild('the API', ['dist/apps/api/main.js'], {
      ...env,
      PORT: String(port),
      ...dirs,
    });
    await waitForHealth(api, `${base}/api/v1/health`, 90_000);
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
