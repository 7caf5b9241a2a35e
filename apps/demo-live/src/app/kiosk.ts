import { randomUUID } from 'node:crypto';
import type { DayContext } from './day-context';
import type { DoorCounter } from './door-counter';
import type { Holder, Holders } from './holders';
import type { IdleClerks } from './clerks';
import { type ArrivalProcess, drawVisitor } from './model';

/**
 * The kiosk: people arrive at the fitted rates, each takes a ticket for an item of their category
 * (retried with the same Idempotency-Key), comes through the door, starts waiting, and wakes an
 * idle clerk who may serve them.
 */
export class Kiosk {
  constructor(
    private readonly ctx: DayContext,
    private readonly arrivals: ArrivalProcess,
    private readonly items: ReadonlyMap<string, readonly string[]>,
    private readonly holders: Holders,
    private readonly door: DoorCounter,
    private readonly idle: IdleClerks,
    private readonly visitorsPerTicket: number,
  ) {}

  /** Issues tickets from the minute `from` until the minute `until` (or until stopped). */
  async run(from: number, until: number): Promise<void> {
    const { api, hall, demand, tokens, clock, rng, stopper, log, summary } =
      this.ctx;
    let t = from;
    for (;;) {
      const next = this.arrivals.next(t);
      if (next === null || next >= until || stopper.stopped) return;
      await stopper.sleep(clock.msUntil(next));
      if (stopper.stopped) return;
      t = next;
      const visitor = drawVisitor(rng, demand, this.arrivals.category(next));
      const items = this.items.get(visitor.categoryCode);
      if (!items?.length) continue;
      const item = items[Math.floor(rng.uniform() * items.length)];
      try {
        const { body } = await api.request<Holder['ticket']>(
          'POST',
          `/halls/${hall.id}/tickets`,
          {
            token: tokens.kiosk,
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
        summary.issued++;
        this.door.enter(this.visitorsPerTicket);
        this.holders.add(body, visitor);
        this.idle.wakeOneFor(body.categoryCode);
      } catch (e) {
        log.warn({ err: String(e) }, 'a ticket could not be issued');
      }
    }
  }
}
