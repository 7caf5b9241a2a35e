import type {
  HallDemand,
  HallView,
  QueueSnapshot,
  TicketView,
  WindowView,
} from '@onewindow/contracts';
import { Rng } from '@onewindow/queueing';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Api } from './api';
import { type SimClock, clockTime } from './clock';
import {
  ArrivalProcess,
  drawVisitor,
  serves,
  type Visitor,
  WALK_MINUTES,
} from './model';

/** Stops every wait at once when the simulator is asked to stop. */
export class Stopper {
  private stoppedFlag = false;
  private readonly waiters = new Set<() => void>();

  get stopped(): boolean {
    return this.stoppedFlag;
  }

  stop(): void {
    this.stoppedFlag = true;
    for (const w of this.waiters) w();
    this.waiters.clear();
  }

  /** Waits `ms` (less when stopped, or when `wake` fires). */
  sleep(ms: number, wake?: Signal): Promise<void> {
    if (this.stoppedFlag) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        wake?.off(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
      wake?.on(done);
    });
  }
}

/** Wakes whoever waits on it (idle clerks when a ticket is issued). */
export class Signal {
  private readonly listeners = new Set<() => void>();
  on(f: () => void): void {
    this.listeners.add(f);
  }
  off(f: () => void): void {
    this.listeners.delete(f);
  }
  fire(): void {
    for (const f of [...this.listeners]) f();
  }
}

export interface DayTokens {
  /** A person who may operate the hall's windows (its clerk, else its manager or an admin). */
  clerk: string;
  kiosk: string;
  sensor: string;
  /** The rating pad of a window (created when first needed). */
  rater: (window: WindowView) => Promise<string>;
}

export interface DaySummary {
  hall: string;
  date: string;
  from: string;
  to: string;
  windows: number;
  expected: number;
  issued: number;
  called: number;
  served: number;
  noShows: number;
  gaveUp: number;
  ratings: number;
  /** A clerk's action answered 409 (someone else acted first): re-read and went on. */
  conflicts: number;
}

interface Holder {
  ticket: TicketView & { statusToken?: string };
  visitor: Visitor;
  called: boolean;
  patience: ReturnType<typeof setTimeout> | null;
}

/** Real milliseconds between an idle clerk's own looks at the queue. */
const IDLE_LOOK_MS = 15_000;

/** Minutes of a footfall period (a door counter's report). */
const FOOTFALL_PERIOD_MINUTES = 15;

/**
 * One simulated day of a hall, through the public contract only: a kiosk issues tickets at the
 * fitted arrival rates, clerks at the staffed windows open them, call, start and complete at the
 * fitted handling times (a no-show is recalled once, then marked), people whose patience runs out
 * leave through their ticket page, the rating pad rates, the door counter reports footfall. After
 * `until` no one arrives; the clerks serve whoever waits, then close their windows.
 */
export class HallDay {
  private readonly arrivals: ArrivalProcess;
  private readonly holders = new Map<string, Holder>();
  /** Idle clerks, by window: an arrival wakes one that may serve it (not every idle clerk). */
  private readonly idle = new Map<
    string,
    { window: WindowView; wake: Signal }
  >();
  private arrivalsDone = false;
  /** Ratings on their way (the day ends when they have landed). */
  private readonly ratingsInFlight = new Set<Promise<void>>();
  private entriesSincePost = 0;
  private readonly summary: DaySummary;

  constructor(
    private readonly api: Api,
    private readonly hall: HallView,
    private readonly demand: HallDemand,
    private readonly staffed: readonly WindowView[],
    private readonly items: ReadonlyMap<string, readonly string[]>,
    private readonly tokens: DayTokens,
    private readonly clock: SimClock,
    private readonly rng: Rng,
    private readonly stopper: Stopper,
    private readonly log: Logger,
    private readonly visitorsPerTicket: number,
    private readonly sensorId = 'demo-live-door',
  ) {
    this.arrivals = new ArrivalProcess(demand, rng);
    this.summary = {
      hall: hall.name,
      date: clock.today().date,
      from: clockTime(clock.minute()),
      to: '',
      windows: staffed.length,
      expected: 0,
      issued: 0,
      called: 0,
      served: 0,
      noShows: 0,
      gaveUp: 0,
      ratings: 0,
      conflicts: 0,
    };
  }

