import type {
  DeviceCreated,
  DeviceView,
  HallCoverage,
  HallDailyResponse,
  HallDemand,
  HallHourlyResponse,
  HallRatingsResponse,
  HallView,
  QueueSnapshot,
  TicketView,
  WindowView,
} from '@onewindow/contracts';
import { openEventStream } from '@onewindow/live-client';
import { DateTime } from 'luxon';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { App, SCREENSHOTS } from './support/app';
import { launchChromium } from './support/browser';
import { DEMO_LIVE_MAIN, type Stack, startStack } from './support/stack';

/** The simulated span: 09:00–11:30, the morning peak, at 120 × (a hall-day of 8.5 h in 4.25 min). */
const FROM = '09:00';
const HOURS = 2.5;
const DAY_MINUTES = 4.25;

interface DaySummary {
  hall: string;
  date: string;
  windows: number;
  expected: number;
  issued: number;
  called: number;
  served: number;
  noShows: number;
  gaveUp: number;
  ratings: number;
}

const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

/** The built simulator in `fast` mode against a stack, its output kept. */
function simulator(baseUrl: string, env: Record<string, string>) {
  let output = '';
  const child = spawn(process.execPath, [DEMO_LIVE_MAIN], {
    env: {
      ...process.env,
      DEMO_LIVE: 'fast',
      DEMO_LIVE_API: baseUrl,
      DEMO_LIVE_DAY_MINUTES: String(DAY_MINUTES),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', r));
  return {
    child,
    output: () => output,
    /** Its exit code, or 'timeout' (then it is killed). */
    async exit(timeoutMs: number): Promise<number | null | 'timeout'> {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const code = await Promise.race([
        exited,
        new Promise<'timeout'>((r) => {
          timer = setTimeout(() => r('timeout'), timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      if (code === 'timeout') child.kill('SIGKILL');
      return code;
    },
  };
}

/**
 * The living demo against the real stack (its own: the simulated day would disturb the other
 * specs' hall): the simulator runs Fuyang's morning in `fast` mode through the public contract,
 * and everything is checked through the API: arrivals at the planner's fitted rates, handling at
 * the fitted times, every ticket ended in a possible state, the live stream carried every change,
 * today's rollups equal the raw tickets. Screenshots of the hall's live panel and the board at the
 * peak go to docs/screenshots.
 */
describe('the living demo: a simulated morning at Fuyang', () => {
  let stack: Stack;
  let browser: Browser;
  let app: App;
  let manager: string;
  let hall: HallView;
  let today: string;
  let demand: HallDemand;
  let summary: DaySummary;
  let speed: number;
  /** Every ticket event of the hall's stream, in order. */
  const events: { type: string; ticket: TicketView }[] = [];
  let closeStream: () => void = () => undefined;
  const tickets = new Map<string, TicketView>();

  beforeAll(async () => {
    // the simulated morning is a whole hall's load through one clerk's login and one kiosk, and the
    // checks read every ticket: the per-person and per-device limits would slow both to a crawl
    stack = await startStack({
      own: true,
      env: { DEVICE_RATE_LIMIT_PER_MINUTE: '100000' },
    });
    browser = await launchChromium();
    const setup = await browser.newPage();
    app = new App(stack.baseUrl, setup);
    manager = (await app.apiLogin('fuyang-manager')).accessToken;
    hall = await app.hallNamed('富阳区行政服务中心', manager);
    // the simulated morning is today's: a run across the hall's midnight would split it over two
    // days, so start after midnight when it is close (a few minutes at most)
    const now = DateTime.now().setZone(hall.timezone);
    const toMidnight = now.endOf('day').diff(now).as('milliseconds');
    if (toMidnight < 8 * 60_000)
      await new Promise((r) => setTimeout(r, toMidnight + 5_000));
    today = DateTime.now().setZone(hall.timezone).toISODate() as string;
    const open = toMin(hall.openingHours.open);
    const close = toMin(hall.openingHours.close);
    speed = (close - open) / DAY_MINUTES;

    // the fit the simulator draws from: the last 8 weeks of history, today's weekday (the first
    // opening weekday on a day the hall is closed)
    const coverage = await app.api<HallCoverage>(
      'GET',
      `/api/v1/analytics/halls/${hall.id}/coverage?before=${today}`,
      manager,
    );
    const to = coverage.tickets?.to as string;
    const from8 = DateTime.fromISO(to).minus({ weeks: 8 }).plus({ days: 1 });
    const from = DateTime.max(
      from8,
      DateTime.fromISO(coverage.tickets?.from as string),
    );
    const weekday = DateTime.now().setZone(hall.timezone).weekday;
    const w = hall.openingHours.weekdays.includes(weekday)
      ? weekday
      : hall.openingHours.weekdays[0];
    demand = await app.api<HallDemand>(
      'GET',
      `/api/v1/halls/${hall.id}/demand?from=${from.toISODate()}&to=${to}&weekdays=${w}`,
      manager,
    );

    closeStream = openEventStream(
      {
        url: `${stack.baseUrl}/api/v1/halls/${hall.id}/events`,
        headers: () => ({ Authorization: `Bearer ${manager}` }),
        connectivity: null,
      },
      (m) => {
        if (m.kind !== 'event' || !m.event.event.startsWith('ticket.')) return;
        const data = JSON.parse(m.event.data) as
          | TicketView
          | { from: TicketView; to: TicketView };
        const ticket = 'id' in data ? data : data.from;
        events.push({ type: m.event.event.slice('ticket.'.length), ticket });
      },
    );
    await new Promise((r) => setTimeout(r, 500));
  }, 720_000);

  afterAll(async () => {
    closeStream();
    await browser?.close().catch(() => undefined);
    await stack?.stop();
  }, 60_000);

  it('runs the morning in fast mode through the contract, and screenshots the peak', async () => {
    // the board and the hall page, ready before the doors open
    const display = await app.api<DeviceCreated>(
      'POST',
      `/api/v1/halls/${hall.id}/devices`,
      manager,
      { kind: 'display', name: '大厅叫号屏' },
    );
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: hall.timezone,
    });
    const board = await context.newPage();
    await board.setViewportSize({ width: 1920, height: 1080 });
    await board.goto(`${stack.baseUrl}/board#token=${display.token}`);
    await board.getByTestId('board-waiting').waitFor();
    const dashboard = await context.newPage();
    await dashboard.setViewportSize({ width: 1440, height: 900 });
    const panelApp = new App(stack.baseUrl, dashboard);
    await panelApp.signIn('fuyang-manager');
    await dashboard.getByTestId('live-panel').waitFor();

    const started = Date.now();
    const sim = simulator(stack.baseUrl, {
      DEMO_LIVE_FROM: FROM,
      DEMO_LIVE_HOURS: String(HOURS),
      DEMO_LIVE_HALLS: hall.id,
      DEMO_LIVE_SEED: '20201231',
    });

    // 10:15 of the simulated day: the peak, people waiting
    await new Promise((r) =>
      setTimeout(
        r,
        Math.max(0, (75 * 60_000) / speed - (Date.now() - started)),
      ),
    );
    await dashboard.waitForFunction(
      () =>
        Number(
          document
            .querySelector('[data-testid="live-waiting"]')
            ?.getAttribute('data-value'),
        ) > 0,
      undefined,
      { timeout: 30_000 },
    );
    await dashboard.getByTestId('live-panel').screenshot({
      path: resolve(SCREENSHOTS, 'demo-live-hall-panel-zh.png'),
    });
    await board.locator('[data-testid="board-call"]').first().waitFor();
    await board.screenshot({
      path: resolve(SCREENSHOTS, 'demo-live-board-zh.png'),
    });
    await context.close();

    const code = await sim.exit(240_000);
    const output = sim.output();
    expect({ code, output: code === 0 ? '' : output }).toEqual({
      code: 0,
      output: '',
    });
    const line = output.split('\n').find((l) => l.startsWith('{"demoLiveDay"'));
    summary = (JSON.parse(line as string) as { demoLiveDay: DaySummary })
      .demoLiveDay;
    expect(summary.date).toBe(today);
  }, 420_000);

  it("issues tickets at the hall's fitted arrival rates, and ends every one of them", async () => {
    // the fitted mean arrivals of 09:00–11:30, from the API's fit (not the simulator's)
    const a = toMin(FROM);
    const b = a + HOURS * 60;
    let expected = 0;
    demand.intervals.forEach((iv, k) => {
      const s = toMin(iv.start);
      const e = toMin(iv.end);
      const overlap = Math.max(0, Math.min(b, e) - Math.max(a, s));
      expected += (demand.byInterval[k] * overlap) / (e - s);
    });
    console.log(
      `demo-live: ${summary.issued} tickets for ${expected.toFixed(1)} expected (fit of ${demand.days} days), ` +
        `${summary.windows} windows, ${summary.served} served, ${summary.noShows} no-shows, ` +
        `${summary.gaveUp} gave up, ${summary.ratings} ratings`,
    );
    expect(summary.expected).toBeCloseTo(expected, 0);
    expect(expected).toBeGreaterThan(200);
    // a Poisson count: within 4 standard deviations
    expect(Math.abs(summary.issued - expected)).toBeLessThanOrEqual(
      4 * Math.sqrt(expected),
    );
    // the queue is served out: everyone was served, did not show, or gave up
    expect(summary.served + summary.noShows + summary.gaveUp).toBe(
      summary.issued,
    );
    // no-shows at the fitted rate (binomial, 4 standard deviations)
    const p = demand.noShowRate;
    const shown = summary.issued - summary.gaveUp;
    expect(Math.abs(summary.noShows / shown - p)).toBeLessThanOrEqual(
      4 * Math.sqrt((p * (1 - p)) / shown) + 0.005,
    );
  });

  it('leaves no ticket in an impossible state, no window open, nothing held, its devices revoked', async () => {
    const ids = [...new Set(events.map((e) => e.ticket.id))];
    expect(ids.length).toBe(summary.issued);
    for (const id of ids)
      tickets.set(
        id,
        await app.api<TicketView>('GET', `/api/v1/tickets/${id}`, manager),
      );
    const states: Record<string, number> = {};
    for (const t of tickets.values()) {
      states[t.state] = (states[t.state] ?? 0) + 1;
      expect(t.serviceDate).toBe(today);
      if (t.state === 'done') {
        expect(t.calledAt && t.startedAt && t.completedAt).toBeTruthy();
        const [issued, calledAt, startedAt, completedAt] = [
          t.issuedAt,
          t.calledAt,
          t.startedAt,
          t.completedAt,
        ].map((x) => Date.parse(x as string));
        expect(issued).toBeLessThanOrEqual(calledAt);
        expect(calledAt).toBeLessThanOrEqual(startedAt);
        expect(startedAt).toBeLessThanOrEqual(completedAt);
        expect(t.outcome).toBeDefined();
      } else if (t.state === 'no_show') {
        expect(t.calledAt).toBeDefined();
        expect(t.startedAt).toBeUndefined();
        expect(t.recallCount).toBe(1);
      } else {
        expect(t.state).toBe('cancelled');
        expect(t.calledAt).toBeUndefined();
      }
    }
    expect(states).toEqual({
      done: summary.served,
      no_show: summary.noShows,
      ...(summary.gaveUp ? { cancelled: summary.gaveUp } : {}),
    });

    const queue = await app.api<QueueSnapshot>(
      'GET',
      `/api/v1/halls/${hall.id}/queue`,
      manager,
    );
    expect(queue.waiting.reduce((s, w) => s + w.count, 0)).toBe(0);
    expect(queue.windows.filter((w) => w.currentTicket)).toEqual([]);
    const windows = await app.api<WindowView[]>(
      'GET',
      `/api/v1/halls/${hall.id}/windows`,
      manager,
    );
    expect(
      windows.filter((w) => w.state === 'open' || w.state === 'paused'),
    ).toEqual([]);
    const devices = await app.api<DeviceView[]>(
      'GET',
      `/api/v1/halls/${hall.id}/devices`,
      manager,
    );
    const paired = devices.filter((d) => d.name.startsWith('演示模拟'));
    expect(paired.length).toBeGreaterThanOrEqual(2);
    expect(paired.filter((d) => !d.revokedAt)).toEqual([]);
  });

  it('served at the fitted handling times', async () => {
    const done = [...tickets.values()].filter((t) => t.state === 'done');
    expect(done.length).toBe(summary.served);
    let observed = 0;
    let expected = 0;
    let variance = 0;
    for (const t of done) {
      const real =
        Date.parse(t.completedAt as string) - Date.parse(t.startedAt as string);
      observed += (real * speed) / 60_000;
      const fit =
        demand.categories.find((c) => c.code === t.categoryCode)?.handling ??
        demand.handling;
      const mean = fit?.meanMinutes as number;
      expected += mean;
      variance += ((fit?.cv as number) * mean) ** 2;
    }
    const n = done.length;
    const se = Math.sqrt(variance) / n;
    console.log(
      `demo-live: mean handling ${(observed / n).toFixed(2)} simulated minutes, fitted ${(expected / n).toFixed(2)} (standard error ${se.toFixed(2)})`,
    );
    // 4 standard errors, and 4% for the clamp at 3 × mean and the round trips between the steps
    expect(Math.abs(observed / n - expected / n)).toBeLessThanOrEqual(
      4 * se + 0.04 * (expected / n),
    );
  });

  it('carried every change on the live stream, in each ticket’s order', () => {
    const byTicket = new Map<string, string[]>();
    for (const e of events) {
      const list = byTicket.get(e.ticket.id) ?? [];
      list.push(e.type);
      byTicket.set(e.ticket.id, list);
    }
    const lifecycle =
      /^issued (called (recalled )*(started completed|no_show)|cancelled)$/;
    for (const [id, list] of byTicket) {
      const text = list.join(' ');
      expect({ id, text, ok: lifecycle.test(text) }).toEqual({
        id,
        text,
        ok: true,
      });
      const last = list[list.length - 1];
      const state = {
        completed: 'done',
        no_show: 'no_show',
        cancelled: 'cancelled',
      }[last];
      expect(tickets.get(id)?.state).toBe(state);
    }
    expect(byTicket.size).toBe(tickets.size);
  });

  it("today's rollups equal the raw tickets (daily, hourly and ratings)", async () => {
    const all = [...tickets.values()];
    const called = all.filter((t) => t.calledAt);
    const done = all.filter((t) => t.state === 'done');
    const noShows = all.filter((t) => t.state === 'no_show');
    // the worker rolls up from the outbox: wait until it has caught up
    let daily: HallDailyResponse['days'][number] | undefined;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      daily = (
        await app.api<HallDailyResponse>(
          'GET',
          `/api/v1/analytics/halls/${hall.id}/daily?from=${today}&to=${today}`,
          manager,
        )
      ).days[0];
      if (
        daily?.tickets === all.length &&
        daily.served === done.length &&
        daily.noShows === noShows.length
      )
        break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const waitSeconds = called.map(
      (t) => (Date.parse(t.calledAt as string) - Date.parse(t.issuedAt)) / 1000,
    );
    expect(daily).toMatchObject({
      tickets: all.length,
      served: done.length,
      noShows: noShows.length,
    });
    expect(daily?.meanWaitMinutes).toBeCloseTo(
      waitSeconds.reduce((a, b) => a + b, 0) / called.length / 60,
      2,
    );
    expect(daily?.withinTargetShare).toBeCloseTo(
      waitSeconds.filter((s) => s <= 15 * 60).length / called.length,
      3,
    );

    const hourly = await app.api<HallHourlyResponse>(
      'GET',
      `/api/v1/analytics/halls/${hall.id}/hourly?date=${today}`,
      manager,
    );
    const byHour = new Map<number, number>();
    for (const t of all) {
      const h = DateTime.fromISO(t.issuedAt).setZone(hall.timezone).hour;
      byHour.set(h, (byHour.get(h) ?? 0) + 1);
    }
    const rolled = new Map<number, number>();
    for (const r of hourly.hours)
      rolled.set(r.hour, (rolled.get(r.hour) ?? 0) + r.arrivals);
    expect(Object.fromEntries(rolled)).toEqual(Object.fromEntries(byHour));

    const ratings = await app.api<HallRatingsResponse>(
      'GET',
      `/api/v1/analytics/halls/${hall.id}/ratings?from=${today}&to=${today}`,
      manager,
    );
    const rated = done.filter((t) => t.rating !== undefined);
    expect(rated.length).toBe(summary.ratings);
    expect(ratings.overall.rated).toBe(rated.length);
    expect(ratings.overall.served).toBe(done.length);
    expect(ratings.overall.meanRating).toBeCloseTo(
      rated.reduce((s, t) => s + (t.rating as number), 0) / rated.length,
      2,
    );
  }, 180_000);

  it('stops cleanly on SIGTERM mid-day: windows closed, nothing held, its devices revoked', async () => {
    const before = events.length;
    const sim = simulator(stack.baseUrl, {
      DEMO_LIVE_FROM: '10:00',
      DEMO_LIVE_HALLS: hall.id,
    });
    // the day is under way: tickets issued, people called
    const deadline = Date.now() + 60_000;
    while (
      Date.now() < deadline &&
      events.slice(before).filter((e) => e.type === 'called').length < 20
    )
      await new Promise((r) => setTimeout(r, 100));
    expect(
      events.slice(before).filter((e) => e.type === 'called').length,
    ).toBeGreaterThanOrEqual(20);
    sim.child.kill('SIGTERM');
    const code = await sim.exit(30_000);
    expect(code).toBe(0);
    const queue = await app.api<QueueSnapshot>(
      'GET',
      `/api/v1/halls/${hall.id}/queue`,
      manager,
    );
    expect(queue.windows.filter((w) => w.currentTicket)).toEqual([]);
    expect(
      queue.windows.filter(
        (w) => w.state !== 'closed' && w.state !== 'retired',
      ),
    ).toEqual([]);
    const devices = await app.api<DeviceView[]>(
      'GET',
      `/api/v1/halls/${hall.id}/devices`,
      manager,
    );
    expect(
      devices.filter((d) => d.name.startsWith('演示模拟') && !d.revokedAt),
    ).toEqual([]);
  }, 120_000);
});
