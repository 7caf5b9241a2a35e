'use strict';
/**
 * `npm run bench:planner [-- --runs <n>] [--replications <n>] [--lib <dir>]`
 *
 * The planner's maths (@onewindow/queueing, built to dist/libs/queueing by `nx build queueing`) on a
 * 2,500-customer hall day (08:30–17:00, 17 half-hour intervals, 6 categories with lognormal, gamma,
 * exponential, deterministic and empirical handling times), single-threaded:
 *   (a) simulate: 30 replications of the day under comprehensive, department and per-interval
 *       layouts → simulated customers per second (median of --runs runs, after a warm-up run);
 *   (b) minimum-window search (contract `minimum-windows`, 30 replications) for each layout kind and
 *       both criteria → wall time per search;
 *   (c) per-interval staffing schedule (30 replications) → wall time;
 *   (d) Erlang C sizing of a 4,900-erlang system → microseconds;
 *   (e) simulate as in (a), the same day with patience (people who give up), comprehensive windows
 *       (last, so that (a)–(d) measure the library before any patience ran in the process);
 * and the process memory (process.memoryUsage) at the end.
 * `--lib <dir>`: the built library to measure (default dist/libs/queueing), e.g. a copy of an
 * earlier build, to compare two builds on the same machine ((e) needs patience support).
 * Prints figures; never asserts timings (exit 0 unless something crashed).
 */
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../../..');

const opts = {
  runs: 7,
  replications: 30,
  lib: path.join(ROOT, 'dist/libs/queueing'),
};
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--runs') opts.runs = Number(process.argv[++i]);
  else if (a === '--replications')
    opts.replications = Number(process.argv[++i]);
  else if (a === '--lib') opts.lib = path.resolve(process.argv[++i]);
  else if (a === '--help' || a === '-h') {
    process.stdout.write(
      'usage: npm run bench:planner [-- --runs <n>] [--replications <n>] [--lib <dir>]\n',
    );
    process.exit(0);
  } else throw new Error(`unknown option ${a}`);
}
const q = require(path.join(opts.lib, 'src/index.js'));

const log = (m) => process.stdout.write(`› ${m}\n`);
const now = () => process.hrtime.bigint();
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;

function hallDay() {
  const weights = [3, 6, 9, 10, 9, 7, 5, 3, 2, 3, 6, 8, 9, 8, 6, 4, 2];
  const total = weights.reduce((a, b) => a + b, 0);
  const start = 8 * 60 + 30;
  const taxSamples = [];
  for (let i = 0; i < 400; i++) taxSamples.push(2 + ((i * 37) % 11) * 0.7);
  return {
    open: '08:30',
    close: '17:00',
    arrivalsPerDay: 2500,
    profile: weights.map((w, i) => ({
      start: start + 30 * i,
      end: start + 30 * (i + 1),
      share: w / total,
    })),
    categories: [
      {
        code: 'SOC',
        share: 0.25,
        service: { distribution: 'lognormal', meanMinutes: 8, cv: 0.8 },
      },
      {
        code: 'MED',
        share: 0.2,
        service: { distribution: 'gamma', meanMinutes: 6, cv: 0.6 },
      },
      {
        code: 'EST',
        share: 0.1,
        service: { distribution: 'exponential', meanMinutes: 20 },
      },
      {
        code: 'TAX',
        share: 0.2,
        service: { distribution: 'empirical', samples: taxSamples },
      },
      {
        code: 'POL',
        share: 0.15,
        service: { distribution: 'deterministic', meanMinutes: 5 },
      },
      {
        code: 'CIV',
        share: 0.1,
        service: { distribution: 'lognormal', meanMinutes: 12, cv: 1.2 },
      },
    ],
    target: { waitMinutes: 15, share: 0.8 },
  };
}

const scenario = hallDay();
const R = opts.replications;
log(
  `node ${process.version}; scenario: ${scenario.arrivalsPerDay} customers/day, ${scenario.profile.length} intervals, ${scenario.categories.length} categories; ${R} replications; ${opts.runs} runs each`,
);

// (a) simulation throughput
// offered load per interval (≈ 8.9 minutes per customer) at ~90 % occupancy
const perInterval = scenario.profile.map((p) =>
  Math.max(4, Math.round((p.share * scenario.arrivalsPerDay * 8.9) / 30 / 0.9)),
);
const layouts = {
  comprehensive: { kind: 'comprehensive', windows: 52 },
  department: {
    kind: 'department',
    windows: { SOC: 13, MED: 8, EST: 13, TAX: 8, POL: 5, CIV: 9 },
  },
  'comprehensive per interval': {
    kind: 'comprehensive',
    windows: { perInterval, afterClose: 6 },
  },
};
/** Median time of --runs runs of simulate (after a warm-up run), and the last answer. */
function simulateRuns(sc, layout) {
  const run = () => {
    const t0 = now();
    const r = q.simulate(sc, layout, { replications: R, seed: 12345 });
    const t = ms(t0);
    const customers =
      r.byCategory.reduce((a, c) => a + c.customers.mean, 0) * R;
    return { t, customers, r };
  };
  run(); // warm-up
  const times = [];
  let last;
  for (let i = 0; i < opts.runs; i++) {
    last = run();
    times.push(last.t);
  }
  return { t: median(times), last };
}

