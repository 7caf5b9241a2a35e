'use strict';
/**
 * `npm run bench:queue [-- --duration <s>] [--rate <req/s>] [--prefill <n>] [--only a,b,c,d]
 *                       [--cpu-prof <dir>] [--keep-db]`
 *
 * Ticket issuing and call-next under load, the real API against a plain node:http + pg server doing
 * the same durable work (plain-server.js), on one fresh database. Prints figures and the ratios
 * against the targets; never asserts timings (exit 0 unless something crashed).
 *
 *   1. creates ow_bench_queue_<random>, runs `cli setup --profile small` on it, adds 100 halls
 *      (copies of the demo halls, 4 open comprehensive windows and one kiosk each), two more halls
 *      for the one-hall runs (one per server, so neither sees the other's waiting tickets) and a
 *      call-next hall with 50 open windows;
 *   2. starts dist/apps/api/main.js and plain-server.js (pool of 20 each) on free ports;
 *   3. runs, for both servers: issue at 64 connections over 100 halls and on one hall, and a
 *      fixed 300 requests/s (32 connections) over 100 halls and on one hall; then, on the API only,
 *      call-next + no-show cycles from 50 connections bound to the 50 windows;
 *   4. prints the table, the ratios and any failed requests, stops both servers, drops the database.
 *
 * Figures come from every response inside the measured window (the first second of a closed-loop
 * run and the first two seconds of a fixed-rate run are not counted: connection set-up, JIT,
 * autocannon's rate start-up). Latency is autocannon's per-request time (write to last byte).
 */
const { spawn, spawnSync } = require('node:child_process');
const { createHash, randomBytes } = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const autocannon = require('autocannon');

const ROOT = path.resolve(__dirname, '../../..');
const ADMIN_URL =
  process.env.BENCH_ADMIN_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ISSUE_HALLS = 100;
