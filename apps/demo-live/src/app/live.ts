import type {
  DeviceCreated,
  DeviceView,
  HallCoverage,
  HallDailyResponse,
  HallDemand,
  HallView,
  ListResponse,
  ServiceItemView,
  UserView,
  WindowView,
} from '@onewindow/contracts';
import { Rng, toMinutes } from '@onewindow/queueing';
import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import { Api, ApiError } from './api';
import { type LiveMode, SimClock, clockTime } from './clock';
import type { DaySummary } from './day-context';
import { HallDay } from './hall-day';
import { staffWindows } from './model';
import { Stopper } from './stopper';

/** Devices the simulator pairs are named so, and revoked when it stops (or at its next start). */
export const DEVICE_PREFIX = '演示模拟';
/** Weeks of a hall's latest history its demand is fitted from. */
export const FIT_WEEKS = 8;
const DEFAULT_VISITORS_PER_TICKET = 1.7;

export interface LiveOptions {
  mode: LiveMode;
  apiUrl: string;
  username: string;
  password: string;
  /** fast: real minutes one hall-day takes. */
  dayMinutes: number;
  /** fast: the simulated minute of day to start at (default: opening). */
  fromMinute?: number;
  /** Stop after this many simulated hours (and once the queue is served out); default: never. */
  hours?: number;
  /** Only these halls (ids); default: every hall with ticket history. */
  hallIds?: readonly string[];
  seed: number;
}

interface HallSetup {
  hall: HallView;
  coverage: NonNullable<HallCoverage['tickets']>;
  clerk: string;
  kiosk: DeviceCreated;
  sensor: DeviceCreated;
  raters: Map<string, Promise<DeviceCreated>>;
  items: Map<string, string[]>;
  visitorsPerTicket: number;
  demand: Map<string, HallDemand>;
}

/**
 * The living demo: every hall with ticket history (the facts halls) opens its doors in its own
 * time zone and opening hours (`realtime`), or runs compressed days back to back (`fast`), driven
 * through the public contract by HallDay. Pairs its own devices and revokes them when it stops.
 */
export class DemoLive {
  private readonly stopper = new Stopper();
  private readonly api: Api;
  private admin = '';
  private readonly setups: HallSetup[] = [];
  readonly summaries: DaySummary[] = [];

  constructor(
    private readonly options: LiveOptions,
    private readonly log: Logger,
  ) {
    this.api = new Api(options.apiUrl, () => this.stopper.stopped);
  }

  stop(): void {
    this.stopper.stop();
  }

  /** Runs until stopped (or, with `hours`, until that much simulated time has passed). */
  async run(): Promise<DaySummary[]> {
    this.admin = await this.waitForApi();
    const { items } = await this.api.get<ListResponse<HallView>>(
      '/halls?limit=500',
      this.admin,
    );
    for (const hall of items) {
      if (this.options.hallIds && !this.options.hallIds.includes(hall.id))
        continue;
      // the hall's history: the days before today (today's tickets are the simulation's own)
      const today = DateTime.now().setZone(hall.timezone).toISODate();
      const coverage = await this.api.get<HallCoverage>(
        `/analytics/halls/${hall.id}/coverage?before=${today}`,
        this.admin,
      );
      if (!coverage.tickets) continue;
      this.setups.push(await this.setUp(hall, coverage.tickets));
    }
    if (this.setups.length === 0) {
      this.log.warn('no hall has ticket history: nothing to bring to life');
      return [];
    }
    try {
      await Promise.all(this.setups.map((s) => this.live(s)));
    } finally {
      await this.tearDown();
    }
    return this.summaries;
  }

  /** Logs in, waiting for the API to come up (it may start after the simulator). */
  private async waitForApi(): Promise<string> {
    const deadline = Date.now() + 180_000;
    for (;;) {
      try {
        return await this.api.login(
          this.options.username,
          this.options.password,
        );
      } catch (e) {
        if (
          e instanceof ApiError ||
          Date.now() > deadline ||
          this.stopper.stopped
        )
          throw e;
        await this.stopper.sleep(2_000);
      }
    }
  }

