import type {
  HallCoverage,
  HallView,
  ListResponse,
  LoginResponse,
  WindowHistoryResponse,
} from '@onewindow/contracts';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  collectErrors,
  launchChromium,
  paintedPixels,
} from './support/browser';
import { Stack, startStack, WORKSPACE_ROOT } from './support/stack';

const PASSWORD = 'OneWindow!2020';
const SCREENSHOTS = resolve(WORKSPACE_ROOT, 'docs/screenshots');
const CHART = '[data-testid="window-history-chart"]';
const RENDERED = `${CHART}[data-chart-state="rendered"]`;

/** Points the dashboard draws for n days: all of them up to a year, else one a week plus the last day. */
function expectedPoints(days: number): number {
  if (days <= 366) return days;
  return Math.ceil(days / 7) + ((days - 1) % 7 === 0 ? 0 : 1);
}

describe('dashboard shell in Chromium against the real API', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  const url = (path: string) => `${stack.baseUrl}${path}`;
  const navPaths = () =>
    page
      .locator('[data-testid="nav"] a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('data-nav')));
  const shot = (name: string) =>
    page.screenshot({ path: resolve(SCREENSHOTS, name), fullPage: true });

  async function apiGet<T>(path: string, token: string): Promise<T> {
    const res = await fetch(url(path), {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!res.ok)
      throw new Error(`GET ${path} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async function apiLogin(username: string): Promise<LoginResponse> {
    const res = await fetch(url('/api/v1/auth/login'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (res.status !== 200)
      throw new Error(`login ${username} → ${res.status} ${await res.text()}`);
    return (await res.json()) as LoginResponse;
  }

  async function signIn(username: string): Promise<void> {
    await page.goto(url('/login'));
    await page.getByTestId('username').fill(username);
    await page.getByTestId('password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
  }

  async function renderedChart() {
    const chart = page.locator(RENDERED);
    await chart.waitFor({ state: 'visible', timeout: 30_000 });
    return chart;
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    stack = await startStack();
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      locale: 'zh-CN',
      // not Beijing: the dashboard must still show Beijing time
      timezoneId: 'Europe/London',
      acceptDownloads: true,
    });
    page = await context.newPage();
    errors = collectErrors(page);
  }, 420_000);

  afterEach(() => {
    const found = errors.splice(0);
    expect(found).toEqual([]);
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await stack?.stop();
  }, 60_000);

  it('sends a visitor to the Chinese login page', async () => {
    await page.goto(url('/'));
    await page.waitForURL(/\/login/);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('h1').textContent()).toContain('登录');
    expect(await page.title()).toBe('登录 · 一窗通 OneWindow');
    await shot('login.png');
  });

  it('signs an admin in and draws the window history of the first hall with tickets from the API', async () => {
    // what the page should show, asked of the API directly
    const { accessToken } = await apiLogin('admin');
    const halls = await apiGet<ListResponse<HallView>>(
      '/api/v1/halls?region=330000&limit=200',
      accessToken,
    );
    expect(halls.items.length).toBeGreaterThan(0);
    // the page opens on the first hall that has tickets, not on an empty one
    let first = halls.items[0];
    for (const h of halls.items) {
      const coverage = await apiGet<HallCoverage>(
        `/api/v1/analytics/halls/${h.id}/coverage`,
        accessToken,
      );
      if (coverage.tickets) {
        first = h;
        break;
      }
    }
    expect(first).not.toBe(halls.items[0]);
    const history = await apiGet<WindowHistoryResponse>(
      `/api/v1/halls/${first.id}/windows/history?from=2019-01-01&to=2020-12-31`,
      accessToken,
    );
    expect(history.days.some((d) => d.total > 0)).toBe(true);

    await signIn('admin');
    await page.waitForURL(/\/hall$/);
    expect(await navPaths()).toEqual(['region', 'hall', 'planner', 'admin']);
    expect(await page.getByTestId('role').textContent()).toContain(
      '系统管理员',
    );
    // the picker fills when the halls arrive: wait for them before counting
    const options = page.locator('[data-testid="hall-picker"] option');
    await options.first().waitFor({ state: 'attached' });
    expect(await options.count()).toBe(halls.items.length);

    const chart = await renderedChart();
    expect(await chart.getAttribute('data-locale')).toBe('ZH');
    // department, comprehensive and total: one point each per day (per week beyond a year)
    expect(Number(await chart.getAttribute('data-points'))).toBe(
      3 * expectedPoints(history.days.length),
    );
    expect(await paintedPixels(page)).toBeGreaterThan(5_000);
    expect(
      await page.locator(`${CHART} [role="img"]`).getAttribute('aria-label'),
    ).toContain('2019-01-01');
    expect(await page.getByTestId('loaded-at').textContent()).toContain(
      '北京时间',
    );
    await shot('hall-overview-zh.png');
  });

  it('switches to English, re-draws the chart in English and remembers the choice', async () => {
    await page.getByTestId('lang-switch').click();
    await page
      .locator(`${CHART}[data-locale="EN"][data-chart-state="rendered"]`)
      .waitFor({ timeout: 30_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('main h1').textContent()).toContain(
      'Hall overview',
    );
    expect(await page.locator('[data-nav="planner"]').textContent()).toContain(
      'Planner',
    );
    expect(await page.getByTestId('logout').textContent()).toContain('Log out');
    expect(await page.getByTestId('loaded-at').textContent()).toContain(
      'Beijing time',
    );
    expect(await page.title()).toBe('Hall overview · 一窗通 OneWindow');
    expect(await paintedPixels(page)).toBeGreaterThan(5_000);

    await page.reload();
    await renderedChart();
    expect(await page.locator('main h1').textContent()).toContain(
      'Hall overview',
    );
    expect(await page.evaluate(() => localStorage.getItem('ow.lang'))).toBe(
      'en',
    );
    await shot('hall-overview-en.png');
  });

  it('downloads the chart data as CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('window-history-chart-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^windows_.+_2019-01-01_2020-12-31\.csv$/,
    );
    const path = await download.path();
    const lines = readFileSync(path, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Date,Department windows,Comprehensive windows,Total',
    );
    expect(lines[1]).toMatch(/^2019-01-01,\d+,\d+,\d+$/);
    expect(lines[lines.length - 1]).toMatch(/^2020-12-31,\d+,\d+,\d+$/);
  });

  it('shows a clerk only the hall overview of their own hall', async () => {
    await page.getByTestId('lang-switch').click(); // back to Chinese
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);

    await signIn('fuyang-clerk');
    await page.waitForURL(/\/hall$/);
    expect(await navPaths()).toEqual(['hall']);
    expect(await page.locator('[data-nav="planner"]').count()).toBe(0);
    expect(await page.locator('[data-nav="admin"]').count()).toBe(0);
    expect(await page.getByTestId('hall-picker').count()).toBe(0);
    expect(
      (await page.getByTestId('hall-name').textContent())?.trim(),
    ).not.toBe('');
    expect(await page.getByTestId('role').textContent()).toContain(
      '窗口工作人员',
    );
    const chart = await renderedChart();
    expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(0);
    await shot('clerk-hall-overview.png');

    // a page of another role: back to the hall page with a notice, without asking the API
    await page.goto(url('/planner'));
    await page.waitForURL(/\/hall$/);
    expect(await page.getByTestId('notice').textContent()).toContain(
      '无权访问该页面',
    );
  });

  it('lands a reform office on the region overview', async () => {
    await page.getByTestId('logout').click();
    await signIn('zj-reform');
    await page.waitForURL(/\/region$/);
    expect(await navPaths()).toEqual(['region', 'hall']);
    await page
      .locator(
        '[data-testid="region-windows-chart"][data-chart-state="rendered"]',
      )
      .waitFor({ timeout: 30_000 });
    expect(await paintedPixels(page, 'region-windows-chart')).toBeGreaterThan(
      5_000,
    );
  });
});
