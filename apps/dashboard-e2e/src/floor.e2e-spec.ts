import type {
  DeviceCreated,
  HallView,
  QueueSnapshot,
  TicketView,
  WindowView,
} from '@onewindow/contracts';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { resolve } from 'node:path';
import { App, PASSWORD, SCREENSHOTS } from './support/app';
import { collectErrors, launchChromium } from './support/browser';
import { Stack, startStack } from './support/stack';

/** Records what the page hands to speech synthesis (headless Chromium has no voices). */
const RECORD_SPEECH = `
  window.__spoken = [];
  const synth = window.speechSynthesis;
  if (synth) {
    synth.speak = (u) => {
      window.__spoken.push(u.text);
      setTimeout(() => { u.onstart && u.onstart(); u.onend && u.onend(); }, 5);
    };
    synth.cancel = () => undefined;
  }
`;

/**
 * The hall floor in Chromium against the real API and worker on the small demo: a kiosk paired by
 * its link takes a ticket, the receipt's QR code opens the citizen's ticket page, a clerk calls it
 * at the console, the board and the ticket page show the call, the board loses no call across a
 * network drop, a double tap and a retry give one ticket, the rating pad rates the ticket, and a
 * revoked kiosk is told so. Screenshots of every page go to docs/screenshots.
 */