  /** Runs the day: arrivals until the minute `until`, then the queue is served out. */
  async run(until: number): Promise<DaySummary> {
    const from = this.clock.minute();
    this.summary.expected =
      Math.round(this.arrivals.expected(from, until) * 10) / 10;
    this.summary.to = clockTime(until);
    this.log.info(
      {
        hall: this.hall.name,
        windows: this.staffed.map((w) => w.label),
        expectedArrivals: this.summary.expected,
        from: clockTime(from),
        until: clockTime(until),
      },
      'hall opens its doors',
    );
    for (const w of this.staffed) await this.windowOp(w, 'open');
    const clerks = this.staffed.map((w) => this.clerk(w));
    const footfall = this.footfall();
    await this.arrive(from, until);
    this.arrivalsDone = true;
    for (const { wake } of this.idle.values()) wake.fire();
    await Promise.all(clerks);
    await footfall;
    await Promise.all(this.ratingsInFlight);
    for (const h of this.holders.values())
      if (h.patience) clearTimeout(h.patience);
    this.log.info({ summary: this.summary }, 'hall day done');
    return { ...this.summary };
  }

  /** The kiosk: one ticket per arrival, retried with the same Idempotency-Key. */
  private async arrive(from: number, until: number): Promise<void> {
    let t = from;
    for (;;) {
      const next = this.arrivals.next(t);
      if (next === null || next >= until || this.stopper.stopped) return;
      await this.stopper.sleep(this.clock.msUntil(next));
      if (this.stopper.stopped) return;
      t = next;
      const visitor = drawVisitor(
        this.rng,
        this.demand,
        this.arrivals.category(next),
      );
      const items = this.items.get(visitor.categoryCode);
      if (!items?.length) continue;
      const item = items[Math.floor(this.rng.uniform() * items.length)];
      try {
        const { body } = await this.api.request<Holder['ticket']>(
          'POST',
          `/halls/${this.hall.id}/tickets`,
          {
            token: this.tokens.kiosk,
            headers: { 'Idempotency-Key': randomUUID() },
            body: {
              serviceItemCode: item,
              priority: visitor.priority,
              channel:
                visitor.priority === 'appointment' ? 'appointment' : 'kiosk',
            },
            retryNetwork: true,
          },
        );
        this.summary.issued++;
        this.entriesSincePost += this.visitorsPerTicket;
        const holder: Holder = {
          ticket: body,
          visitor,
          called: false,
          patience: null,
        };
        holder.patience = setTimeout(
          () => void this.giveUp(holder),
          this.clock.realMs(visitor.patienceMinutes),
        );
        this.holders.set(body.id, holder);
        this.wakeOneFor(body.categoryCode);
      } catch (e) {
        this.log.warn({ err: String(e) }, 'a ticket could not be issued');
      }
    }
  }

  /** Wakes one idle clerk whose window may serve the category (the others keep waiting). */
  private wakeOneFor(categoryCode: string): void {
    for (const [id, entry] of this.idle)
      if (serves(entry.window, categoryCode)) {
        this.idle.delete(id);
        entry.wake.fire();
        return;
      }
  }

  /** Patience ran out before the call: the holder leaves through their ticket page. */
  private async giveUp(holder: Holder): Promise<void> {
    holder.patience = null;
    if (holder.called || this.stopper.stopped || !holder.ticket.statusToken)
      return;
    try {
      const res = await this.api.request(
        'POST',
        `/public/tickets/${holder.ticket.statusToken}/cancel`,
        { accept: [409] },
      );
      if (res.status === 200) this.summary.gaveUp++;
    } catch (e) {
      this.log.warn({ err: String(e) }, 'a holder could not leave the queue');
    }
  }

  /** A clerk at one window, until the queue is served out after the last arrival. */
  private async clerk(window: WindowView): Promise<void> {
    // an idle clerk is woken by an arrival it may serve; this slow look also finds tickets that
    // came from elsewhere (a person at a real kiosk) without flooding the API with empty calls
    const idleMs = IDLE_LOOK_MS;
    while (!this.stopper.stopped) {
      let ticket: TicketView | undefined;
      try {
        const res = await this.api.request<TicketView>(
          'POST',
          `/halls/${this.hall.id}/windows/${window.id}/call-next`,
          { token: this.tokens.clerk, accept: [204, 409] },
        );
        if (res.status === 409) {
          // the window still holds someone (an earlier run, or a person at the console)
          this.summary.conflicts++;
          await this.release(window);
          continue;
        }
        ticket = res.status === 200 ? res.body : undefined;
      } catch (e) {
        this.log.warn({ err: String(e), window: window.label }, 'call failed');
        await this.stopper.sleep(idleMs);
        continue;
      }
      if (!ticket) {
        if (this.arrivalsDone) break;
        const wake = new Signal();
        this.idle.set(window.id, { window, wake });
        await this.stopper.sleep(idleMs, wake);
        this.idle.delete(window.id);
        continue;
      }
      this.summary.called++;
      await this.serve(window, ticket);
    }
    await this.release(window);
    await this.windowOp(window, 'close');
  }

