'use strict';
/**
 * `npm run test:resilience [-- --profile full|short] [--no-doc]`
 *
 * The real stack under a compressed hall-day and faults, then abuse checks (docs/resilience.md):
 *
 *   1. a private PostgreSQL 15 cluster and Redis on free loopback ports in a temporary directory;
 *      `cli setup --profile small` and `cli rollup` on it;
 *   2. two API instances and the worker (built: dist/apps/{api,worker,cli}); through the API, a
 *      hall with its manager, windows and clerks, kiosks and boards, and an empty hall to import to;
 *   3. the load (load.js) on both instances, and meanwhile, one after another (faults.js): Redis
 *      stopped, PostgreSQL restarted, an API instance killed, the worker killed during an import and
 *      during a plan, each started again;
 *   4. the queue served out, the outbox drained; the checks (checks.js): nothing lost or twice,
 *      every ticket ended once, the boards' streams whole, the rollups equal to the tickets;
 *   5. the abuse checks (abuse.js); the table printed and written to docs/resilience.md (full
 *      profile, or --doc); exit 1 if anything failed.
 *
 * Every process, the cluster and the directory are removed at the end, on failure and on Ctrl-C.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { sql } = require('../bench/common/db');
const { log } = require('../bench/common/figures');
const { ROOT, sleep, tail } = require('../bench/common/processes');
const { runAbuse } = require('./abuse');
const checks = require('./checks');
const { createHttp, createRecorder } = require('./client');
const { createFaults, until } = require('./faults');
const { createLoad } = require('./load');
const { statusesIn, table, writeDoc } = require('./report');
const { startPostgres, startRedis } = require('./services');
const { startStack } = require('./stack');
const { buildWorld, loadDemo } = require('./world');

const PROFILES = {
  full: {
    durationS: 600,
    kiosks: 200,
    windows: 40,
    boards: 6,
    citizens: 20,
    ticketsPerSecond: 9.5,
    serviceMs: [1000, 6000],
    noShowShare: 0.08,
    leaveShare: 0.02,
    redisDownS: 60,
    importRows: 40_000,
    planReplications: 20,
    faultsAtS: [60, 160, 230, 300, 390],
    drainS: 300,
    limitS: 2400,
  },
  short: {
    durationS: 60,
    kiosks: 30,
    windows: 10,
    boards: 2,
    citizens: 4,
    ticketsPerSecond: 3,
    serviceMs: [500, 3000],
    noShowShare: 0.08,
    leaveShare: 0.03,
    redisDownS: 10,
    importRows: 20_000,
    planReplications: 10,
    faultsAtS: [5, 20, 27, 34, 40],
    drainS: 120,
    limitS: 720,
  },
};

function parseArgs(argv) {
  const o = { profile: 'full', doc: null, keepLogs: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--profile') o.profile = argv[++i];
    else if (a === '--doc') o.doc = true;
    else if (a === '--keep-logs') o.keepLogs = path.resolve(argv[++i]);
    else if (a === '--no-doc') o.doc = false;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(
        'usage: node tools/resilience/run.js [--profile full|short] [--doc|--no-doc] [--keep-logs <dir>]\n',
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!PROFILES[o.profile]) throw new Error('--profile is full or short');
  if (o.doc === null) o.doc = o.profile === 'full';
  return o;
}

/** The last lines of the processes' logs (they go with the run's directory). */
function printLogs(procs, lines) {
  for (const p of procs) {
    const text = tail(p.child?.logFile, lines)
      .split('\n')
      .map((l) => (l.length > 400 ? `${l.slice(0, 400)}…` : l))
      .join('\n');
    process.stdout.write(`\n--- ${p.name} log (tail) ---\n${text}\n`);
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const profile = PROFILES[opts.profile];
  for (const f of ['api', 'worker', 'cli'])
    if (!fs.existsSync(path.join(ROOT, `dist/apps/${f}/main.js`)))
      throw new Error(
        `dist/apps/${f}/main.js is missing: build first (nx run-many -t build -p api worker cli)`,
      );
  const started = Date.now();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-resilience-'));
  let pg = null;
  let redis = null;
  let stack = null;
  let load = null;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    try {
      if (load) await Promise.race([load.stop(), sleep(30_000)]);
      if (stack) await stack.stop();
      if (redis) await redis.stop();
    } finally {
      try {
        pg?.stop();
      } finally {
        if (opts.keepLogs) {
          fs.mkdirSync(opts.keepLogs, { recursive: true });
          for (const f of [
            'api-a.log',
            'api-b.log',
            'worker.log',
            'redis.log',
            'pg/postgres.log',
          ])
            if (fs.existsSync(path.join(work, f)))
              fs.copyFileSync(
                path.join(work, f),
                path.join(opts.keepLogs, path.basename(f)),
              );
        }
        fs.rmSync(work, { recursive: true, force: true });
      }
    }
  };
  // the last resort (an exception past everything, process.exit): nothing left running
  process.on('exit', () => {
    if (cleaned) return;
    for (const p of stack ? [...stack.apis, stack.worker] : [])
      p.child?.kill('SIGKILL');
    try {
      pg?.stop();
    } catch {
      /* nothing more to do */
    }
    fs.rmSync(work, { recursive: true, force: true });
  });
  for (const sig of ['SIGINT', 'SIGTERM'])
    process.once(sig, () => {
      process.stdout.write(`\n${sig}: cleaning up\n`);
      cleanup().finally(() => process.exit(130));
    });

  // the whole run is bounded too: past its limit it is a failure, cleaned up like any other
  const watchdog = setTimeout(() => {
    process.stderr.write(
      `\nresilience ${opts.profile}: not done after ${profile.limitS} s, stopping\n`,
    );
    cleanup().finally(() => process.exit(1));
  }, profile.limitS * 1000);
  watchdog.unref();
  let failed = false;
  try {
    log(`profile ${opts.profile}; work directory ${work}`);
    pg = await startPostgres(work);
    redis = await startRedis(work);
    log(`private PostgreSQL on :${pg.port}, Redis on :${redis.port}`);
    const url = pg.url('onewindow');
    loadDemo(url);
    stack = await startStack({ databaseUrl: url, redisUrl: redis.url, work });
    await stack.start();
    log(
      `API instances on :${stack.apis.map((a) => a.port).join(', :')}, worker started`,
    );

    const rec = createRecorder();
    const api = createHttp(stack.apis, rec);
    const tag = Math.random().toString(36).slice(2, 8);
    const world = await buildWorld(api, url, { ...profile, tag });
    log(
      `hall ${world.hall}: ${world.clerks.length} windows, ${world.kiosks.length} kiosks, ${world.boards.length} boards`,
    );

    load = createLoad({ api, rec, world, apis: stack.apis, profile, tag });
    const faults = createFaults({
      api,
      rec,
      stack,
      pg,
      redis,
      url,
      world,
      load,
      profile,
    });
    const loadFrom = rec.now();
    load.start();
    log(
      `load: ${profile.durationS} s at about ${profile.ticketsPerSecond} tickets/s`,
    );
    const faultRows = [];
    const plan = [
      faults.redisOutage,
      faults.postgresRestart,
      faults.apiKill,
      faults.workerKillImport,
      faults.workerKillPlan,
    ];
    for (let i = 0; i < plan.length; i++) {
      const wait = loadFrom + profile.faultsAtS[i] * 1000 - rec.now();
      if (wait > 0) await sleep(wait);
      faultRows.push(await plan[i]());
      log(
        `  ${faultRows.at(-1).scenario}: recovered in ${faultRows.at(-1).recoverS ?? '—'} s`,
      );
    }
    const rest = loadFrom + profile.durationS * 1000 - rec.now();
    if (rest > 0) await sleep(rest);
    load.stopKiosks();
    const loadTo = rec.now();
    log(
      `kiosks stopped after ${Math.round((loadTo - loadFrom) / 1000)} s: ${load.counts.issued} tickets; serving the queue out`,
    );
    const servedOut = await until(
      async () => {
        const [r] = await sql(
          url,
          `SELECT count(*)::int AS n FROM tickets WHERE hall_id = $1 AND state IN ('waiting', 'called', 'serving')`,
          [world.hall],
        );
        return r.n === 0 && load.clerksIdle();
      },
      profile.drainS * 1000,
      1000,
    );
    const [{ last }] = await sql(
      url,
      `SELECT COALESCE(max(seq), 0)::int AS last FROM hall_events WHERE hall_id = $1`,
      [world.hall],
    );
    await until(
      async () => load.boards.every((b) => b.lastId >= last),
      30_000,
      500,
    );
    await load.stop();
    const drainedAt = rec.now();
    // what is still open after the bounded drain is closed by staff, so the day ends; counted
    const open = await sql(
      url,
      `SELECT id FROM tickets WHERE hall_id = $1 AND state = 'waiting'`,
      [world.hall],
    );
    for (const t of open)
      await api.request('staff-cancel', {
        method: 'POST',
        path: `/api/v1/tickets/${t.id}/cancel`,
        token: world.manager,
        json: {},
      });

    // ------------------------------------------------------------ after the load
    const ledger = await checks.ticketLedger(url, load, world.hall);
    const ends = await checks.endings(url, world.hall);
    const dupNumbers = await checks.duplicateNumbers(url);
    const boards = await checks.boardGaps(url, world.hall, load.boards);
    const outboxT = Date.now();
    const drained = await until(
      async () =>
        (await sql(url, `SELECT count(*)::int AS n FROM outbox`))[0].n === 0,
      180_000,
      500,
    );
    const outboxS = Math.round((Date.now() - outboxT) / 100) / 10;
    // the last rollup jobs run after their outbox rows are handed over
    let roll = null;
    await until(
      async () => {
        roll = await checks.rollupMismatches(url);
        return roll.daily.length === 0 && roll.windows.length === 0;
      },
      60_000,
      1000,
    );

    // ------------------------------------------------------------ abuse
    log('abuse checks');
    const abuse = await runAbuse({
      stack,
      url,
      world,
      secret: stack.env.JWT_SECRET,
    });

    // ------------------------------------------------------------ the table
    const rows = [];
    const lostIn = (from, to) =>
      ledger.lostIds.filter((id) => {
        const t = load.tickets.get(id);
        return t && t.at >= from && t.at <= to;
      }).length;
    const keyTwiceIn = (from, to) =>
      [...load.keys.values()].filter(
        (k) => k.ids.size > 1 && k.at >= from && k.at <= to,
      ).length;
    const viol = rec.violations;
    const loadChecks = [
      [
        'every acknowledged ticket stored',
        ledger.lostIds.length === 0,
        `${ledger.lostIds.length} of ${ledger.acked} missing`,
      ],
      [
        'no key answered with two tickets',
        ledger.keyTwice === 0,
        `${ledger.keyTwice}`,
      ],
      [
        'every stored ticket from a key a client sent',
        ledger.db.keyless === 0,
        JSON.stringify(ledger.db),
      ],
      [
        'no ticket number twice in a hall and day',
        dupNumbers === 0,
        `${dupNumbers}`,
      ],
      [
        'every kiosk request acknowledged',
        load.counts.unacked === 0,
        `${load.counts.unacked} not`,
      ],
      [
        'every ticket of the day ended, exactly once',
        ends.open === 0 && ends.no_end === 0 && ends.ended_twice === 0,
        JSON.stringify(ends),
      ],
      [
        'the queue served out within the drain time',
        !!servedOut,
        `${open.length} still waiting were cancelled by staff`,
      ],
      [
        'boards: every event once, in order, none missing',
        boards.every((b) => b.gaps === 0 && b.twice === 0 && b.behind === 0),
        JSON.stringify(boards),
      ],
      [
        `over ${opts.profile === 'full' ? 5000 : 100} tickets`,
        load.counts.issued > (opts.profile === 'full' ? 5000 : 100),
        `${load.counts.issued}`,
      ],
      [
        'no unexpected status or connection error',
        viol.length === 0,
        viol.slice(0, 8).join(' · '),
      ],
    ];
    const allRequests = statusesIn(rec.attempts, loadFrom, drainedAt);
    rows.push({
      scenario: `load: ${profile.kiosks} kiosks, ${profile.windows} windows, ${profile.boards} boards, ${profile.citizens} ticket pages, ${profile.durationS} s, 2 API instances (${load.counts.issued} tickets)`,
      requests: allRequests.n,
      statuses: allRequests.text,
      lost: ledger.lostIds.length,
      duplicated: ledger.keyTwice + ledger.db.keyless + dupNumbers,
      recoverS: '—',
      checks: loadChecks,
    });
    for (const f of faultRows) {
      const s = statusesIn(rec.attempts, f.from, f.to);
      rows.push({
        scenario: f.scenario,
        requests: s.n,
        statuses: s.text,
        lost: f.lost ?? lostIn(f.from, f.to),
        duplicated: f.duplicated ?? keyTwiceIn(f.from, f.to),
        recoverS: f.recoverS ?? 'never',
        checks: [
          ...f.checks,
          [
            'no unexpected status or connection error during it',
            !rec.violationTimes.some((t) => t >= f.from && t <= f.to),
            `${rec.violationTimes.filter((t) => t >= f.from && t <= f.to).length} (see the load row)`,
          ],
        ],
      });
    }
    rows.push({
      scenario: 'after the load: outbox drained, rollups = tickets',
      requests: '',
      statuses: '',
      lost: '',
      duplicated: '',
      recoverS: outboxS,
      checks: [
        ['outbox empty', !!drained, ''],
        [
          'rollup_daily and rollup_window_daily equal the tickets (every hall-day)',
          roll && roll.daily.length === 0 && roll.windows.length === 0,
          JSON.stringify(
            roll
              ? {
                  ...roll.counted,
                  daily: roll.daily.slice(0, 2),
                  windows: roll.windows.slice(0, 2),
                }
              : null,
          ),
        ],
      ],
    });
    for (const a of abuse) {
      const s = Object.entries(a.statuses)
        .map(([k, v]) => `${k}×${v}`)
        .join(' ');
      rows.push({
        scenario: `abuse: ${a.name}`,
        requests: a.requests,
        statuses: s,
        lost: '',
        duplicated: '',
        recoverS: '',
        checks: [[a.name, a.ok, a.detail.join(' · ')]],
        expectedFail: a.expectedFail,
      });
    }
    const notes = [];
    for (const r of rows) {
      const bad = (r.checks ?? []).filter(([, ok]) => !ok);
      const numbersBad =
        (Number(r.lost) || 0) > 0 ||
        (Number(r.duplicated) || 0) > 0 ||
        r.recoverS === 'never';
      if (r.expectedFail) {
        r.result = bad.length
          ? 'expected to fail'
          : 'passes (was expected to fail)';
        notes.push(
          `${r.scenario}: ${bad.length ? 'fails as expected' : 'passes'} — ${r.expectedFail}. ${(r.checks ?? []).map(([, , d]) => d).join(' ')}`,
        );
        continue;
      }
      r.result = bad.length || numbersBad ? 'FAIL' : 'ok';
      if (bad.length || numbersBad) failed = true;
      for (const [name, ok, detail] of r.checks ?? [])
        if (!ok) notes.push(`FAIL ${r.scenario} — ${name}: ${detail}`);
    }
    const c = load.counts;
    notes.unshift(
      `load: ${c.issued} tickets issued, ${c.called} calls, ${c.served} served, ${c.noShows} no-shows, ${c.holderCancels} left through their ticket page, ${open.length} cancelled by staff after the drain; ${c.recovered409} answers lost with a connection and found done on retry (409 then read back); tickets by state ${JSON.stringify(ends.byState)}`,
      `boards: ${boards.map((b) => `${b.events} events, ${b.reconnects} reconnects`).join('; ')}`,
    );
    const elapsedS = (Date.now() - started) / 1000;
    process.stdout.write(
      `\n${table(rows)}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n\n`,
    );
    if (viol.length)
      process.stdout.write(
        `violations (${viol.length}):\n  ${viol.slice(0, 40).join('\n  ')}\n`,
      );
    if (opts.doc) {
      const cmd = `npm run test:resilience${opts.profile === 'full' ? '' : ` -- --profile ${opts.profile}`}`;
      log(
        `written to ${path.relative(ROOT, writeDoc(opts.profile, cmd, rows, notes, elapsedS))}`,
      );
    }
    log(
      `resilience ${opts.profile}: ${failed ? 'FAILED' : 'passed'} in ${Math.round(elapsedS)} s`,
    );
    if (failed) printLogs([...stack.apis, stack.worker], 6);
  } catch (e) {
    failed = true;
    process.stderr.write(
      `\nresilience run crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    printLogs(stack ? [...stack.apis, stack.worker] : [], 12);
    if (pg)
      process.stdout.write(`\n--- postgres log (tail) ---\n${pg.log()}\n`);
  } finally {
    await cleanup();
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(
      `${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exit(1);
  },
);