describe('hall floor pages in Chromium against the real API', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  /** The board is a device of its own: its network drops without the kiosk's. */
  let boardContext: BrowserContext;
  let app: App;
  let manager: string;
  let fuyang: HallView;
  let windowForClerk: WindowView;
  let kioskDevice: DeviceCreated;
  let kiosk: Page;
  let board: Page;
  let counter: Page;
  let phone: Page;
  let pad: Page;
  let issued: TicketView;
  const errors: string[] = [];

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: resolve(SCREENSHOTS, name) });
  const open = async (
    viewport: { width: number; height: number },
    on: BrowserContext = context,
  ) => {
    const page = await on.newPage();
    await page.setViewportSize(viewport);
    errors.push(...collectErrors(page));
    return page;
  };
  const device = (kind: string, name: string, windowId?: string) =>
    app.api<DeviceCreated>(
      'POST',
      `/api/v1/halls/${fuyang.id}/devices`,
      manager,
      { kind, name, ...(windowId ? { windowId } : {}) },
    );
  const issueByApi = async (serviceItemCode: string) =>
    app.api<TicketView>('POST', `/api/v1/halls/${fuyang.id}/tickets`, manager, {
      serviceItemCode,
    });
  const callNextByApi = (windowId: string) =>
    app.api<TicketView>(
      'POST',
      `/api/v1/halls/${fuyang.id}/windows/${windowId}/call-next`,
      manager,
    );

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
    context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    boardContext = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    await boardContext.addInitScript(RECORD_SPEECH);
    const setup = await context.newPage();
    app = new App(stack.baseUrl, setup);
    manager = (await app.apiLogin('fuyang-manager')).accessToken;
    fuyang = await app.hallNamed('富阳区行政服务中心', manager);
    // the hall is shared with the other browser tests: its queue must be empty (each leaves it so)
    const queue = await app.api<QueueSnapshot>(
      'GET',
      `/api/v1/halls/${fuyang.id}/queue`,
      manager,
    );
    expect(queue.waiting.reduce((n, w) => n + w.count, 0)).toBe(0);
    const windows = await app.api<WindowView[]>(
      'GET',
      `/api/v1/halls/${fuyang.id}/windows`,
      manager,
    );
    // a comprehensive window serving every category, for the clerk; two more for the board test
    const comprehensive = windows.filter(
      (w) => w.mode === 'comprehensive' && !w.categoryCodes.length,
    );
    windowForClerk = comprehensive[0];
    for (const w of comprehensive.slice(1, 3))
      await app.api(
        'POST',
        `/api/v1/halls/${fuyang.id}/windows/${w.id}/open`,
        manager,
      );
    await setup.close();
  }, 420_000);

  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await boardContext?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await stack?.stop();
  }, 60_000);

  it('pairs a kiosk by its link from the devices page: the token leaves the address bar at once', async () => {
    const admin = await open({ width: 1440, height: 900 });
    const dashboard = new App(stack.baseUrl, admin);
    await dashboard.signIn('fuyang-manager');
    await admin.goto(dashboard.url('/admin'));
    await admin.locator('[data-tab="devices"]').click();
    const form = admin.getByTestId('device-form');
    await form.locator('[name="kind"]').selectOption('kiosk');
    await form.locator('[name="name"]').fill('一楼取号机 Web');
    await form.locator('button[type="submit"]').click();
    const link = (await admin.getByTestId('pairing-link').textContent()) ?? '';
    expect(link).toMatch(/\/kiosk#token=owd_[A-Za-z0-9_-]{43}$/);
    await expect(admin.getByTestId('pairing-qr').isVisible()).resolves.toBe(
      true,
    );
    await dashboard.shot('admin-device-pairing-zh.png');
    kioskDevice = {
      id: '',
      kind: 'kiosk',
      name: '一楼取号机 Web',
      token: link.split('#token=')[1],
    };
    const devices = await app.api<{ id: string; name: string }[]>(
      'GET',
      `/api/v1/halls/${fuyang.id}/devices`,
      manager,
    );
    kioskDevice.id = devices.find((d) => d.name === '一楼取号机 Web')
      ?.id as string;
    await admin.close();

    kiosk = await open({ width: 1080, height: 1400 });
    const requests: string[] = [];
    kiosk.on('request', (r) => requests.push(r.url()));
    await kiosk.goto(link);
    await kiosk.getByTestId('hall-name').waitFor();
    expect(new URL(kiosk.url()).hash).toBe('');
    expect(
      await kiosk.evaluate(() => localStorage.getItem('ow.device.kiosk')),
    ).toBe(kioskDevice.token);
    // the token never travels in a URL
    expect(requests.filter((u) => u.includes(kioskDevice.token))).toEqual([]);
    await kiosk.getByTestId('category-tile').first().waitFor();
  });

  it('finds "医保卡余额给家人用" at the kiosk and takes one ticket, printed with a QR code of its page', async () => {
    await kiosk.getByTestId('kiosk-search').fill('医保卡余额给家人用');
    const first = kiosk.getByTestId('item-option').first();
    await first.waitFor();
    expect(await first.getAttribute('data-code')).toBe('MI-0001');
    await shot(kiosk, 'floor-kiosk-search-zh.png');
    await first.click();
    await kiosk.evaluate(() => {
      const w = window as unknown as { __prints: number };
      w.__prints = 0;
      window.print = () => void w.__prints++;
    });
    const answer = kiosk.waitForResponse(
      (r) => r.request().method() === 'POST' && /\/tickets$/.test(r.url()),
    );
    await kiosk.getByTestId('take-ticket').click();
    issued = (await (await answer).json()) as TicketView;
    const number = kiosk.getByTestId('issued-number');
    await number.waitFor();
    expect(await number.textContent()).toBe(issued.number);
    expect(issued.number).toMatch(/^B\d{3}$/);
    // the receipt went to the printer once
    await kiosk.waitForFunction(
      () => (window as unknown as { __prints: number }).__prints === 1,
    );
    await shot(kiosk, 'floor-kiosk-ticket-zh.png');

    // the QR code on the screen (and the receipt) decodes to the ticket page
    const png = PNG.sync.read(
      await kiosk.getByTestId('ticket-qr').screenshot(),
    );
    const decoded = jsQR(
      new Uint8ClampedArray(png.data),
      png.width,
      png.height,
    );
    expect(decoded?.data).toBe(`${stack.baseUrl}/t/${issued.statusToken}`);

    phone = await open({ width: 390, height: 844 });
    await phone.goto(decoded?.data as string);
    await phone.getByTestId('ticket-position').waitFor();
    expect(await phone.getByTestId('ticket-number').textContent()).toBe(
      issued.number,
    );
    expect(await phone.getByTestId('ticket-position').textContent()).toMatch(
      /前面还有 \d+ 人|下一位就是您/,
    );
    await shot(phone, 'floor-ticket-page-zh.png');
  });

  it('a clerk calls it at the console; the ticket page and the board show the call within 2 s', async () => {
    const display = await device('display', '叫号屏');
    board = await open({ width: 1920, height: 1080 }, boardContext);
    await board.goto(`${stack.baseUrl}/board#token=${display.token}`);
    await board.getByTestId('board-waiting').waitFor();
    await board.click('body'); // the user gesture a browser wants before speaking

    counter = await open({ width: 1280, height: 860 });
    await counter.goto(`${stack.baseUrl}/counter`);
    await counter.getByTestId('login-username').fill('fuyang-clerk');
    await counter.getByTestId('login-password').fill(PASSWORD);
    await counter.getByTestId('login-submit').click();
    await counter
      .locator(
        `[data-testid="window-option"][data-label="${windowForClerk.label}"]`,
      )
      .click();
    await counter.getByTestId('btn-open').click();
    await counter.getByTestId('btn-call').waitFor();
    await counter.waitForFunction(
      () =>
        !(
          document.querySelector(
            '[data-testid="btn-call"]',
          ) as HTMLButtonElement
        )?.disabled,
    );
    await counter.getByTestId('btn-call').click();
    const calledAt = Date.now();
    await counter.getByTestId('current-number').waitFor();
    expect(await counter.getByTestId('current-number').textContent()).toContain(
      issued.number,
    );
    const label = windowForClerk.label;
    await phone
      .getByTestId('ticket-window')
      .filter({ hasText: label })
      .waitFor({ timeout: 2000 });
    await board
      .getByTestId('board-current')
      .filter({ hasText: issued.number })
      .waitFor({ timeout: 2000 });
    process.stdout.write(
      `floor: call shown on the ticket page and the board within ${Date.now() - calledAt} ms\n`,
    );
    expect(await phone.getByTestId('ticket-window').textContent()).toContain(
      `请到 ${label}`,
    );
    await shot(phone, 'floor-ticket-called-zh.png');
    await shot(counter, 'floor-counter-zh.png');
  });

  it('the rating pad at that window asks for a rating when the clerk completes, and it reaches the ticket', async () => {
    const rater = await device(
      'rater',
      `${windowForClerk.label}评价器`,
      windowForClerk.id,
    );
    pad = await open({ width: 1024, height: 600 });
    await pad.goto(`${stack.baseUrl}/rate#token=${rater.token}`);
    await pad.getByTestId('rate-idle').waitFor();
    await counter.getByTestId('btn-start').click();
    await counter.waitForFunction(
      () =>
        !(
          document.querySelector(
            '[data-testid="btn-done"]',
          ) as HTMLButtonElement
        )?.disabled,
    );
    await counter.getByTestId('btn-done').click();
    await pad.getByTestId('rate-ask').waitFor();
    expect(await pad.getByTestId('rate-number').textContent()).toContain(
      issued.number,
    );
    await shot(pad, 'floor-rate-zh.png');
    await pad.getByTestId('rate-score-5').click();
    await pad.getByTestId('rate-thanks').waitFor();
    const rated = await app.api<TicketView>(
      'GET',
      `/api/v1/tickets/${issued.id}`,
      manager,
    );
    expect(rated.rating).toBe(5);
    await counter
      .getByTestId('today-served')
      .filter({ hasText: /[1-9]/ })
      .waitFor();
  });

  it('the board, offline while three tickets are called, shows all three in order and announces each', async () => {
    const spokenBefore = await board.evaluate(
      () => (window as unknown as { __spoken: string[] }).__spoken.length,
    );
    const windows = await app.api<WindowView[]>(
      'GET',
      `/api/v1/halls/${fuyang.id}/windows`,
      manager,
    );
    const open3 = windows
      .filter((w) => w.state === 'open' && w.id !== windowForClerk.id)
      .slice(0, 2);
    expect(open3.length).toBe(2);
    const tickets = [
      await issueByApi('SS-0001'),
      await issueByApi('SS-0002'),
      await issueByApi('SS-0003'),
    ];

    await boardContext.setOffline(true);
    let called: TicketView[];
    try {
      await board
        .getByTestId('board-reconnecting')
        .waitFor({ timeout: 15_000 });
      await shot(board, 'floor-board-reconnecting-zh.png');
      // three calls while the board is away: two windows, then the clerk's window again
      called = [
        await callNextByApi(open3[0].id),
        await callNextByApi(open3[1].id),
        await callNextByApi(windowForClerk.id),
      ];
    } finally {
      await boardContext.setOffline(false);
    }
    expect(called.map((c) => c.id).sort()).toEqual(
      tickets.map((t) => t.id).sort(),
    );
    for (const c of called)
      await board
        .locator(`[data-testid="board-call"][data-number="${c.number}"]`)
        .waitFor({ timeout: 15_000 });
    const listed = await board
      .getByTestId('board-call')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')));
    // newest first, in the order they were called
    expect(listed.slice(0, 3)).toEqual(called.map((c) => c.number).reverse());
    // an announcement of an earlier call may still be finishing: count only these three numbers
    const numbers = called.map((c) => c.number);
    await board.waitForFunction(
      ({ from, numbers }) =>
        (window as unknown as { __spoken: string[] }).__spoken
          .slice(from)
          .filter((text) => numbers.some((n) => text.includes(n))).length >= 6,
      { from: spokenBefore, numbers },
      { timeout: 20_000 },
    );
    const spoken = await board.evaluate(
      () => (window as unknown as { __spoken: string[] }).__spoken,
    );
    const fresh = spoken
      .slice(spokenBefore)
      .filter((text) => numbers.some((n) => text.includes(n)));
    // each call announced twice, in the order of the calls
    expect(
      fresh.map((text) => called.findIndex((c) => text.includes(c.number))),
    ).toEqual([0, 0, 1, 1, 2, 2]);
    expect(fresh[0]).toMatch(
      new RegExp(
        `请\\s*${called[0].number}\\s*号\\s*到\\s*${called[0].windowLabel}`,
      ),
    );
    await shot(board, 'floor-board-1080p-zh.png');

    // the same board on a 4K TV: everything scales with the screen, nothing stays 1080p-small
    const numberPx = () =>
      board
        .locator('[data-testid="board-current"] .number')
        .evaluate((el) => el.getBoundingClientRect().height);
    const at1080 = await numberPx();
    // the called number is over a tenth of the screen's height: readable from 10 m on a 55" TV
    expect(at1080).toBeGreaterThan(108);
    await board.setViewportSize({ width: 3840, height: 2160 });
    const at4k = await numberPx();
    expect(at4k / at1080).toBeGreaterThan(1.9);
    await shot(board, 'floor-board-4k-zh.png');
    await board.setViewportSize({ width: 1920, height: 1080 });
  });

  it('a double tap and a retried request give one ticket', async () => {
    await kiosk.getByTestId('kiosk-done').click();
    await kiosk.getByTestId('kiosk-search').fill('营业执照丢了');
    await kiosk.getByTestId('item-option').first().click();
    // the first answer is lost on its way back: the kiosk retries with the same key
    const keys: string[] = [];
    let dropped = false;
    await kiosk.route('**/api/v1/halls/*/tickets', async (route) => {
      keys.push(route.request().headers()['idempotency-key']);
      const response = await route.fetch();
      if (!dropped) {
        dropped = true;
        await route.abort('connectionreset');
        return;
      }
      await route.fulfill({ response });
    });
    const before = await waitingIn('market_regulation');
    await kiosk.getByTestId('take-ticket').dblclick();
    await kiosk.getByTestId('issued-number').waitFor({ timeout: 20_000 });
    await kiosk.unroute('**/api/v1/halls/*/tickets');
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBe(1);
    expect(await waitingIn('market_regulation')).toBe(before + 1);
  });

  /** Tickets waiting now in a category (nobody calls market regulation during that test). */
  async function waitingIn(categoryCode: string): Promise<number> {
    const q = await app.api<{
      waiting: { categoryCode: string; count: number }[];
    }>('GET', `/api/v1/halls/${fuyang.id}/queue`, manager);
    return q.waiting.find((w) => w.categoryCode === categoryCode)?.count ?? 0;
  }

  it('shows the kiosk in senior mode', async () => {
    await kiosk.getByTestId('kiosk-done').click();
    await kiosk.getByTestId('elderly-toggle').click();
    await kiosk.getByTestId('category-tile').first().waitFor();
    await shot(kiosk, 'floor-kiosk-elderly-zh.png');
    const size = await kiosk
      .getByTestId('category-tile')
      .first()
      .evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { h: r.height, font: parseFloat(getComputedStyle(el).fontSize) };
      });
    expect(size.h).toBeGreaterThanOrEqual(60);
    expect(size.font).toBeGreaterThanOrEqual(24);
    await kiosk.getByTestId('elderly-toggle').click();
  });

  it('tells a revoked kiosk so and asks for a new pairing', async () => {
    await app.api(
      'DELETE',
      `/api/v1/halls/${fuyang.id}/devices/${kioskDevice.id}`,
      manager,
    );
    await kiosk.reload();
    await kiosk.getByTestId('device-revoked').waitFor();
    expect(await kiosk.getByTestId('device-revoked').textContent()).toContain(
      '吊销',
    );
    expect(
      await kiosk.evaluate(() => localStorage.getItem('ow.device.kiosk')),
    ).toBeNull();
  });
});