  private async setUp(
    hall: HallView,
    coverage: NonNullable<HallCoverage['tickets']>,
  ): Promise<HallSetup> {
    const path = `/halls/${hall.id}/devices`;
    // devices of an earlier run that did not stop cleanly
    for (const d of await this.api.get<DeviceView[]>(path, this.admin))
      if (d.name.startsWith(DEVICE_PREFIX) && !d.revokedAt)
        await this.api.request('DELETE', `${path}/${d.id}`, {
          token: this.admin,
        });
    const kiosk = await this.api.post<DeviceCreated>(path, this.admin, {
      kind: 'kiosk',
      name: `${DEVICE_PREFIX}·取号机`,
    });
    const sensor = await this.api.post<DeviceCreated>(path, this.admin, {
      kind: 'sensor',
      name: `${DEVICE_PREFIX}·客流计`,
    });
    const setup: HallSetup = {
      hall,
      coverage,
      clerk: await this.clerkToken(hall),
      kiosk,
      sensor,
      raters: new Map(),
      items: new Map(),
      visitorsPerTicket: await this.visitorsPerTicket(hall, coverage),
      demand: new Map(),
    };
    this.log.info(
      { hall: hall.name, history: coverage },
      'hall paired: a kiosk, a door counter, rating pads as windows need them',
    );
    return setup;
  }

  /** The hall's clerk (else its manager, else the admin), logged in with the demo password. */
  private async clerkToken(hall: HallView): Promise<string> {
    const { items } = await this.api.get<ListResponse<UserView>>(
      `/users?hallId=${hall.id}&limit=500`,
      this.admin,
    );
    for (const role of ['clerk', 'hall_manager'] as const) {
      const user = items.find((u) => u.role === role && u.active !== false);
      if (!user) continue;
      try {
        return await this.api.login(user.username, this.options.password);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
    }
    return this.admin;
  }

  /** Door entries per ticket over the last four weeks of history (1.7 when unknown). */
  private async visitorsPerTicket(
    hall: HallView,
    coverage: NonNullable<HallCoverage['tickets']>,
  ): Promise<number> {
    const from = DateTime.fromISO(coverage.to).minus({ days: 27 }).toISODate();
    const { days } = await this.api.get<HallDailyResponse>(
      `/analytics/halls/${hall.id}/daily?from=${from}&to=${coverage.to}`,
      this.admin,
    );
    let visitors = 0;
    let tickets = 0;
    for (const d of days)
      if (d.visitors !== null && d.tickets > 0) {
        visitors += d.visitors;
        tickets += d.tickets;
      }
    return tickets > 0 && visitors >= tickets
      ? visitors / tickets
      : DEFAULT_VISITORS_PER_TICKET;
  }

  /** The planner's fit of the hall's last FIT_WEEKS weeks, for one weekday (all when it has none). */
  private async demandFor(s: HallSetup, weekday: number): Promise<HallDemand> {
    const key = String(weekday);
    const known = s.demand.get(key);
    if (known) return known;
    const from = DateTime.fromISO(s.coverage.to)
      .minus({ weeks: FIT_WEEKS })
      .plus({ days: 1 })
      .toISODate() as string;
    const start = from < s.coverage.from ? s.coverage.from : from;
    const base = `/halls/${s.hall.id}/demand?from=${start}&to=${s.coverage.to}`;
    let demand: HallDemand;
    try {
      demand = await this.api.get<HallDemand>(
        `${base}&weekdays=${weekday}`,
        this.admin,
      );
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 400) throw e;
      demand = await this.api.get<HallDemand>(base, this.admin);
    }
    s.demand.set(key, demand);
    for (const c of demand.categories)
      if (!s.items.has(c.code)) {
        const { items } = await this.api.get<ListResponse<ServiceItemView>>(
          `/halls/${s.hall.id}/service-items?category=${c.code}&limit=100`,
          s.kiosk.token,
        );
        s.items.set(
          c.code,
          items.map((i) => i.code),
        );
      }
    return demand;
  }