  /** From the call to the end: recall and no-show, or walk, start, handle, complete and rate. */
  private async serve(window: WindowView, ticket: TicketView): Promise<void> {
    const holder = this.holders.get(ticket.id);
    if (holder) {
      holder.called = true;
      if (holder.patience) clearTimeout(holder.patience);
      holder.patience = null;
    }
    // a ticket the simulator did not issue (someone at a real kiosk): served as a typical visitor
    const visitor =
      holder?.visitor ??
      drawVisitor(this.rng, this.demand, ticket.categoryCode);
    const act = (verb: string, body?: unknown) =>
      this.api
        .request('POST', `/tickets/${ticket.id}/${verb}`, {
          token: this.tokens.clerk,
          body,
          accept: [409],
        })
        .then((r) => {
          if (r.status === 409) this.summary.conflicts++;
          return r.status === 200;
        });
    try {
      if (visitor.noShow) {
        await this.sleepSim(1.5);
        await act('recall');
        await this.sleepSim(2);
        if (await act('no-show')) this.summary.noShows++;
        return;
      }
      const [a, b] = WALK_MINUTES;
      await this.sleepSim(a + (b - a) * this.rng.uniform());
      if (!(await act('start'))) return;
      await this.sleepSim(visitor.handlingMinutes);
      if (!(await act('complete', { outcome: visitor.outcome }))) return;
      this.summary.served++;
      if (visitor.rating) {
        const pending = this.rate(window, ticket, visitor.rating);
        this.ratingsInFlight.add(pending);
        void pending.finally(() => this.ratingsInFlight.delete(pending));
      }
    } catch (e) {
      this.log.warn(
        { err: String(e), window: window.label, ticket: ticket.number },
        'a clerk action failed',
      );
    }
  }

  /** The rating pad of the window, a few seconds after completion. */
  private async rate(
    window: WindowView,
    ticket: TicketView,
    rating: NonNullable<Visitor['rating']>,
  ): Promise<void> {
    try {
      const token = await this.tokens.rater(window);
      await this.sleepSim(0.2);
      await this.api.request('POST', `/tickets/${ticket.id}/rating`, {
        token,
        body: rating,
      });
      this.summary.ratings++;
    } catch (e) {
      this.log.warn({ err: String(e) }, 'a rating was not taken');
    }
  }

  /**
   * Ends what a window still holds (after a conflict, or when the day ends): a called ticket
   * becomes a no-show, a ticket being served is completed.
   */
  private async release(window: WindowView): Promise<void> {
    try {
      const queue = await this.api.get<QueueSnapshot>(
        `/halls/${this.hall.id}/queue`,
        this.tokens.clerk,
      );
      const held = queue.windows.find((w) => w.id === window.id)?.currentTicket;
      if (!held) return;
      const verb = held.state === 'called' ? 'no-show' : 'complete';
      await this.api.request('POST', `/tickets/${held.id}/${verb}`, {
        token: this.tokens.clerk,
        body: verb === 'complete' ? { outcome: 'done' } : undefined,
        accept: [409],
      });
    } catch (e) {
      this.log.warn({ err: String(e), window: window.label }, 'release failed');
    }
  }

  private async windowOp(
    window: WindowView,
    op: 'open' | 'close',
  ): Promise<void> {
    try {
      await this.api.request(
        'POST',
        `/halls/${this.hall.id}/windows/${window.id}/${op}`,
        { token: this.tokens.clerk, accept: [409] },
      );
    } catch (e) {
      this.log.warn({ err: String(e), window: window.label }, `${op} failed`);
    }
  }

  /** The door counter: people through the doors per quarter hour (visitors per ticket as fitted). */
  private async footfall(): Promise<void> {
    const periodMs = this.clock.realMs(FOOTFALL_PERIOD_MINUTES);
    let start = Date.now();
    let carry = 0;
    const post = async () => {
      const end = Date.now();
      const exact = this.entriesSincePost + carry;
      const entries = Math.floor(exact);
      carry = exact - entries;
      this.entriesSincePost = 0;
      try {
        await this.api.request('POST', `/halls/${this.hall.id}/footfall`, {
          token: this.tokens.sensor,
          body: {
            sensorId: this.sensorId,
            periodStart: new Date(start).toISOString(),
            periodEnd: new Date(Math.max(end, start + 1)).toISOString(),
            entries,
            exits: entries,
          },
          // the same sensorId + periodStart replaces: a retry cannot count twice
          retryNetwork: true,
        });
      } catch (e) {
        this.log.warn({ err: String(e) }, 'footfall not taken');
      }
      start = end;
    };
    while (!this.arrivalsDone && !this.stopper.stopped) {
      await this.stopper.sleep(periodMs);
      await post();
    }
  }

  private sleepSim(minutes: number): Promise<void> {
    return this.stopper.sleep(this.clock.realMs(minutes));
  }
}