log(
  '(a) simulate: customers per second (median), mean wait, share within target',
);
for (const [name, layout] of Object.entries(layouts)) {
  const { t, last } = simulateRuns(scenario, layout);
  log(
    `    ${name.padEnd(28)} ${(last.customers / (t / 1000) / 1e6).toFixed(2)} M customers/s  (${last.customers.toFixed(0)} customers in ${t.toFixed(1)} ms; wait ${last.r.overall.meanWaitMinutes.mean.toFixed(2)} min, within target ${(100 * last.r.overall.shareWithinTarget.mean).toFixed(1)} %)`,
  );
}

// (b) minimum-window searches
log(
  '(b) minimum-window search (fixed windows, 30 replications): wall time per search',
);
for (const kind of ['comprehensive', 'department', 'hybrid']) {
  for (const criterion of ['day', 'everyInterval']) {
    const times = [];
    let r;
    for (let i = 0; i < Math.max(1, Math.min(3, opts.runs)); i++) {
      const t0 = now();
      r = q.minimumWindows(
        scenario,
        { kind },
        { criterion, replications: R, seed: 12345 },
      );
      times.push(ms(t0));
    }
    log(
      `    ${`${kind}/${criterion}`.padEnd(28)} ${median(times).toFixed(0).padStart(5)} ms  (${r.evaluations} simulations; windows ${JSON.stringify(r.windows)}, total ${r.total}; achieved ${(100 * r.achieved.shareWithinTarget.mean).toFixed(1)} % within target)`,
    );
  }
}

// (c) per-interval staffing
log('(c) per-interval staffing schedule (30 replications)');
for (const kind of ['comprehensive', 'department']) {
  const t0 = now();
  const r = q.staffingSchedule(
    scenario,
    { kind },
    { replications: R, seed: 12345 },
  );
  log(
    `    ${kind.padEnd(28)} ${ms(t0).toFixed(0).padStart(5)} ms  (${r.evaluations} simulations; ${r.windowHours.toFixed(1)} window-hours; per interval ${r.perInterval.join(' ')})`,
  );
}

// (d) Erlang C at scale
{
  const req = {
    arrivalsPerHour: 4900 * 60,
    meanServiceMinutes: 1,
    target: { waitMinutes: 0.05, share: 0.9 },
  };
  q.erlangCAnswer(req);
  const n = 50;
  const t0 = now();
  let a;
  for (let i = 0; i < n; i++) a = q.erlangCAnswer(req);
  log(
    `(d) Erlang C sizing of 4,900 erlangs: ${((ms(t0) * 1000) / n).toFixed(0)} µs per answer (windows ${a.windowsRequired}, P(wait) ${a.probabilityOfWaiting.toFixed(4)})`,
  );
}

// (e) the same day, people giving up: exponential patience (mean 20 min) for most categories,
// lognormal for one, empirical for another; fewer windows so that some do give up
{
  const patient = {
    ...scenario,
    categories: scenario.categories.map((c, i) => ({
      ...c,
      patience:
        i === 0
          ? { distribution: 'lognormal', meanMinutes: 25, cv: 0.8 }
          : i === 3
            ? { distribution: 'empirical', samples: [5, 10, 15, 20, 40] }
            : { distribution: 'exponential', meanMinutes: 20 },
    })),
  };
  const layout = { kind: 'comprehensive', windows: 46 };
  const { t, last } = simulateRuns(patient, layout);
  const gaveUp = last.r.overall.abandonedShare;
  log(
    `(e) with patience: comprehensive 46   ${(last.customers / (t / 1000) / 1e6).toFixed(2)} M customers/s  (${last.customers.toFixed(0)} customers in ${t.toFixed(1)} ms; wait ${last.r.overall.meanWaitMinutes.mean.toFixed(2)} min, within target ${(100 * last.r.overall.shareWithinTarget.mean).toFixed(1)} %, gave up ${gaveUp ? (100 * gaveUp.mean).toFixed(1) : '—'} %)`,
  );
}

const m = process.memoryUsage();
log(
  `memory: rss ${mb(m.rss)}, heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)}, array buffers ${mb(m.arrayBuffers)}, external ${mb(m.external)}`,
);