const WINDOWS_PER_HALL = 4;
const CALL_WINDOWS = 50;
const TARGET_THROUGHPUT_SHARE = 0.6;
const TARGET_P99_FACTOR = 1.5;

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const opts = {
    duration: 10,
    prefill: 30_000,
    cpuProfDir: null,
    keepDb: false,
    rate: 300,
    only: new Set(['a', 'b', 'c', 'd']),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--duration') opts.duration = Number(value());
    else if (a === '--prefill') opts.prefill = Number(value());
    else if (a === '--rate') opts.rate = Number(value());
    else if (a === '--cpu-prof') opts.cpuProfDir = path.resolve(value());
    else if (a === '--keep-db') opts.keepDb = true;
    else if (a === '--only') {
      opts.only = new Set(value().split(','));
      if (![...opts.only].every((x) => ['a', 'b', 'c', 'd'].includes(x)))
        throw new Error('--only takes a comma list of a, b, c, d');
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(
        'usage: node tools/bench/queue/bench.js [--duration <s>=10] [--rate <req/s>=300] [--prefill <tickets>=30000]\n' +
          '                                       [--only a,b,c,d] [--cpu-prof <dir>] [--keep-db]\n',
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  for (const k of ['duration', 'prefill', 'rate'])
    if (!Number.isFinite(opts[k]) || opts[k] <= 0)
      throw new Error(`--${k} must be a positive number`);
  return opts;
}

// ---------------------------------------------------------------- helpers

const log = (msg) => process.stdout.write(`› ${msg}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The Asia/Shanghai date, as the API's todayInShanghai() (UTC+8, no DST). */
function todayInShanghai() {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

function newDeviceToken() {
  return 'owd_' + randomBytes(32).toString('base64url');
}

function sha256(s) {
  return createHash('sha256').update(s, 'utf8').digest('hex');
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

function dbUrl(name) {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function withAdmin(fn) {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

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

/** A child process whose output goes to a log file; `exited` settles when it ends. */
function startChild(name, args, env, logFile, ipc = false) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out, ...(ipc ? ['ipc'] : [])],
  });
  fs.closeSync(out);
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

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const i = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
  );
  return sorted[i];
}

// ---------------------------------------------------------------- database set-up

async function prepareDatabase(url, name) {
  log(`creating database ${name}`);
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  log(
    'migrating and loading the small demo profile (cli setup --profile small)',
  );
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'dist/apps/cli/main.js'), 'setup', '--profile', 'small'],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' },
  );
  if (r.status !== 0)
    throw new Error(
      `cli setup failed (${r.status}):\n${r.stdout}\n${r.stderr}`,
    );
  const summary = r.stdout.split('\n').find((l) => l.startsWith('demo load:'));
  if (summary) log(summary.trim());

  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows: sources } = await c.query(
      `SELECT id, name, name_en, region_code, kind, timezone, opening_hours, target_wait_minutes,
              priority_overtake_cap, normal_max_wait_minutes FROM halls ORDER BY key`,
    );
    // 100 issue halls + one per server for the one-hall runs + the call-next hall
    const specs = [];
    for (let i = 0; i < ISSUE_HALLS; i++)
      specs.push({
        key: `bench-${String(i + 1).padStart(3, '0')}`,
        windows: WINDOWS_PER_HALL,
        kiosk: true,
      });
    specs.push({
      key: 'bench-one-api',
      windows: WINDOWS_PER_HALL,
      kiosk: true,
    });
    specs.push({
      key: 'bench-one-plain',
      windows: WINDOWS_PER_HALL,
      kiosk: true,
    });
    specs.push({ key: 'bench-call', windows: CALL_WINDOWS, kiosk: false });

    await c.query('BEGIN');
    const halls = [];
    for (let i = 0; i < specs.length; i++) {
      const s = sources[i % sources.length];
      const {
        rows: [{ id }],
      } = await c.query(
        `INSERT INTO halls (key, name, name_en, region_code, kind, timezone, opening_hours, target_wait_minutes,
                            priority_overtake_cap, normal_max_wait_minutes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          specs[i].key,
          `${s.name} (bench ${specs[i].key})`,
          s.name_en,
          s.region_code,
          s.kind,
          s.timezone,
          s.opening_hours,
          s.target_wait_minutes,
          s.priority_overtake_cap,
          s.normal_max_wait_minutes,
        ],
      );
      const hall = { id, key: specs[i].key, windows: [] };
      const { rows: windows } = await c.query(
        `INSERT INTO windows (hall_id, label, mode, category_codes, state, opened_on)
         SELECT $1, 'W' || lpad(g::text, 2, '0'), 'comprehensive', '{}', 'open', $3::date
         FROM generate_series(1, $2::int) g RETURNING id`,
        [id, specs[i].windows, todayInShanghai()],
      );
      hall.windows = windows.map((w) => w.id);
      if (specs[i].kiosk) {
        hall.token = newDeviceToken();
        await c.query(
          `INSERT INTO devices (hall_id, kind, name, token_hash) VALUES ($1, 'kiosk', 'bench kiosk', $2)`,
          [id, sha256(hall.token)],
        );
      }
      halls.push(hall);
    }
    await c.query('COMMIT');
    await c.query('ANALYZE halls, windows, devices');
    const { rows: items } = await c.query(
      `SELECT i.code, i.category_code, c.ticket_prefix FROM service_items i
       JOIN categories c ON c.code = i.category_code ORDER BY i.code`,
    );
    return {
      issueHalls: halls.slice(0, ISSUE_HALLS),
      oneHall: { api: halls[ISSUE_HALLS], plain: halls[ISSUE_HALLS + 1] },
      callHall: halls[ISSUE_HALLS + 2],
      items,
    };
  } finally {
    await c.end();
  }
}

