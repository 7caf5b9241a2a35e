'use strict';
/**
 * `npm run bench:floor [-- --taps <n>] [--no-build]`
 *
 * 1. Initial JS of each hall-floor page, as a browser loads it: the built API serves the built
 *    floor app (gzip copies beside each file); each page is opened in a fresh headless Chromium
 *    context and every script it loads before it is ready is summed, raw and gzip, against its
 *    budget (ticket page ≤ 60 KB gzip; kiosk and board ≤ 150 KB).
 * 2. The kiosk's tap-to-ticket time on the local stack: a paired kiosk (printing off) takes
 *    --taps tickets; each time from the tap on 取号 to the number on the screen, measured in the
 *    page (pointerdown to the element's appearance). Prints p50, p95 and worst.
 * Prints figures; never asserts (exit 0 unless something crashed).
 */
const fs = require('node:fs');
const path = require('node:path');
const {
  ROOT,
  NX_ENV,
  run,
  login,
  startStack,
  launchChromium,
} = require('../common/stack');

const FLOOR_DIR = path.join(ROOT, 'dist/apps/floor/browser');
const KB = 1024;
const BUDGETS = { ticket: 60 * KB, kiosk: 150 * KB, board: 150 * KB };

const opts = { taps: 40, build: true };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--taps') opts.taps = Number(process.argv[++i]);
  else if (a === '--no-build') opts.build = false;
  else if (a === '--help' || a === '-h') {
    process.stdout.write(
      'usage: npm run bench:floor [-- --taps <n>] [--no-build]\n',
    );
    process.exit(0);
  } else throw new Error(`unknown option ${a}`);
}

const log = (m) => process.stdout.write(`› ${m}\n`);
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

async function api(base, method, urlPath, token, body) {
  const res = await fetch(`${base}/api/v1${urlPath}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${urlPath}: ${res.status}`);
  return res.json();
}

/** Scripts a page loads until it shows `readyTestId`: file, raw and gzip bytes (as served). */
async function pageScripts(browser, url, readyTestId, init) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const scripts = new Set();
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
  });
  await page.goto(url);
  await page.getByTestId(readyTestId).first().waitFor({ timeout: 60_000 });
  await context.close();
  return [...scripts].map((p) => {
    const file = path.join(FLOOR_DIR, p.replace(/^\/floor\//, ''));
    return {
      file: path.basename(file),
      raw: fs.statSync(file).size,
      gzip: fs.statSync(`${file}.gz`).size,
    };
  });
}

async function main() {
  if (opts.build) {
    log('building api, cli and the floor app (production)…');
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
        'floor',
        '--skip-nx-cache',
        '--output-style=static',
      ],
      NX_ENV,
    );
  }
  const stack = await startStack({ FLOOR_DIR }, log);
  const base = stack.base;
  let browser;
  try {
    const manager = (await login(base, 'fuyang-manager')).accessToken;
    const halls = await api(
      base,
      'GET',
      '/halls?region=330000&limit=200',
      manager,
    );
    const hall = halls.items.find((h) => h.name.includes('富阳区行政服务中心'));
    const windows = await api(
      base,
      'GET',
      `/halls/${hall.id}/windows`,
      manager,
    );
    const device = (kind, extra = {}) =>
      api(base, 'POST', `/halls/${hall.id}/devices`, manager, {
        kind,
        name: `bench ${kind}`,
        ...extra,
      });
    const kiosk = await device('kiosk');
    const display = await device('display');
    const rater = await device('rater', { windowId: windows[0].id });
    const ticket = await api(
      base,
      'POST',
      `/halls/${hall.id}/tickets`,
      manager,
      {
        serviceItemCode: 'MI-0001',
      },
    );
    browser = await launchChromium();

    process.stdout.write(
      '\nInitial JS per page (loaded before the page is ready)\n',
    );
    const pages = [
      ['ticket', `/t/${ticket.statusToken}`, 'ticket-number'],
      ['kiosk', `/kiosk#token=${kiosk.token}&print=off`, 'category-tile'],
      ['board', `/board#token=${display.token}`, 'board-waiting'],
      ['counter', '/counter', 'login-username'],
      ['rate', `/rate#token=${rater.token}`, 'rate-idle'],
    ];
    for (const [name, route, ready] of pages) {
      const files = await pageScripts(browser, `${base}${route}`, ready);
      const raw = files.reduce((n, f) => n + f.raw, 0);
      const gzip = files.reduce((n, f) => n + f.gzip, 0);
      const budget = BUDGETS[name];
      process.stdout.write(
        `  ${pad(name, 8)} ${lpad(kb(raw), 9)} raw ${lpad(kb(gzip), 9)} gzip` +
          (budget
            ? `  budget ${kb(budget)}: ${gzip <= budget ? 'within' : 'OVER'}`
            : '') +
          `  (${files.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ')})\n`,
      );
    }

    // tap to ticket
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1080, height: 1400 },
    });
    await context.addInitScript(() => {
      window.__taps = [];
      document.addEventListener(
        'pointerdown',
        (e) => {
          if (e.target.closest?.('[data-testid="take-ticket"]'))
            window.__tapAt = performance.now();
        },
        true,
      );
      new MutationObserver(() => {
        if (
          window.__tapAt !== undefined &&
          document.querySelector('[data-testid="issued-number"]')
        ) {
          window.__taps.push(performance.now() - window.__tapAt);
          window.__tapAt = undefined;
        }
      }).observe(document, { subtree: true, childList: true });
    });
    const page = await context.newPage();
    await page.goto(`${base}/kiosk#token=${kiosk.token}&print=off`);
    await page.getByTestId('category-tile').first().waitFor();
    log(`taking ${opts.taps} tickets at the kiosk…`);
    for (let i = 0; i < opts.taps; i++) {
      await page.getByTestId('kiosk-search').fill('医保卡余额给家人用');
      await page.getByTestId('item-option').first().click();
      await page.getByTestId('take-ticket').click();
      await page.getByTestId('issued-number').waitFor();
      await page.getByTestId('kiosk-done').click();
    }
    const taps = await page.evaluate(() => window.__taps);
    await context.close();
    const sorted = [...taps].sort((a, b) => a - b);
    const at = (q) =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    process.stdout.write(
      `\nKiosk tap-to-ticket (${sorted.length} tickets, local stack, headless Chromium): ` +
        `p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, worst ${sorted[sorted.length - 1].toFixed(0)} ms\n`,
    );
  } finally {
    await browser?.close().catch(() => undefined);
    await stack.stop();
  }
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
