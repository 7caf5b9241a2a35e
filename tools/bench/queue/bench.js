'use strict';
/**
 * `npm run bench:queue [-- --duration <s>] [--rate <req/s>] [--prefill <n>] [--only a,b,c,d]
 *                       [--cpu-prof <dir>] [--keep-db]`
 *
 * Ticket issuing and call-next under load, the real API against a plain node:http + pg server doing
 * the same durable work with the same lookups, caching and request log (plain-server.js), and
 * against a lean floor doing the durable work alone (plain-server.js, PLAIN_MODE=lean), on one
 * fresh database. Prints figures and the ratios
 * against the targets; never asserts timings (exit 0 unless something crashed).
 *
 *   1. creates ow_bench_queue_<random>, runs `cli setup --profile small` on it, adds 100 halls
 *      (copies of the demo halls, 4 open comprehensive windows and one kiosk each), three more halls
 *      for the one-hall runs (one per server, so none sees another's waiting tickets) and a
 *      call-next hall with 50 open windows;
 *   2. starts dist/apps/api/main.js and plain-server.js twice, plain and lean (pool of 20 each, the
 *      API and plain logging at info as deployed), on free ports;
 *   3. runs, for the three servers: issue at 64 connections over 100 halls and on one hall, and a
 *      fixed 300 requests/s (32 connections) over 100 halls and on one hall; then, on the API only,
 *      call-next + no-show cycles from 50 connections bound to the 50 windows;
 *   4. prints the table, the ratios and any failed requests, stops both servers, drops the database.
 *
 * Figures come from every response inside the measured window (the first second of a closed-loop
 * run and the first two seconds of a fixed-rate run are not counted: connection set-up, JIT,
 * autocannon's rate start-up). Latency is autocannon's per-request time (write to last byte).
 *
 * This file runs the steps; world.js makes the database, servers.js starts and samples the two
 * servers, load.js drives autocannon, report.js prints; plain-server.js is the baseline itself.
 */
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REDIS_URL, dbUrl, dropDatabase, sql } = require('../common/db');
const { log } = require('../common/figures');
const { ROOT } = require('../common/processes');
const { login } = require('../common/stack');
const { runLoad, issueRequests, callNextClient } = require('./load');
const { planningLoad } = require('./planning-load');
const { scenarioNames, createResults, printReport } = require('./report');
const { redisReachable, serverStack } = require('./servers');
const {
  CALL_WINDOWS,
  prepareDatabase,
  prefillTickets,
  durableCounts,
  ticketStates,
} = require('./world');

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const opts = {
    duration: 10,
    prefill: 30_000,
    cpuProfDir: null,
    keepDb: false,
    rate: 300,
    only: new Set(['a', 'b', 'c', 'd', 'e']),
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
      if (![...opts.only].every((x) => ['a', 'b', 'c', 'd', 'e'].includes(x)))
        throw new Error('--only takes a comma list of a, b, c, d, e');
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(
        'usage: node tools/bench/queue/bench.js [--duration <s>=10] [--rate <req/s>=300] [--prefill <tickets>=30000]\n' +
          '                                       [--only a,b,c,d,e] [--cpu-prof <dir>] [--keep-db]\n',
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  for (const k of ['duration', 'prefill', 'rate'])
    if (!Number.isFinite(opts[k]) || opts[k] <= 0)
      throw new Error(`--${k} must be a positive number`);
  return opts;
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
  const stack = serverStack({
    url,
    dbName,
    rand,
    work,
    cpuProfDir: opts.cpuProfDir,
  });
  let dbCreated = false;
  const cleanup = async () => {
    await stack.stop();
    if (dbCreated && !opts.keepDb) {
      await dropDatabase(dbName);
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
    await stack.start();
    const { servers, measure } = stack;
    const { rows, problems, results, record } = createResults();

    // ------------------------------------------------------------ a–c: issuing, both servers
    const issued = { api: 0, plain: 0, lean: 0 };
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
    const names = scenarioNames(opts.rate);
    const scenarios = [
      ['a', names.a, (srv) => issue(srv, world.issueHalls, closed), 'max'],
      ['b', names.b, (srv) => issue(srv, [world.oneHall[srv]], closed), 'max'],
      [
        'c',
        names.cMany,
        (srv) => issue(srv, world.issueHalls, fixed),
        `${opts.rate}/s`,
      ],
      [
        'c',
        names.cOne,
        (srv) => issue(srv, [world.oneHall[srv]], fixed),
        `${opts.rate}/s`,
      ],
    ].filter(([id]) => opts.only.has(id));

    if (scenarios.length) {
      log('warm-up: 3 s per server at 16 connections (not counted)');
      for (const server of ['lean', 'plain', 'api'])
        await issue(server, world.issueHalls, {
          connections: 16,
          durationS: 3,
          skipMs: 0,
        });
    }
    const rotations = [
      ['plain', 'api', 'lean'],
      ['api', 'lean', 'plain'],
      ['lean', 'plain', 'api'],
    ];
    let turn = 0;
    for (const [, name, run, offered] of scenarios) {
      // rotate which server goes first: the database only grows, so going later costs a little
      const order = rotations[turn++ % rotations.length];
      for (const srv of order) {
        await checkpoint();
        log(`${name} — ${srv}`);
        record(name, srv, await measure(srv, name, () => run(srv)), offered);
      }
    }

    // every 201 is one ticket, one idempotency key and one event
    const counts = await durableCounts(
      url,
      [
        ...world.issueHalls,
        world.oneHall.api,
        world.oneHall.plain,
        world.oneHall.lean,
      ].map((h) => h.id),
    );
    const answered = issued.api + issued.plain + issued.lean;
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
      const { accessToken } = await login(
        `http://127.0.0.1:${servers.api.port}`,
        'admin',
      );
      const headers = {
        authorization: `Bearer ${accessToken}`,
        'content-type': 'application/json',
      };
      await checkpoint();
      log(`d. call-next + no-show, ${CALL_WINDOWS} windows — api`);
      const res = await measure('api', 'd-call-next', () =>
        runLoad({
          port: servers.api.port,
          connections: CALL_WINDOWS,
          durationS: D + 1,
          skipMs: 1000,
          setupClient: callNextClient(hall, headers),
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
      left = await ticketStates(url, hall);
      if (left.waiting === 0)
        problems.push(
          'd. call-next drained the queue: raise --prefill (its 204s count as 2xx)',
        );
    }

    // ------------------------------------------------------------ e: kiosks beside the planner, API only
    let planning = null;
    if (opts.only.has('e')) {
      const base = `http://127.0.0.1:${servers.api.port}`;
      const { accessToken } = await login(base, 'admin');
      const kiosks = (srv) => issue(srv, world.issueHalls, fixed);
      await checkpoint();
      log(`${names.eQuiet} — api`);
      record(
        names.eQuiet,
        'api',
        await measure('api', 'e-quiet', () => kiosks('api')),
        `${opts.rate}/s`,
      );
      await checkpoint();
      log(
        `${names.eBusy} — api (4 maximal minimum-windows searches at a time)`,
      );
      const searches = planningLoad(base, accessToken, 4);
      // let the four reach the planning threads before the measured window opens
      await new Promise((r) => setTimeout(r, 2000));
      const busy = await measure('api', 'e-busy', () => kiosks('api'));
      planning = await searches.stop();
      record(names.eBusy, 'api', busy, `${opts.rate}/s`);
    }

    printReport({
      planning,
      rows,
      results,
      problems,
      rate: opts.rate,
      left,
      durable: scenarios.length ? { answered, counts, ok: durableOk } : null,
      work,
      cpuProfDir: opts.cpuProfDir,
      profiles: stack.profiles,
      started,
    });
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