/** Waiting tickets for the call-next hall (5% priority), with matching ticket_counters. */
async function prefillTickets(url, hall, items, n) {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const today = todayInShanghai();
    const seqs = new Map();
    const start = Date.now() - n; // one millisecond apart, oldest first
    const BATCH = 5000;
    await c.query('BEGIN');
    for (let from = 0; from < n; from += BATCH) {
      const cols = {
        number: [],
        prefix: [],
        seq: [],
        item: [],
        cat: [],
        prio: [],
        at: [],
      };
      for (let i = from; i < Math.min(n, from + BATCH); i++) {
        const it = items[i % items.length];
        const seq = (seqs.get(it.ticket_prefix) ?? 0) + 1;
        seqs.set(it.ticket_prefix, seq);
        cols.number.push(`${it.ticket_prefix}${String(seq).padStart(3, '0')}`);
        cols.prefix.push(it.ticket_prefix);
        cols.seq.push(seq);
        cols.item.push(it.code);
        cols.cat.push(it.category_code);
        cols.prio.push(i % 20 === 19 ? 'priority' : 'normal');
        cols.at.push(new Date(start + i).toISOString());
      }
      await c.query(
        `INSERT INTO tickets (service_date, hall_id, number, prefix, sequence, service_item_code, category_code,
                              priority, channel, state, issued_at, queue_at)
         SELECT $1::date, $2::uuid, u.number, u.prefix, u.seq, u.item, u.cat, u.prio, 'kiosk', 'waiting', u.at, u.at
         FROM unnest($3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])
              AS u(number, prefix, seq, item, cat, prio, at)`,
        [
          today,
          hall.id,
          cols.number,
          cols.prefix,
          cols.seq,
          cols.item,
          cols.cat,
          cols.prio,
          cols.at,
        ],
      );
    }
    for (const [prefix, last] of seqs)
      await c.query(
        `INSERT INTO ticket_counters (hall_id, service_date, prefix, last_value) VALUES ($1, $2, $3, $4)
         ON CONFLICT (hall_id, service_date, prefix) DO UPDATE SET last_value = GREATEST(ticket_counters.last_value, EXCLUDED.last_value)`,
        [hall.id, today, prefix, last],
      );
    await c.query('COMMIT');
    await c.query('ANALYZE tickets');
  } finally {
    await c.end();
  }
}