  /** One hall: day after day until stopped. */
  private async live(s: HallSetup): Promise<void> {
    const { mode, dayMinutes, hours } = this.options;
    const opening = s.hall.openingHours;
    const open = toMinutes(opening.open);
    const close = toMinutes(opening.close);
    const speed = mode === 'fast' ? (close - open) / dayMinutes : 1;
    const first = this.options.fromMinute ?? open;
    const clock = new SimClock(mode, s.hall.timezone, speed, first);
    const rng = new Rng(this.options.seed, hashOf(s.hall.id));
    const stopAt = hours === undefined ? Infinity : first + hours * 60;
    let closedSaid = '';
    let dayStart = first;
    while (!this.stopper.stopped) {
      const now = clock.minute();
      const { date, weekday } = clock.today();
      if (mode === 'realtime') {
        const openToday = opening.weekdays.includes(weekday);
        if (!openToday || now < open || now >= close) {
          if (closedSaid !== date + (now < open)) {
            closedSaid = date + (now < open);
            this.log.info(
              {
                hall: s.hall.name,
                opens: `${opening.open}–${opening.close} ${s.hall.timezone}, ISO weekdays ${opening.weekdays.join(',')}`,
              },
              'hall closed now; DEMO_LIVE=fast runs a compressed day at any hour',
            );
          }
          await this.stopper.sleep(
            Math.min(60_000, clock.msUntil(open) || 60_000),
          );
          continue;
        }
      }
      const demand = await this.demandFor(
        s,
        opening.weekdays.includes(weekday) ? weekday : opening.weekdays[0],
      );
      const windows = await this.api.get<WindowView[]>(
        `/halls/${s.hall.id}/windows`,
        this.admin,
      );
      const staffed = staffWindows(demand, windows);
      if (staffed.length === 0) {
        this.log.warn({ hall: s.hall.name }, 'no window to staff');
        return;
      }
      const tokens = {
        clerk: s.clerk,
        kiosk: s.kiosk.token,
        sensor: s.sensor.token,
        rater: (w: WindowView) => this.raterFor(s, w),
      };
      // a fast day starts when its hall is ready (the fit and the windows read)
      if (mode === 'fast') clock.restart(dayStart);
      const until = Math.min(close, stopAt);
      const day = new HallDay(
        this.api,
        s.hall,
        demand,
        staffed,
        s.items,
        tokens,
        clock,
        rng,
        this.stopper,
        this.log,
        s.visitorsPerTicket,
      );
      const summary = await day.run(until);
      this.summaries.push(summary);
      // the summary line: what a test or a watcher reads
      process.stdout.write(`${JSON.stringify({ demoLiveDay: summary })}\n`);
      if (clock.minute() >= stopAt || until >= stopAt) return;
      if (mode === 'fast') dayStart = open;
      else s.clerk = await this.clerkToken(s.hall); // a fresh login for the next day
      this.log.info(
        { hall: s.hall.name, at: clockTime(clock.minute()) },
        'a new day',
      );
    }
  }

  private raterFor(s: HallSetup, w: WindowView): Promise<string> {
    let pad = s.raters.get(w.id);
    if (!pad) {
      pad = this.api.post<DeviceCreated>(
        `/halls/${s.hall.id}/devices`,
        this.admin,
        {
          kind: 'rater',
          name: `${DEVICE_PREFIX}·评价器 ${w.label}`,
          windowId: w.id,
        },
      );
      s.raters.set(w.id, pad);
    }
    return pad.then((d) => d.token);
  }

  /** Revokes the devices this run paired. */
  private async tearDown(): Promise<void> {
    for (const s of this.setups) {
      const pads = await Promise.allSettled(s.raters.values());
      const ids = [
        s.kiosk.id,
        s.sensor.id,
        ...pads.flatMap((p) => (p.status === 'fulfilled' ? [p.value.id] : [])),
      ];
      for (const id of ids)
        await this.api
          .request('DELETE', `/halls/${s.hall.id}/devices/${id}`, {
            token: this.admin,
            accept: [404],
          })
          .catch((e) => this.log.warn({ err: String(e) }, 'revoke failed'));
    }
    this.log.info('devices revoked');
  }
}

/** A stable stream number per hall for its random numbers. */
function hashOf(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++)
    h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h >>> 0;
}
