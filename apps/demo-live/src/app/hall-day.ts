import type { HallDemand, HallView, WindowView } from '@onewindow/contracts';
import type { Rng } from '@onewindow/queueing';
import type { Logger } from 'pino';
import type { Api } from './api';
import { Clerks, IdleClerks } from './clerks';
import { type SimClock, clockTime } from './clock';
import type { DayContext, DaySummary, DayTokens } from './day-context';
import { DoorCounter } from './door-counter';
import { Holders } from './holders';
import { Kiosk } from './kiosk';
import { ArrivalProcess } from './model';
import type { Stopper } from './stopper';

/**
 * One simulated day of a hall, through the public contract only: a kiosk issues tickets at the
 * fitted arrival rates (kiosk.ts), clerks at the staffed windows open them, call, start and
 * complete at the fitted handling times (clerks.ts), people whose patience runs out leave through
 * their ticket page (holders.ts), the rating pad rates, the door counter reports footfall
 * (door-counter.ts). After `until` no one arrives; the clerks serve whoever waits, then close
 * their windows.
 */
export class HallDay {
  private readonly ctx: DayContext;
  private readonly arrivals: ArrivalProcess;
  private readonly holders: Holders;
  private readonly idle: IdleClerks;
  private readonly clerks: Clerks;
  private readonly door: DoorCounter;
  private readonly kiosk: Kiosk;

  constructor(
    api: Api,
    hall: HallView,
    demand: HallDemand,
    private readonly staffed: readonly WindowView[],
    items: ReadonlyMap<string, readonly string[]>,
    tokens: DayTokens,
    clock: SimClock,
    rng: Rng,
    stopper: Stopper,
    log: Logger,
    visitorsPerTicket: number,
    sensorId = 'demo-live-door',
  ) {
    this.ctx = {
      api,
      hall,
      demand,
      tokens,
      clock,
      rng,
      stopper,
      log,
      summary: {
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
      },
      arrivalsDone: false,
    };
    this.arrivals = new ArrivalProcess(demand, rng);
    this.holders = new Holders(this.ctx);
    this.idle = new IdleClerks(this.ctx);
    this.clerks = new Clerks(this.ctx, this.holders, this.idle);
    this.door = new DoorCounter(this.ctx, sensorId);
    this.kiosk = new Kiosk(
      this.ctx,
      this.arrivals,
      items,
      this.holders,
      this.door,
      this.idle,
      visitorsPerTicket,
    );
  }

  /** Runs the day: arrivals until the minute `until`, then the queue is served out. */
  async run(until: number): Promise<DaySummary> {
    const { clock, log, summary } = this.ctx;
    const from = clock.minute();
    summary.expected =
      Math.round(this.arrivals.expected(from, until) * 10) / 10;
    summary.to = clockTime(until);
    log.info(
      {
        hall: this.ctx.hall.name,
        windows: this.staffed.map((w) => w.label),
        expectedArrivals: summary.expected,
        from: clockTime(from),
        until: clockTime(until),
      },
      'hall opens its doors',
    );
    for (const w of this.staffed) await this.clerks.windowOp(w, 'open');
    const clerks = this.staffed.map((w) => this.clerks.atWindow(w));
    const footfall = this.door.run();
    await this.kiosk.run(from, until);
    this.ctx.arrivalsDone = true;
    this.idle.wakeAll();
    await Promise.all(clerks);
    await footfall;
    await this.clerks.ratingsLanded();
    this.holders.dismiss();
    log.info({ summary }, 'hall day done');
    return { ...summary };
  }
}