async function sql(url, text, params) {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows;
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------- load

/**
 * One autocannon run. Every response is recorded with its time; only those after `skipMs` count.
 * Which request a response answers (call-next or no-show) is set by the requests' onResponse
 * (see `wrap`), which autocannon calls synchronously just before its 'response' event.
 */
function runLoad({
  port,
  connections,
  durationS,
  skipMs,
  overallRate,
  requests,
  setupClient,
  staggerMs,
}) {
  return new Promise((resolve, reject) => {
    const records = []; // [t, latencyMs, status, kind]
    const failures = []; // first few non-2xx bodies
    const state = { kind: 'all' };
    const wrap = (r, kindOf) => ({
      ...r,
      onResponse(status, body, context, headers) {
        const kind = typeof kindOf === 'function' ? kindOf() : kindOf;
        state.kind = kind;
        if ((status < 200 || status > 299) && failures.length < 5)
          failures.push(`${status} ${kind}: ${String(body).slice(0, 300)}`);
        if (r.onResponse) r.onResponse(status, body, context, headers);
      },
    });
    let clientNo = 0;
    const opts = {
      url: `http://127.0.0.1:${port}`,
      connections,
      duration: durationS,
      pipelining: 1,
      timeout: 30,
      setupClient: (client) => {
        const n = clientNo++;
        if (staggerMs) {
          // spread the connections' per-second rate windows evenly over the second (autocannon
          // starts every connection's window at once, which would offer the load in bursts)
          const until = performance.now() + staggerMs;
          while (performance.now() < until);
        }
        if (setupClient) setupClient(client, n, wrap);
      },
    };
    if (overallRate) {
      opts.overallRate = overallRate;
      // raw latencies: autocannon's correction assumes ceil(1/rate) = 1 ms between requests
      opts.ignoreCoordinatedOmission = true;
    }
    if (requests) opts.requests = requests.map((r) => wrap(r, r.kind ?? 'all'));
    let started = 0;
    const inst = autocannon(opts, (err, result) => {
      if (err) return reject(err);
      const from = started + skipMs;
      let to = from + 1;
      for (const r of records) if (r[0] > to) to = r[0];
      const measured = records.filter((r) => r[0] >= from);
      const windowS = (to - from) / 1000;
      const byKind = {};
      const statuses = {};
      for (const [, lat, status, kind] of measured) {
        byKind[kind] ??= { lat: [], ok: 0, bad: 0 };
        if (status >= 200 && status <= 299) {
          byKind[kind].ok++;
          byKind[kind].lat.push(lat);
        } else byKind[kind].bad++;
      }
      for (const [, , status] of records)
        statuses[status] = (statuses[status] ?? 0) + 1;
      const kinds = {};
      for (const [k, v] of Object.entries(byKind)) {
        v.lat.sort((a, b) => a - b);
        kinds[k] = {
          ok: v.ok,
          bad: v.bad,
          rps: v.ok / windowS,
          p50: percentile(v.lat, 50),
          p99: percentile(v.lat, 99),
        };
      }
      resolve({
        connections,
        responses: records.length,
        overallRate,
        windowS,
        kinds,
        statuses,
        total2xx: records.filter((r) => r[2] >= 200 && r[2] <= 299).length,
        non2xx: records.filter((r) => r[2] < 200 || r[2] > 299).length,
        errors: result.errors,
        timeouts: result.timeouts,
        failures,
      });
    });
    inst.on('start', () => (started = performance.now()));
    inst.on('response', (_client, status, _bytes, latency) => {
      records.push([performance.now(), latency, status, state.kind]);
    });
  });
}

/** POST …/tickets spread round-robin over `halls` with fresh Idempotency-Keys and rotating items. */
function issueRequests(halls, items, pathPrefix, runTag) {
  let n = 0;
  const bodies = items.map((it) =>
    JSON.stringify({ serviceItemCode: it.code }),
  );
  return [
    {
      method: 'POST',
      kind: 'issue',
      setupRequest(req) {
        const i = n++;
        const hall = halls[i % halls.length];
        req.path = `${pathPrefix}/halls/${hall.id}/tickets`;
        req.headers = {
          'content-type': 'application/json',
          authorization: `Bearer ${hall.token}`,
          'idempotency-key': `${runTag}-${i}`,
        };
        req.body = bodies[Math.floor(i / halls.length) % bodies.length];
        return req;
      },
    },
  ];
}

// ---------------------------------------------------------------- report

const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—');

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

function printPoolTable(rows) {
  const head = [
    'scenario',
    'server',
    'running',
    'lock wait',
    'I/O wait',
    'idle in tx',
    'idle',
  ];
  const body = rows
    .filter((r) => r.pool)
    .map((r) => [
      r.scenario,
      r.server,
      fmt(r.pool.running, 1),
      fmt(r.pool.lock, 1),
      fmt(r.pool.io, 1),
      fmt(r.pool.inTx, 1),
      fmt(r.pool.idle, 1),
    ]);
  if (!body.length) return;
  const widths = head.map((h, i) =>
    Math.max(h.length, ...body.map((b) => b[i].length)),
  );
  const line = (cells) =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ');
  process.stdout.write(
    `\nthe servers' 20 pool connections in PostgreSQL (mean count over the run, sampled every 250 ms)\n` +
      `${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`,
  );
  for (const b of body) process.stdout.write(`${line(b)}\n`);
  process.stdout.write(
    '(idle in tx: PostgreSQL waits inside a transaction for the server to send its next statement;\n' +
      ' locks taken earlier in that transaction, such as the hall event counter row, stay held meanwhile)\n',
  );
}

function printTable(rows) {
  const head = [
    'scenario',
    'server',
    'conns',
    'offered',
    'req/s',
    'p50 ms',
    'p99 ms',
    'cpu ms/req',
    '2xx',
    'non-2xx',
    'errors',
  ];
  const body = rows.map((r) => [
    r.scenario,
    r.server,
    String(r.connections),
    r.offered,
    fmt(r.rps, 0),
    fmt(r.p50, 1),
    fmt(r.p99, 1),
    fmt(r.cpuMs, 2),
    String(r.ok),
    String(r.bad),
    String(r.errors),
  ]);
  const widths = head.map((h, i) =>
    Math.max(h.length, ...body.map((b) => b[i].length)),
  );
  const line = (cells) =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ');
  process.stdout.write(
    `\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`,
  );
  for (const b of body) process.stdout.write(`${line(b)}\n`);
  process.stdout.write(
    '(req/s, p50, p99: 2xx responses in the measured window; cpu ms/req: CPU time of the server process\n' +
      ' over the whole run divided by its responses — PostgreSQL and the load generator not included)\n',
  );
}

// ---------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const D = opts.duration;
  for (const f of ['dist/apps/api/main.js', 'dist/apps/cli/main.js'])
    if (!fs.existsSync(path.join(ROOT, f)))
      throw new Error(
        `${f} is missing: build first (nx run-many -t build -p api cli)`,
      );
  if (!(await redisReachable()))
    process.stdout.write(
      `!! Redis at ${REDIS_URL} does not answer PING: the API will publish into the void\n`,
    );

  const rand = randomBytes(4).toString('hex');
  const dbName = `ow_bench_queue_${rand}`;
  const url = dbUrl(dbName);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-bench-queue-'));
  const started = Date.now();
  let api = null;
  let plain = null;
  let dbCreated = false;
  const cleanup = async () => {
    await Promise.all([stopChild(api), stopChild(plain)]);
    if (dbCreated && !opts.keepDb) {
      await withAdmin((c) =>
        c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`),
      );
      log(`dropped ${dbName}`);
    } else if (dbCreated) log(`kept ${dbName} (--keep-db)`);
  };
  const onSignal = () => {
    process.stdout.write('\ninterrupted: cleaning up\n');
    cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    dbCreated = true;
    const world = await prepareDatabase(url, dbName);
    log(
      `halls: ${world.issueHalls.length} issue halls (+2 one-hall, +1 call-next with ${world.callHall.windows.length} windows), ${world.items.length} service items`,
    );

    // ------------------------------------------------------------ servers
    const [apiPort, plainPort] = await Promise.all([freePort(), freePort()]);
    const apiArgs = [];
    const apiEnv = {
      PORT: String(apiPort),
      DATABASE_URL: url,
      REDIS_URL,
      REDIS_PREFIX: `benchq${rand}`,
      LOG_LEVEL: 'warn',
      // 100000000 (as first specified) is above the config's validated maximum and stops the API
      DEVICE_RATE_LIMIT_PER_MINUTE: '1000000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      MIGRATE_ON_START: 'false',
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(24).toString('hex'),
    };
    if (opts.cpuProfDir) {
      apiArgs.push('-r', path.join(__dirname, 'cpu-profile-preload.js'));
      apiEnv.BENCH_CPU_PROFILE_DIR = opts.cpuProfDir;
    }
    apiArgs.push(path.join(ROOT, 'dist/apps/api/main.js'));
    log(
      `starting the API on :${apiPort} and the plain server on :${plainPort} (logs in ${work})`,
    );
    api = startChild(
      'api',
      apiArgs,
      apiEnv,
      path.join(work, 'api.log'),
      !!opts.cpuProfDir,
    );
    plain = startChild(
      'plain',
      [
        // the plain server ends with process.exit on SIGTERM, so --cpu-prof writes its whole run
        ...(opts.cpuProfDir
          ? [
              '--cpu-prof',
              '--cpu-prof-dir',
              opts.cpuProfDir,
              '--cpu-prof-name',
              'plain-whole-run.cpuprofile',
            ]
          : []),
        path.join(__dirname, 'plain-server.js'),
      ],
      { PORT: String(plainPort), DATABASE_URL: url },
      path.join(work, 'plain.log'),
    );
    await Promise.all([
      waitForHealth(api, `http://127.0.0.1:${apiPort}/api/v1/health`),
      waitForHealth(plain, `http://127.0.0.1:${plainPort}/health`),
    ]);
    const servers = {
      plain: {
        child: plain,
        port: plainPort,
        prefix: '',
        appName: 'onewindow-bench-plain',
      },
      api: {
        child: api,
        port: apiPort,
        prefix: '/api/v1',
        appName: 'onewindow-api', // app.module.ts: extra.application_name
      },
    };

    const profiles = [];
    /** Runs `fn` with the API's CPU profiler on (when --cpu-prof), saved as <name>.cpuprofile. */
    const profiled = async (name, fn) => {
      if (!opts.cpuProfDir) return fn();
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
    };
    /** One load run on one server: CPU of the server process around it, profiled if asked. */
    const measure = async (server, name, load) => {
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
    };

    const rows = [];
    const problems = [];
    const results = {};
    const reported = new Set();
    const record = (scenario, server, res, offered, kind = 'issue') => {
      const k = res.kinds[kind] ?? {
        ok: 0,
        bad: 0,
        rps: NaN,
        p50: NaN,
        p99: NaN,
      };
      rows.push({
        scenario,
        server,
        connections: res.connections,
        offered,
        rps: k.rps,
        p50: k.p50,
        p99: k.p99,
        cpuMs: res.cpuMs,
        pool: kind === 'no-show' ? null : res.pool,
        ok: k.ok,
        bad: k.bad,
        errors: res.errors + res.timeouts,
      });
      results[`${scenario}|${server}`] = k;
      if ((res.non2xx || res.errors || res.timeouts) && !reported.has(res)) {
        reported.add(res); // once per run, not per request kind
        problems.push(
          `${scenario} / ${server}: ${res.non2xx} non-2xx (status counts ${JSON.stringify(res.statuses)}), ` +
            `${res.errors} socket errors, ${res.timeouts} timeouts` +
            `${res.failures.length ? `\n      ${res.failures.join('\n      ')}` : ''}`,
        );
      }
    };

    // ------------------------------------------------------------ a–c: issuing, both servers
    const issued = { api: 0, plain: 0 };
    let cutOff = 0;
    let tag = 0;
    const issue = async (
      server,
      halls,
      { connections, durationS, skipMs, overallRate },
    ) => {
      const s = servers[server];
      const res = await runLoad({
        port: s.port,
        connections,
        durationS,
        skipMs,
        overallRate,
        staggerMs: overallRate ? 1000 / connections : 0,
        requests: issueRequests(
          halls,
          world.items,
          s.prefix,
          `b${rand}-${++tag}`,
        ),
      });
      issued[server] += res.statuses['201'] ?? 0;
      // requests still in flight when autocannon stops get no answer, but may commit
      cutOff += connections;
      return res;
    };
    const checkpoint = () => sql(url, 'CHECKPOINT').catch(() => undefined);
    const closed = { connections: 64, durationS: D + 1, skipMs: 1000 };
    const fixed = {
      connections: 32,
      durationS: D + 2,
      skipMs: 2000,
      overallRate: opts.rate,
    };
    const scenarios = [
      [
        'a',
        'a. issue, 100 halls',
        (srv) => issue(srv, world.issueHalls, closed),
        'max',
      ],
      [
        'b',
        'b. issue, one hall',
        (srv) => issue(srv, [world.oneHall[srv]], closed),
        'max',
      ],
      [
        'c',
        `c. issue @${opts.rate}/s, 100 halls`,
        (srv) => issue(srv, world.issueHalls, fixed),
        `${opts.rate}/s`,
      ],
      [
        'c',
        `c. issue @${opts.rate}/s, one hall`,
        (srv) => issue(srv, [world.oneHall[srv]], fixed),
        `${opts.rate}/s`,
      ],
    ].filter(([id]) => opts.only.has(id));

    if (scenarios.length) {
      log('warm-up: 3 s per server at 16 connections (not counted)');
      for (const server of ['plain', 'api'])
        await issue(server, world.issueHalls, {
          connections: 16,
          durationS: 3,
          skipMs: 0,
        });
    }
    let flip = false;
    for (const [, name, run, offered] of scenarios) {
      // alternate which server goes first: the database only grows, so going second costs a little
      const order = flip ? ['api', 'plain'] : ['plain', 'api'];
      flip = !flip;
      for (const srv of order) {
        await checkpoint();
        log(`${name} — ${srv}`);
        record(name, srv, await measure(srv, name, () => run(srv)), offered);
      }
    }

    // every 201 is one ticket, one idempotency key and one event
    const benchHalls = [
      ...world.issueHalls,
      world.oneHall.api,
      world.oneHall.plain,
    ].map((h) => h.id);
    const [counts] = await sql(
      url,
      `SELECT (SELECT count(*) FROM tickets WHERE hall_id = ANY($1) AND service_date = $2)::int AS tickets,
              (SELECT count(*) FROM idempotency_keys WHERE hall_id = ANY($1))::int AS keys,
              (SELECT count(*) FROM hall_events WHERE hall_id = ANY($1))::int AS events`,
      [benchHalls, todayInShanghai()],
    );
    const answered = issued.api + issued.plain;
    const durableOk =
      counts.keys === counts.tickets &&
      counts.events === counts.tickets &&
      counts.tickets >= answered &&
      counts.tickets <= answered + cutOff;
    if (!durableOk)
      problems.push(
        `durable work: ${answered} tickets answered 201 (and up to ${cutOff} cut off at the runs' ends) ` +
          `but the database has ${JSON.stringify(counts)}`,
      );

    // ------------------------------------------------------------ d: call-next, API only
    let left = null;
    if (opts.only.has('d')) {
      const hall = world.callHall;
      log(`prefilling ${opts.prefill} waiting tickets into the call-next hall`);
      await prefillTickets(url, hall, world.items, opts.prefill);
      const login = await fetch(
        `http://127.0.0.1:${apiPort}/api/v1/auth/login`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            username: 'admin',
            password: 'OneWindow!2020',
          }),
        },
      );
      if (login.status !== 200)
        throw new Error(
          `admin login failed: ${login.status} ${await login.text()}`,
        );
      const { accessToken } = await login.json();
      const headers = {
        authorization: `Bearer ${accessToken}`,
        'content-type': 'application/json',
      };
      await checkpoint();
      log(`d. call-next + no-show, ${CALL_WINDOWS} windows — api`);
      const res = await measure('api', 'd-call-next', () =>
        runLoad({
          port: apiPort,
          connections: CALL_WINDOWS,
          durationS: D + 1,
          skipMs: 1000,
          // each connection is one window: call-next, then no-show of the ticket it got (so the
          // window is free again); a no-show that failed is retried first, or the window would
          // answer every later call-next with 409
          setupClient(client, n, wrap) {
            const windowId = hall.windows[n % hall.windows.length];
            let held = null; // a called ticket whose no-show failed
            let first = 'call-next';
            client.setRequests([
              wrap(
                {
                  method: 'POST',
                  headers,
                  setupRequest(req) {
                    first = held ? 'no-show' : 'call-next';
                    req.path = held
                      ? `/api/v1/tickets/${held}/no-show`
                      : `/api/v1/halls/${hall.id}/windows/${windowId}/call-next`;
                    return req;
                  },
                  onResponse(status, body, context) {
                    if (first === 'no-show') {
                      if ((status >= 200 && status < 300) || status === 409)
                        held = null;
                      context.ticketId = null;
                    } else
                      context.ticketId =
                        status === 200 ? JSON.parse(body).id : null;
                  },
                },
                () => first,
              ),
              wrap(
                {
                  method: 'POST',
                  headers,
                  setupRequest(req, context) {
                    if (!context.ticketId) return null; // nothing called (204, failure, retry): next cycle
                    req.path = `/api/v1/tickets/${context.ticketId}/no-show`;
                    return req;
                  },
                  onResponse(status, _body, context) {
                    if (!(status >= 200 && status < 300) && status !== 409)
                      held = context.ticketId;
                  },
                },
                'no-show',
              ),
            ]);
          },
        }),
      );
      record(
        `d. call-next, ${CALL_WINDOWS} windows`,
        'api',
        res,
        'max',
        'call-next',
      );
      record('   its no-show', 'api', res, 'max', 'no-show');
      [left] = await sql(
        url,
        `SELECT count(*) FILTER (WHERE state = 'waiting')::int AS waiting,
                count(*) FILTER (WHERE state = 'no_show')::int AS no_show,
                count(*) FILTER (WHERE state = 'called')::int AS called
         FROM tickets WHERE hall_id = $1 AND service_date = $2`,
        [hall.id, todayInShanghai()],
      );
      if (left.waiting === 0)
        problems.push(
          'd. call-next drained the queue: raise --prefill (its 204s count as 2xx)',
        );
    }

    // ------------------------------------------------------------ report
    printTable(rows);
    printPoolTable(rows);
    const label = (ok) => (ok ? 'PASS' : 'MISS');
    const both = (scenario) =>
      results[`${scenario}|api`] && results[`${scenario}|plain`]
        ? [results[`${scenario}|api`], results[`${scenario}|plain`]]
        : null;
    process.stdout.write('\ntargets (informational)\n');
    for (const [scenario, where] of [
      ['a. issue, 100 halls', '100 halls'],
      ['b. issue, one hall', 'one hall '],
    ]) {
      const pair = both(scenario);
      if (!pair) continue;
      const r = pair[0].rps / pair[1].rps;
      process.stdout.write(
        `  issue throughput API/plain, ${where}: ${fmt(r * 100, 0)}%  (target ≥ ${TARGET_THROUGHPUT_SHARE * 100}%)  ${label(r >= TARGET_THROUGHPUT_SHARE)}\n`,
      );
    }
    for (const [scenario, where] of [
      [`c. issue @${opts.rate}/s, 100 halls`, '100 halls'],
      [`c. issue @${opts.rate}/s, one hall`, 'one hall '],
    ]) {
      const pair = both(scenario);
      if (!pair) continue;
      const r = pair[0].p99 / pair[1].p99;
      const short = ['api', 'plain']
        .filter(
          (srv) => !(results[`${scenario}|${srv}`].rps >= opts.rate * 0.95),
        )
        .map(
          (srv) =>
            `${srv} served only ${fmt(results[`${scenario}|${srv}`].rps, 0)}/s: saturated, its latency is mostly queueing`,
        );
      process.stdout.write(
        `  p99 at ${opts.rate} req/s API/plain, ${where}: ${fmt(r, 2)}×  (target ≤ ${TARGET_P99_FACTOR}×)  ${label(r <= TARGET_P99_FACTOR)}` +
          `${short.length ? `\n      (${short.join('; ')})` : ''}\n`,
      );
    }
    const many = both('a. issue, 100 halls');
    const one = both('b. issue, one hall');
    if (many && one)
      process.stdout.write(
        `  one hall vs 100 halls (64 connections): API ${fmt((one[0].rps / many[0].rps) * 100, 0)}% of its 100-hall throughput, ` +
          `plain ${fmt((one[1].rps / many[1].rps) * 100, 0)}%\n`,
      );
    if (left)
      process.stdout.write(
        `  call-next hall after the run: ${left.waiting} waiting, ${left.no_show} no-show, ${left.called} called\n`,
      );
    if (scenarios.length)
      process.stdout.write(
        `  durable work: ${answered} tickets answered 201 (+${counts.tickets - answered} committed but cut off at the runs' ends) → ` +
          `${counts.tickets} tickets, ${counts.keys} idempotency keys, ${counts.events} events: ${durableOk ? 'consistent' : 'MISMATCH'}\n`,
      );
    if (problems.length) {
      process.stdout.write(
        '\n!!!!!!!! FAILED REQUESTS — the figures of these runs are not to be trusted !!!!!!!!\n',
      );
      for (const p of problems) process.stdout.write(`  !! ${p}\n`);
      const seen = new Set();
      const logged = tail(path.join(work, 'api.log'), 5000)
        .split('\n')
        .map((l) => {
          try {
            return JSON.parse(l).msg;
          } catch {
            return null;
          }
        })
        .filter((m) => {
          const kind = m?.replace(/[0-9a-f-]{36}/g, '<id>').slice(0, 60);
          return kind && !seen.has(kind) && seen.add(kind);
        });
      if (logged.length)
        process.stdout.write(
          `  API log (warn and above; first of each kind):\n${logged
            .slice(0, 5)
            .map((m) => `      ${m.slice(0, 300)}\n`)
            .join('')}`,
        );
      process.stdout.write(`  server logs kept in ${work}\n`);
    } else
      process.stdout.write(
        '\nno failed requests (every response 2xx, no socket errors or timeouts)\n',
      );
    if (opts.cpuProfDir)
      process.stdout.write(
        `\nCPU profiles (summarise with node tools/bench/queue/profile-summary.js <file>):\n` +
          `${profiles.map((f) => `  ${f}\n`).join('')}` +
          `  ${path.join(opts.cpuProfDir, 'plain-whole-run.cpuprofile')} (plain server, warm-up and all its runs; written as it stops)\n`,
      );
    process.stdout.write(
      `\nload phases done in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
    );
    if (!problems.length) fs.rmSync(work, { recursive: true, force: true });
  } catch (e) {
    process.stdout.write(`server logs kept in ${work}\n`);
    throw e;
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(
      `\nbench:queue crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exit(1);
  },
);
