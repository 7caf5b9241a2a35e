import type {
  HallRankingResponse,
  ListResponse,
  ServiceItemView,
  TicketView,
  HallView,
} from '@onewindow/contracts';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { App } from './support/app';
import { collectErrors, launchChromium } from './support/browser';
import { Stack, startStack } from './support/stack';

const REGION_CHARTS = [
  'region-windows-chart',
  'window-targets-chart',
  'online-chart',
  'comprehensive-chart',
  'visitors-chart',
  'region-flows-chart',
];
const HALL_CHARTS = [
  'daily-chart',
  'window-history-chart',
  'channels-chart',
  'heatmap-chart',
  'flows-chart',
  'ratings-chart',
];

/**
 * The four pages in Chromium against the real API and the small demo: the region overview and its
 * drill-down (reform office), the hall overview with its live panel (hall manager), the
 * administration page, and a planner run with its progress bar (last: it needs the worker).
 */
describe('dashboard pages in Chromium against the real API', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let app: App;
  let errors: string[];
  let fuyang: HallView;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Europe/London',
      acceptDownloads: true,
    });
    page = await context.newPage();
    errors = collectErrors(page);
    app = new App(stack.baseUrl, page);
    const { accessToken } = await app.apiLogin('admin');
    fuyang = await app.hallNamed('富阳区行政服务中心', accessToken);
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

  it('shows the reform office the province: every chart with data, the ranking sortable', async () => {
    const { accessToken } = await app.apiLogin('zj-reform');
    const ranking = await app.api<HallRankingResponse>(
      'GET',
      '/api/v1/analytics/regions/330000/hall-ranking?from=2019-01-01&to=2020-12-31',
      accessToken,
    );

    await app.signIn('zj-reform');
    await page.waitForURL(/\/region$/);
    expect(await app.navPaths()).toEqual(['region', 'hall']);
    await app.expectChartsWithData(REGION_CHARTS);
    expect(await page.getByTestId('current-region').textContent()).toContain(
      '浙江省',
    );
    expect(await page.getByTestId('kpi-online').textContent()).toContain(
      '目标 ≥80%',
    );
    expect(
      await page
        .locator('[data-testid="region-windows-chart"]')
        .getAttribute('data-locale'),
    ).toBe('ZH');

    const rows = page.locator('[data-testid="ranking-row"]');
    expect(await rows.count()).toBe(ranking.halls.length);
    const firstRow = (hallId: string) =>
      page
        .locator(
          `[data-testid="ranking-table"] tbody tr:first-child[data-hall="${hallId}"]`,
        )
        .waitFor({ timeout: 10_000 });
    const byCut = [...ranking.halls].sort(
      (a, b) => b.windowsCut - a.windowsCut,
    );
    await firstRow(byCut[0].hallId);
    // a second click on the sorted column turns the order round
    await page.locator('[data-sort="windowsCut"]').click();
    await firstRow(byCut[byCut.length - 1].hallId);
    await page.locator('[data-sort="windowsCut"]').click();
    await firstRow(byCut[0].hallId);
    await app.shot('region-overview-zh.png');
  });

  it('drills down from the province to Hangzhou, to Fuyang, to its hall', async () => {
    await page.locator('[data-part="region:330100"] a').click();
    await page.waitForURL(/\/region\?code=330100$/);
    await page
      .locator('[data-testid="current-region"]', { hasText: '杭州市' })
      .waitFor();
    await app.expectChartsWithData(['region-windows-chart', 'online-chart']);
    expect(
      await page.locator('[data-testid="breadcrumb"] li').allTextContents(),
    ).toEqual(['浙江省', '杭州市'].map((n) => expect.stringContaining(n)));

    await page.locator('[data-part="region:330111"] a').click();
    await page.waitForURL(/\/region\?code=330111$/);
    await page
      .locator('[data-testid="current-region"]', { hasText: '富阳区' })
      .waitFor();
    await app.expectChartsWithData(['region-windows-chart']);
    await app.shot('region-drilldown-zh.png');

    await page.locator(`[data-part="hall:${fuyang.id}"] a`).click();
    await page.waitForURL(new RegExp(`/hall\\?hall=${fuyang.id}$`));
    await app.expectChartsWithData(HALL_CHARTS);
    await page.waitForFunction(
      (id) =>
        document.querySelector<HTMLSelectElement>('[data-testid="hall-picker"]')
          ?.value === id,
      fuyang.id,
    );

    // back up the breadcrumb to the province
    await page.goBack();
    await page.goBack();
    await page
      .locator('[data-testid="breadcrumb"] a', { hasText: '浙江省' })
      .click();
    await page.waitForURL(/\/region\?code=330000$/);
    await app.rendered('region-windows-chart');
  });

  it('re-draws the region charts in English with the ECharts locale', async () => {
    await page.getByTestId('lang-switch').click();
    await page
      .locator(
        '[data-testid="online-chart"][data-locale="EN"][data-chart-state="rendered"]',
      )
      .waitFor({ timeout: 30_000 });
    expect(await page.locator('main h1').textContent()).toContain(
      'Region overview',
    );
    expect(await page.getByTestId('kpi-online').textContent()).toContain(
      'Target ≥80%',
    );
    await app.shot('region-overview-en.png');
    await page.getByTestId('lang-switch').click();
    await app.rendered('online-chart');
  });

  it('tells a city reform office "not allowed" for another city, never a blank page', async () => {
    await app.signOut();
    await app.signIn('hz-reform');
    await page.goto(app.url('/region?code=330700'));
    await page.getByTestId('region-error').waitFor();
    expect(await page.getByTestId('region-error').textContent()).toContain(
      '没有权限查看',
    );
    expect(
      await page
        .locator('[data-testid="region-windows-chart"]')
        .getAttribute('data-chart-state'),
    ).toBe('error');
    expect(await page.getByTestId('notice').textContent()).toContain(
      '没有权限',
    );
    // the 403s are the point of this test: the browser logs each refused request
    errors.splice(0);
  });

  it('shows the hall manager the hall, and the live queue follows a new ticket without a reload', async () => {
    await app.signOut();
    await app.signIn('fuyang-manager');
    await page.waitForURL(/\/hall$/);
    expect(await app.navPaths()).toEqual(['hall', 'planner', 'admin']);
    await app.expectChartsWithData(HALL_CHARTS);
    expect(await page.getByTestId('window-change').count()).toBeGreaterThan(0);
    await page
      .locator('[data-testid="live-status"][data-live-state="open"]')
      .waitFor({ timeout: 20_000 });
    const before = Number(
      await page.getByTestId('live-waiting').getAttribute('data-value'),
    );
    await page.evaluate(
      () => ((window as unknown as { marker: number }).marker = 42),
    );

    const { accessToken } = await app.apiLogin('fuyang-manager');
    const items = await app.api<ListResponse<ServiceItemView>>(
      'GET',
      '/api/v1/service-items?limit=1',
      accessToken,
    );
    const ticket = await app.api<TicketView>(
      'POST',
      `/api/v1/halls/${fuyang.id}/tickets`,
      accessToken,
      { serviceItemCode: items.items[0].code, channel: 'staff' },
      { 'Idempotency-Key': `e2e-${Date.now()}` },
    );
    await page
      .locator(`[data-testid="live-waiting"][data-value="${before + 1}"]`)
      .waitFor({ timeout: 15_000 });
    expect(
      await page.evaluate(
        () => (window as unknown as { marker?: number }).marker,
      ),
    ).toBe(42);
    await app.rendered('live-waiting-chart');
    await app.shot('hall-overview-live-zh.png');
    // the hall's queue is shared with the other browser tests: leave it as it was
    await app.api('POST', `/api/v1/tickets/${ticket.id}/cancel`, accessToken);
    await page
      .locator(`[data-testid="live-waiting"][data-value="${before}"]`)
      .waitFor({ timeout: 15_000 });
  });

  it('exports a chart as PNG and its data as CSV', async () => {
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('daily-chart-png').click(),
    ]);
    expect(png.suggestedFilename()).toMatch(
      /^daily_.+_2019-01-01_2020-12-31\.png$/,
    );
    const pngBytes = readFileSync(await png.path());
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('channels-chart-csv').click(),
    ]);
    const lines = readFileSync(await csv.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      '时段,窗口,网上办（PC）,掌上办（移动端）,自助终端,合作网点,代办,合计,网上办理率',
    );
    expect(lines).toHaveLength(25); // 24 months
    expect(lines[1]).toMatch(/^2019-01-01,\d+,/);
  });

  it('lets the manager administer windows (back-dated), issue a device token once and revoke it, and disable a clerk', async () => {
    await page.locator('[data-nav="admin"]').click();
    await page.waitForURL(/\/admin$/);
    await page.getByTestId('windows-table').waitFor();
    const label = `E${Date.now() % 100000}`;
    await page.getByTestId('window-label').fill(label);
    await page.getByTestId('window-mode').selectOption('comprehensive');
    await page.getByTestId('window-date').fill('2020-12-01');
    await page
      .getByTestId('window-form')
      .locator('button[type="submit"]')
      .click();
    await page.getByTestId('form-ok').waitFor();
    const row = page.locator(
      `[data-testid="window-row"][data-label="${label}"]`,
    );
    await row.waitFor();
    expect(await row.textContent()).toContain('2020-12-01');
    await page.getByTestId('action-date').fill('2020-12-15');
    await row.getByTestId('convert').click();
    await page
      .locator('[data-testid="form-ok"]', { hasText: '已改为部门窗口' })
      .waitFor();
    expect(await row.textContent()).toContain('部门窗口');
    page.once('dialog', (d) => void d.accept());
    await row.getByTestId('retire').click();
    await page
      .locator('[data-testid="form-ok"]', { hasText: '已撤销' })
      .waitFor();
    expect(await row.count()).toBe(0);
    await app.shot('admin-windows-zh.png');

    await page.locator('[data-tab="devices"]').click();
    await page.getByTestId('device-name').fill('一楼取号机（测试）');
    await page
      .getByTestId('device-form')
      .locator('button[type="submit"]')
      .click();
    const token = (await page.getByTestId('device-token').textContent()) ?? '';
    expect(token.length).toBeGreaterThan(20);
    expect(await page.getByTestId('token-box').textContent()).toContain(
      '只显示这一次',
    );
    await page.getByTestId('token-done').click();
    await page.getByTestId('token-box').waitFor({ state: 'detached' });
    expect(await page.locator('body').textContent()).not.toContain(token);
    const device = page.locator(
      '[data-testid="device-row"][data-name="一楼取号机（测试）"]',
    );
    await device.getByTestId('revoke').click();
    await device.locator('.badge', { hasText: '已吊销' }).waitFor();
    await app.shot('admin-devices-zh.png');

    // users: the hall's own, from GET /users; a new clerk, then disabled
    await page.locator('[data-tab="users"]').click();
    await page
      .locator('[data-testid="user-row"][data-username="fuyang-clerk"]')
      .waitFor();
    expect(
      await page
        .locator('[data-testid="user-row"][data-username="yiwu-manager"]')
        .count(),
    ).toBe(0);
    const username = `e2e-clerk-${Date.now() % 100000}`;
    const password = 'e2e-long-password';
    await page.getByTestId('user-name').fill(username);
    await page.getByTestId('user-password').fill(password);
    await page
      .getByTestId('user-form')
      .locator('button[type="submit"]')
      .click();
    const user = page.locator(
      `[data-testid="user-row"][data-username="${username}"]`,
    );
    await user.waitFor();
    expect(await user.getAttribute('data-active')).toBe('true');
    page.once('dialog', (d) => void d.accept());
    await user.getByTestId('toggle-user').click();
    await page
      .locator(
        `[data-testid="user-row"][data-username="${username}"][data-active="false"]`,
      )
      .waitFor();
    expect(await user.getByTestId('user-state').textContent()).toContain(
      '已停用',
    );
    // the API agrees: the disabled login is refused
    const login = await fetch(app.url('/api/v1/auth/login'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(login.status).toBe(401);
    await app.shot('admin-users-zh.png');
  });

  it('runs a plan with a visible progress bar and shows the layouts side by side', async () => {
    await page.locator('[data-nav="planner"]').click();
    await page.waitForURL(/\/planner$/);
    await page.getByTestId('instant-windows').waitFor({ timeout: 30_000 });
    expect(
      Number(await page.getByTestId('instant-windows').textContent()),
    ).toBeGreaterThan(0);
    await page.getByTestId('online-shift').fill('10');
    expect(await page.getByTestId('shift-value').textContent()).toContain(
      '+10',
    );
    await page.getByTestId('replications').fill('5');
    await page.getByTestId('replications').dispatchEvent('change');
    await page.getByTestId('run-plan').click();
    const progress = page.getByTestId('plan-progress');
    await progress.waitFor({ state: 'visible' });
    expect(await progress.isVisible()).toBe(true);
    await page
      .locator(
        '[data-testid="plan-run"][data-state="done"], [data-testid="plan-run"][data-state="failed"]',
      )
      .waitFor({ timeout: 170_000 });
    const failure = await page
      .getByTestId('plan-error')
      .textContent()
      .catch(() => null);
    expect({ failure }).toEqual({ failure: null });
    expect(Number(await progress.getAttribute('value'))).toBe(1);
    await app.expectChartsWithData([
      'required-windows-chart',
      'wait-chart',
      'utilisation-chart',
    ]);
    expect(await page.getByTestId('layout-card').count()).toBe(3);
    expect(await page.getByTestId('run-row').count()).toBeGreaterThan(0);
    await app.shot('planner-zh.png');
  }, 200_000);
});
