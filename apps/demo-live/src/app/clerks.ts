import type {
  QueueSnapshot,
  TicketView,
  WindowView,
} from '@onewindow/contracts';
import { type DayContext, sleepSim } from './day-context';
import type { Holders } from './holders';
import { drawVisitor, serves, type Visitor, WALK_MINUTES } from './model';
import { Signal } from './stopper';

/** Real milliseconds between an idle clerk's own looks at the queue. */
const IDLE_LOOK_MS = 15_000;

/** Idle clerks, by window: an arrival wakes one that may serve it (not every idle clerk). */
export class IdleClerks {
  private readonly idle = new Map<
    string,
    { window: WindowView; wake: Signal }
  >();

  constructor(private readonly ctx: DayContext) {}

  /** The clerk at `window` waits until an arrival wakes them, or `ms` at most. */
  async wait(window: WindowView, ms: number): Promise<void> {
    const wake = new Signal();
    this.idle.set(window.id, { window, wake });
    await this.ctx.stopper.sleep(ms, wake);
    this.idle.delete(window.id);
  }

  /** Wakes one idle clerk whose window may serve the category (the others keep waiting). */
  wakeOneFor(categoryCode: string): void {
    for (const [id, entry] of this.idle)
      if (serves(entry.window, categoryCode)) {
        this.idle.delete(id);
        entry.wake.fire();
        return;
      }
  }

  wakeAll(): void {
    for (const { wake } of this.idle.values()) wake.fire();
  }
}

/**
 * The clerks at the staffed windows: each opens its window, calls, starts and completes at the
 * fitted handling times (a no-show is recalled once, then marked), the rating pad rates; after the
 * last arrival they serve whoever waits, then close their windows.
 */
export class Clerks {
  /** Ratings on their way (the day ends when they have landed). */
  private readonly ratingsInFlight = new Set<Promise<void>>();

  constructor(
    private readonly ctx: DayContext,
    private readonly holders: Holders,
    private readonly idle: IdleClerks,
  ) {}

  /** A clerk at one window, until the queue is served out after the last arrival. */
  async atWindow(window: WindowView): Promise<void> {
    const { api, hall, tokens, stopper, log, summary } = this.ctx;
    // an idle clerk is woken by an arrival it may serve; this slow look also finds tickets that
    // came from elsewhere (a person at a real kiosk) without flooding the API with empty calls
    const idleMs = IDLE_LOOK_MS;
    while (!stopper.stopped) {
      let ticket: TicketView | undefined;
      try {
        const res = await api.request<TicketView>(
          'POST',
          `/halls/${hall.id}/windows/${window.id}/call-next`,
          { token: tokens.clerk, accept: [204, 409] },
        );
        if (res.status === 409) {
          // the window still holds someone (an earlier run, or a person at the console)
          summary.conflicts++;
          await this.release(window);
          continue;
        }
        ticket = res.status === 200 ? res.body : undefined;
      } catch (e) {
        log.warn({ err: String(e), window: window.label }, 'call failed');
        await stopper.sleep(idleMs);
        continue;
      }
      if (!ticket) {
        if (this.ctx.arrivalsDone) break;
        await this.idle.wait(window, idleMs);
        continue;
      }
      summary.called++;
      await this.serve(window, ticket);
    }
    await this.release(window);
    await this.windowOp(window, 'close');
  }

  /** Waits until the ratings given so far have landed. */
  async ratingsLanded(): Promise<void> {
    await Promise.all(this.ratingsInFlight);
  }

  /** From the call to the end: recall and no-show, or walk, start, handle, complete and rate. */
  private async serve(window: WindowView, ticket: TicketView): Promise<void> {
    const { api, demand, tokens, rng, log, summary } = this.ctx;
    // a ticket the simulator did not issue (someone at a real kiosk): served as a typical visitor
    const visitor =
      this.holders.called(ticket.id) ??
      drawVisitor(rng, demand, ticket.categoryCode);
    const act = (verb: string, body?: unknown) =>
      api
        .request('POST', `/tickets/${ticket.id}/${verb}`, {
          token: tokens.clerk,
          body,
          accept: [409],
        })
        .then((r) => {
          if (r.status === 409) summary.conflicts++;
          return r.status === 200;
        });
    try {
      if (visitor.noShow) {
        await sleepSim(this.ctx, 1.5);
        await act('recall');
        await sleepSim(this.ctx, 2);
        if (await act('no-show')) summary.noShows++;
        return;
      }
      const [a, b] = WALK_MINUTES;
      await sleepSim(this.ctx, a + (b - a) * rng.uniform());
      if (!(await act('start'))) return;
      await sleepSim(this.ctx, visitor.handlingMinutes);
      if (!(await act('complete', { outcome: visitor.outcome }))) return;
      summary.served++;
      if (visitor.rating) {
        const pending = this.rate(window, ticket, visitor.rating);
        this.ratingsInFlight.add(pending);
        void pending.finally(() => this.ratingsInFlight.delete(pending));
      }
    } catch (e) {
      log.warn(
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
      const token = await this.ctx.tokens.rater(window);
      await sleepSim(this.ctx, 0.2);
      await this.ctx.api.request('POST', `/tickets/${ticket.id}/rating`, {
        token,
        body: rating,
      });
      this.ctx.summary.ratings++;
    } catch (e) {
      this.ctx.log.warn({ err: String(e) }, 'a rating was not taken');
    }
  }

  /**
   * Ends what a window still holds (after a conflict, or when the day ends): a called ticket
   * becomes a no-show, a ticket being served is completed.
   */
  private async release(window: WindowView): Promise<void> {
    const { api, hall, tokens, log } = this.ctx;
    try {
      const queue = await api.get<QueueSnapshot>(
        `/halls/${hall.id}/queue`,
        tokens.clerk,
      );
      const held = queue.windows.find((w) => w.id === window.id)?.currentTicket;
      if (!held) return;
      const verb = held.state === 'called' ? 'no-show' : 'complete';
      await api.request('POST', `/tickets/${held.id}/${verb}`, {
        token: tokens.clerk,
        body: verb === 'complete' ? { outcome: 'done' } : undefined,
        accept: [409],
      });
    } catch (e) {
      log.warn({ err: String(e), window: window.label }, 'release failed');
    }
  }

  /** Opens or closes a window (409: it already is). */
  async windowOp(window: WindowView, op: 'open' | 'close'): Promise<void> {
    try {
      await this.ctx.api.request(
        'POST',
        `/halls/${this.ctx.hall.id}/windows/${window.id}/${op}`,
        { token: this.ctx.tokens.clerk, accept: [409] },
      );
    } catch (e) {
      this.ctx.log.warn(
        { err: String(e), window: window.label },
        `${op} failed`,
      );
    }
  }
}
