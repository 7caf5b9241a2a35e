'use strict';
/**
 * `npm run bench:dashboard [-- --runs <n>] [--no-build]`
 *
 * 1. Builds the dashboard (production, with esbuild's stats) and prints every output file as raw
 *    bytes and gzip (level 9) bytes: the initial files (index.html's entry and what it imports
 *    statically) and the lazy chunks, each named by its route page or its main package, and the
 *    initial total against the 350 KB gzip budget.
 * 2. Starts what the browser tests start (a fresh database with the small demo, rolled up; the
 *    built API serving the built dashboard), then opens the hall overview (as fuyang-manager) and
 *    the region overview (as zj-reform) in headless Chromium --runs times each, every time in a
 *    fresh browser context (empty cache), and prints the time from navigation start to the first
 *    chart drawn (data-chart-state="rendered"): each run, median and worst.
 * Prints figures; never asserts (exit 0 unless something crashed).
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const {
  ROOT,
  NX_ENV,
  run,
  login,
  startStack,
  launchChromium,
} = require('../common/stack');

const DIST = path.join(ROOT, 'dist/apps/dashboard');
const BROWSER_DIR = path.join(DIST, 'browser');
const BUDGET_GZIP = 350 * 1024;

const opts = { runs: 5, build: true };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--runs') opts.runs = Number(process.argv[++i]);
  else if (a === '--no-build') opts.build = false;
  else if (a === '--help' || a === '-h') {
    process.stdout.write(
      'usage: npm run bench:dashboard [-- --runs <n>] [--no-build]\n',
    );
    process.exit(0);
  } else throw new Error(`unknown option ${a}`);
}

const log = (m) => process.stdout.write(`› ${m}\n`);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

// ---------- 1. bundle sizes ----------

/** The name of a chunk: its route page, else the package or folder most of its bytes come from. */
function chunkName(output) {
  if (output.entryPoint)
    return output.entryPoint.replace(/^apps\/dashboard\/src\/app\//, '');
  const by = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(
    output.inputs ?? {},
  )) {
    const m =
      input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/) ??
      input.match(/apps\/dashboard\/src\/app\/([^/]+)/);
    const key = m ? (m[0].startsWith('apps/') ? `app/${m[1]}` : m[1]) : input;
    by.set(key, (by.get(key) ?? 0) + bytesInOutput);
  }
  const top = [...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2);
  return top.map(([k]) => k).join(' + ') || '(shared)';
}

function bundleSizes() {
  if (opts.build) {
    log('building the dashboard (production, --statsJson)…');
    run(
      'npx',
      [
        'nx',
        'build',
        'dashboard',
        '--statsJson',
        '--skip-nx-cache',
        '--output-style=static',
      ],
      NX_ENV,
    );
  }
  const stats = JSON.parse(
    fs.readFileSync(path.join(DIST, 'stats.json'), 'utf8'),
  );
  const outputs = stats.outputs;
  const main = Object.keys(outputs).find((f) => /^main-.*\.js$/.test(f));
  // the initial files: main and its static imports, transitively, and the global styles
  const initial = new Set([main]);
  const queue = [main];
  while (queue.length) {
    const f = queue.pop();
    for (const imp of outputs[f].imports ?? [])
      if (imp.kind === 'import-statement' && !initial.has(imp.path)) {
        initial.add(imp.path);
        queue.push(imp.path);
      }
  }
  for (const f of Object.keys(outputs))
    if (/^styles-.*\.css$/.test(f)) initial.add(f);
  const rows = Object.keys(outputs)
    .filter(
      (f) => /\.(js|css)$/.test(f) && fs.existsSync(path.join(BROWSER_DIR, f)),
    )
    .map((f) => {
      const buf = fs.readFileSync(path.join(BROWSER_DIR, f));
      return {
        file: f,
        name: chunkName(outputs[f]),
        raw: buf.length,
        gzip: zlib.gzipSync(buf, { level: 9 }).length,
        initial: initial.has(f),
      };
    })
    .sort((a, b) => b.raw - a.raw);
  const print = (title, list) => {
    process.stdout.write(`\n${title}\n`);
    process.stdout.write(
      `  ${pad('file', 24)}${pad('content', 52)}${lpad('raw', 11)}${lpad('gzip', 11)}\n`,
    );
    for (const r of list)
      process.stdout.write(
        `  ${pad(r.file, 24)}${pad(r.name.slice(0, 50), 52)}${lpad(kb(r.raw), 11)}${lpad(kb(r.gzip), 11)}\n`,
      );
    const raw = list.reduce((n, r) => n + r.raw, 0);
    const gzip = list.reduce((n, r) => n + r.gzip, 0);
    process.stdout.write(
      `  ${pad('total', 76)}${lpad(kb(raw), 11)}${lpad(kb(gzip), 11)}\n`,
    );
    return { raw, gzip };
  };
  const init = print(
    'Initial files (loaded before the first page)',
    rows.filter((r) => r.initial),
  );
  print(
    'Lazy chunks (loaded by the routes that need them)',
    rows.filter((r) => !r.initial),
  );
  process.stdout.write(
    `\nInitial JS+CSS: ${kb(init.gzip)} gzip (budget ${kb(BUDGET_GZIP)}: ${init.gzip <= BUDGET_GZIP ? 'within' : 'OVER'})\n`,
  );
}

