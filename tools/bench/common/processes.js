'use strict';
/**
 * The processes the benches start (the built cli, the built API, baseline servers) and the free
 * ports they listen on.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../../..');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs a command in the repository root to its end; returns its stdout, throws if it failed. */
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

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * A node process (`args` after node itself) in the repository root, with `env` over this one's.
 * Its stdout and stderr go to `logFile` when one is given, else as `stdio` says; `ipc` adds an IPC
 * channel. `exited` settles when it ends.
 */
function startChild(
  name,
  args,
  env,
  { logFile = null, ipc = false, stdio = 'ignore' } = {},
) {
  const out = logFile ? fs.openSync(logFile, 'a') : null;
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: logFile ? ['ignore', out, out, ...(ipc ? ['ipc'] : [])] : stdio,
  });
  if (out !== null) fs.closeSync(out);
  child.exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  child.benchName = name;
  child.logFile = logFile;
  return child;
}

function tail(file, lines = 30) {
  try {
    return fs
      .readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(-lines)
      .join('\n');
  } catch {
    return '(no log)';
  }
}

/** Waits until GET `url` answers 200; throws if the child exits first or `timeoutMs` passes. */
async function waitForHealth(child, url, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  let exited = null;
  child.exited.then((e) => (exited = e));
  while (Date.now() < until) {
    if (exited)
      throw new Error(
        `${child.benchName} exited (${exited.code ?? exited.signal}) before it was ready:\n${tail(child.logFile)}`,
      );
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      /* not yet */
    }
    await sleep(200);
  }
  throw new Error(
    `${child.benchName} not healthy after ${timeoutMs} ms:\n${tail(child.logFile)}`,
  );
}

/** SIGTERM, and SIGKILL if the child has not exited 10 s later. */
async function stopChild(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const done = await Promise.race([
    child.exited,
    sleep(10_000).then(() => null),
  ]);
  if (!done) {
    child.kill('SIGKILL');
    await child.exited;
  }
}

module.exports = {
  ROOT,
  sleep,
  run,
  freePort,
  startChild,
  tail,
  waitForHealth,
  stopChild,
};
