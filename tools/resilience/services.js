'use strict';
/**
 * The resilience suite's own PostgreSQL 15 cluster and Redis, on free loopback ports, in a
 * temporary directory: never the machine's shared ones, which the suite must not stop or flush.
 *
 * PostgreSQL runs through pg_ctl (as the postgres user when this runs as root: initdb refuses
 * root), fsync on, TCP on 127.0.0.1 only; `restart()` is `pg_ctl restart -m fast`. Redis is a child
 * of this process (`--save "" --appendonly no`, no daemon); `stop()` ends it, `start()` brings a
 * new one up on the same port.
 */
const { execFile, spawn, spawnSync } = require('node:child_process');
const { promisify } = require('node:util');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { sleep, freePort, tail } = require('../bench/common/processes');

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** The command running PostgreSQL tool `tool`, as the postgres user when this process is root. */
function pgCommand(tool, args) {
  const bin = path.join(PG_BIN, tool);
  const asRoot = process.getuid && process.getuid() === 0;
  return asRoot
    ? ['runuser', ['-u', 'postgres', '--', bin, ...args]]
    : [bin, args];
}

/** Runs a PostgreSQL tool to its end. */
function pgTool(tool, args, { timeoutMs = 60_000 } = {}) {
  const [cmd, argv] = pgCommand(tool, args);
  const r = spawnSync(cmd, argv, {
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: timeoutMs,
  });
  if (r.status !== 0)
    throw new Error(
      `${tool} ${args.join(' ')} failed (${r.status ?? r.signal ?? r.error}):\n${r.stdout}\n${r.stderr}`,
    );
  return r.stdout.toString();
}

/** A private PostgreSQL cluster under `work` (its own subdirectory, owned by postgres if root). */
async function startPostgres(work) {
  const dir = path.join(work, 'pg');
  fs.mkdirSync(dir);
  if (process.getuid && process.getuid() === 0) {
    // the postgres user must reach its directory
    fs.chmodSync(work, 0o755);
    const { uid, gid } = userIds('postgres');
    fs.chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  const port = await freePort();
  pgTool('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync', // the cluster is thrown away; the server itself runs with fsync on
  ]);
  const opts = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    '-c fsync=on',
    '-c max_connections=200',
    '-c shared_buffers=128MB',
  ].join(' ');
  const ctl = (...args) =>
    pgTool('pg_ctl', ['-D', data, '-l', logFile, '-w', '-t', '60', ...args]);
  ctl('-o', opts, 'start');
  let up = true;
  return {
    port,
    logFile,
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    url: (db) => `postgres://postgres@127.0.0.1:${port}/${db}`,
    /** `pg_ctl restart -m fast`: every connection is ended, the server back when this settles. */
    async restart() {
      const [cmd, argv] = pgCommand('pg_ctl', [
        '-D',
        data,
        '-l',
        logFile,
        '-w',
        '-t',
        '60',
        '-m',
        'fast',
        '-o',
        opts,
        'restart',
      ]);
      await promisify(execFile)(cmd, argv, { timeout: 90_000 });
    },
    /** Stops the cluster at once (the suite ends); safe to call twice. */
    stop() {
      if (!up) return;
      up = false;
      try {
        pgTool('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch (e) {
        if (fs.existsSync(path.join(data, 'postmaster.pid'))) throw e;
      }
    },
    log: () => tail(logFile),
  };
}

function userIds(name) {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`no user ${name} to run PostgreSQL as`);
  const f = line.split(':');
  return { uid: Number(f[2]), gid: Number(f[3]) };
}

/** Whether something on 127.0.0.1:`port` answers a Redis PING. */
function redisPing(port) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.setTimeout(1000);
    s.on('connect', () => s.write('PING\r\n'));
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

/** A private Redis, a child of this process, on a free loopback port. */
async function startRedis(work) {
  const port = await freePort();
  const logFile = path.join(work, 'redis.log');
  let child = null;
  const start = async () => {
    const out = fs.openSync(logFile, 'a');
    child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--daemonize',
        'no',
        '--dir',
        work,
      ],
      { stdio: ['ignore', out, out] },
    );
    fs.closeSync(out);
    child.exited = new Promise((r) => child.on('exit', r));
    const until = Date.now() + 15_000;
    while (Date.now() < until) {
      if (await redisPing(port)) return;
      await sleep(100);
    }
    throw new Error(`Redis did not start on :${port}:\n${tail(logFile)}`);
  };
  const stop = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    c.kill('SIGTERM');
    const done = await Promise.race([c.exited, sleep(5000).then(() => null)]);
    if (done === null) {
      c.kill('SIGKILL');
      await c.exited;
    }
  };
  await start();
  return { port, url: `redis://127.0.0.1:${port}`, start, stop };
}

module.exports = { startPostgres, startRedis, redisPing };