// ---------- 2. time to first chart ----------

/** ms from navigation start to the first drawn chart, in a fresh context (cold cache). */
async function firstChart(browser, base, session, route) {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
  });
  await context.addInitScript((s) => {
    sessionStorage.setItem('ow.session', s);
    const seen = () => {
      if (
        !window.__firstChart &&
        document.querySelector('[data-chart-state="rendered"]')
      )
        window.__firstChart = performance.now();
    };
    new MutationObserver(seen).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-chart-state'],
    });
  }, JSON.stringify(session));
  const page = await context.newPage();
  await page.goto(`${base}${route}`);
  await page.waitForFunction(() => window.__firstChart !== undefined, null, {
    timeout: 60_000,
  });
  const ms = await page.evaluate(() => window.__firstChart);
  await context.close();
  return ms;
}

async function timeToFirstChart() {
  for (const f of ['dist/apps/api/main.js', 'dist/apps/cli/main.js'])
    if (!fs.existsSync(path.join(ROOT, f))) {
      log('building api and cli…');
      run(
        'npx',
        [
          'nx',
          'run-many',
          '-t',
          'build',
          '-p',
          'api',
          'cli',
          '--output-style=static',
        ],
        NX_ENV,
      );
      break;
    }
  const stack = await startStack({ DASHBOARD_DIR: BROWSER_DIR }, log);
  const base = stack.base;
  let browser;
  try {
    browser = await launchChromium();
    process.stdout.write(
      `\nTime to first chart (headless Chromium, cold cache, ${opts.runs} runs)\n`,
    );
    for (const [user, route] of [
      ['fuyang-manager', '/hall'],
      ['zj-reform', '/region'],
    ]) {
      const res = await login(base, user);
      const session = {
        accessToken: res.accessToken,
        expiresAt: Date.now() + res.expiresIn * 1000,
        user: res.user,
      };
      await firstChart(browser, base, session, route); // warm the server, not the browser
      const times = [];
      for (let i = 0; i < opts.runs; i++)
        times.push(await firstChart(browser, base, session, route));
      const sorted = [...times].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)];
      process.stdout.write(
        `  ${pad(route, 8)} as ${pad(user, 15)} median ${lpad(median.toFixed(0), 5)} ms, worst ${lpad(sorted[sorted.length - 1].toFixed(0), 5)} ms  (${times.map((t) => t.toFixed(0)).join(', ')})\n`,
      );
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await stack.stop();
  }
}

(async () => {
  bundleSizes();
  await timeToFirstChart();
})().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
