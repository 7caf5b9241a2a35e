'use strict';
/**
 * bench:queue's figures: every run's row (by scenario, server and request kind), the two tables,
 * the ratios against the targets, the durable-work check and the failed requests.
 */
const path = require('node:path');
const { tail } = require('../common/processes');

const TARGET_THROUGHPUT_SHARE = 0.6;
const TARGET_P99_FACTOR = 1.5;

const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—');

/** The issue runs' scenario names, as the table prints them and the targets look them up. */
function scenarioNames(rate) {
  return {
    a: 'a. issue, 100 halls',
    b: 'b. issue, one hall',
    cMany: `c. issue @${rate}/s, 100 halls`,
    cOne: `c. issue @${rate}/s, one hall`,
    eQuiet: `e. issue @${rate}/s, 100 halls, planner idle`,
    eBusy: `e. the same, 4 maximal searches`,
  };
}

/**
 * The rows of the tables, the figures by `scenario|server`, and the problems to print:
 * `record(scenario, server, res, offered, kind)` adds one request kind of one run.
 */
function createResults() {
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
  return { rows, problems, results, record };
}

/** A table's lines, each ending in a newline: the head, a rule, the body; the first two columns left-aligned. */
function tableLines(head, body) {
  const widths = head.map((h, i) =>
    Math.max(h.length, ...body.map((b) => b[i].length)),
  );
  const line = (cells) =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ');
  return [
    line(head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
  ]
    .map((l) => `${l}\n`)
    .join('');
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
  process.stdout.write(
    `\nthe servers' 20 pool connections in PostgreSQL (mean count over the run, sampled every 250 ms)\n` +
      tableLines(head, body),
  );
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
  process.stdout.write(`\n${tableLines(head, body)}`);
  process.stdout.write(
    '(req/s, p50, p99: 2xx responses in the measured window; cpu ms/req: CPU time of the server process\n' +
      ' over the whole run divided by its responses — PostgreSQL and the load generator not included)\n',
  );
}

/**
 * Prints the tables and everything below them: the targets, the call-next hall's tickets (`left`),
 * the durable-work check (`durable`, when issue runs ran), the problems with the API's first log
 * lines of each kind, the CPU profiles and the time since `started`.
 */
function printReport({
  planning,
  rows,
  results,
  problems,
  rate,
  left,
  durable,
  work,
  cpuProfDir,
  profiles,
  started,
}) {
  const names = scenarioNames(rate);
  printTable(rows);
  printPoolTable(rows);
  const label = (ok) => (ok ? 'PASS' : 'MISS');
  const both = (scenario) =>
    results[`${scenario}|api`] && results[`${scenario}|plain`]
      ? [results[`${scenario}|api`], results[`${scenario}|plain`]]
      : null;
  process.stdout.write('\ntargets (informational)\n');
  for (const [scenario, where] of [
    [names.a, '100 halls'],
    [names.b, 'one hall '],
  ]) {
    const pair = both(scenario);
    if (!pair) continue;
    const r = pair[0].rps / pair[1].rps;
    process.stdout.write(
      `  issue throughput API/plain, ${where}: ${fmt(r * 100, 0)}%  (target ≥ ${TARGET_THROUGHPUT_SHARE * 100}%)  ${label(r >= TARGET_THROUGHPUT_SHARE)}\n`,
    );
  }
  for (const [scenario, where] of [
    [names.cMany, '100 halls'],
    [names.cOne, 'one hall '],
  ]) {
    const pair = both(scenario);
    if (!pair) continue;
    const r = pair[0].p99 / pair[1].p99;
    const short = ['api', 'plain']
      .filter((srv) => !(results[`${scenario}|${srv}`].rps >= rate * 0.95))
      .map(
        (srv) =>
          `${srv} served only ${fmt(results[`${scenario}|${srv}`].rps, 0)}/s: saturated, its latency is mostly queueing`,
      );
    process.stdout.write(
      `  p99 at ${rate} req/s API/plain, ${where}: ${fmt(r, 2)}×  (target ≤ ${TARGET_P99_FACTOR}×)  ${label(r <= TARGET_P99_FACTOR)}` +
        `${short.length ? `\n      (${short.join('; ')})` : ''}\n`,
    );
  }
  const quiet = results[`${names.eQuiet}|api`];
  const busy = results[`${names.eBusy}|api`];
  if (quiet && busy) {
    const r = busy.p99 / quiet.p99;
    process.stdout.write(
      `  kiosk p99 with 4 maximal minimum-windows searches / without: ${fmt(r, 2)}×  (target ≤ ${TARGET_P99_FACTOR}×)  ${label(r <= TARGET_P99_FACTOR)}\n` +
        `      (searches meanwhile: ${planning.answered} answered, mean ${fmt(planning.meanMs / 1000, 1)} s each from post to answer; statuses ${JSON.stringify(planning.statuses)})\n`,
    );
  }
  // the floor: what the durable work alone allows (no target; the framework and lookups cost the rest)
  for (const [scenario, where] of [
    [names.a, 'throughput, 100 halls'],
    [names.b, 'throughput, one hall '],
  ]) {
    const api = results[`${scenario}|api`];
    const lean = results[`${scenario}|lean`];
    if (api && lean)
      process.stdout.write(
        `  issue ${where}: API ${fmt((api.rps / lean.rps) * 100, 0)}% of the lean floor's` +
          `${results[`${scenario}|plain`] ? `, plain ${fmt((results[`${scenario}|plain`].rps / lean.rps) * 100, 0)}%` : ''}\n`,
      );
  }
  for (const [scenario, where] of [
    [names.cMany, '100 halls'],
    [names.cOne, 'one hall '],
  ]) {
    const api = results[`${scenario}|api`];
    const lean = results[`${scenario}|lean`];
    if (api && lean)
      process.stdout.write(
        `  p99 at ${rate} req/s, ${where}: API ${fmt(api.p99 / lean.p99, 2)}× the lean floor's (${fmt(lean.p99, 1)} ms)\n`,
      );
  }
  const many = both(names.a);
  const one = both(names.b);
  if (many && one)
    process.stdout.write(
      `  one hall vs 100 halls (64 connections): API ${fmt((one[0].rps / many[0].rps) * 100, 0)}% of its 100-hall throughput, ` +
        `plain ${fmt((one[1].rps / many[1].rps) * 100, 0)}%\n`,
    );
  if (left)
    process.stdout.write(
      `  call-next hall after the run: ${left.waiting} waiting, ${left.no_show} no-show, ${left.called} called\n`,
    );
  if (durable) {
    const { answered, counts, ok } = durable;
    process.stdout.write(
      `  durable work: ${answered} tickets answered 201 (+${counts.tickets - answered} committed but cut off at the runs' ends) → ` +
        `${counts.tickets} tickets, ${counts.keys} idempotency keys, ${counts.events} events: ${ok ? 'consistent' : 'MISMATCH'}\n`,
    );
  }
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
  if (cpuProfDir)
    process.stdout.write(
      `\nCPU profiles (summarise with node tools/bench/queue/profile-summary.js <file>):\n` +
        `${profiles.map((f) => `  ${f}\n`).join('')}` +
        `  ${path.join(cpuProfDir, 'plain-whole-run.cpuprofile')}, ${path.join(cpuProfDir, 'lean-whole-run.cpuprofile')} (the baselines, warm-up and all their runs; written as they stop)\n`,
    );
  process.stdout.write(
    `\nload phases done in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
  );
}

module.exports = { scenarioNames, createResults, printReport };
