import { ServiceItemDef } from '../catalog';
import { isoOf, yearOf } from '../calendar';
import { HallSpec, hallCategoriesOn } from '../halls';
import { hallId } from '../ids';
import { Rng } from '../rng';
import { HallWindows } from '../windows';
import { issueTimes, ticketCount } from './arrivals';
import { callDay } from './calling';
import { handlingFactor } from './handling-times';
import { categoryLoad, staffedWindows } from './staffing';
import { TicketDay, Visit } from './ticket';
import { HallItems, drawFollowUp, drawVisit } from './visits';

/** Per-hall data the daily simulation reuses. */
export class HallTicketModel {
  readonly items: ServiceItemDef[];
  readonly hallId: string;
  private readonly hallItems: HallItems;

  constructor(
    readonly spec: HallSpec,
    readonly windows: HallWindows,
    readonly visitors: Map<number, number>,
    readonly seed: number,
  ) {
    this.hallId = hallId(spec.key);
    this.hallItems = new HallItems(spec);
    this.items = this.hallItems.items;
  }

  /**
   * Simulates one open day of the hall: how many come and when (arrivals), for what (visits),
   * which windows are staffed (staffing), and the calling of the day (calling). One random stream
   * per hall and day, drawn in that order.
   */
  day(day: number): TicketDay {
    const date = isoOf(day);
    const rng = Rng.derive(this.seed, 'tickets', this.spec.key, date);
    const visitors = this.visitors.get(day) ?? 0;
    const year = yearOf(day);
    const nTickets = ticketCount(this.spec, visitors, year, rng);
    const active = this.windows.openOn(day);
    const mixCum = this.hallItems.dayMix(
      year,
      active,
      hallCategoriesOn(this.spec, date),
    );
    const result: TicketDay = {
      hallKey: this.spec.key,
      hallId: this.hallId,
      day,
      date,
      visitors,
      tickets: [],
      counters: new Map<string, number>(),
    };
    if (
      nTickets === 0 ||
      active.length === 0 ||
      mixCum[mixCum.length - 1] === 0
    )
      return result;

    const times = issueTimes(rng, nTickets);
    const factor = handlingFactor(year);
    const visits: Visit[] = new Array(nTickets);
    for (let k = 0; k < nTickets; k++)
      visits[k] = drawVisit(rng, this.hallItems, mixCum, factor, times[k]);
    const staffed = staffedWindows(active, categoryLoad(visits), rng);
    const { tickets, counters } = callDay(
      rng,
      Rng.derive(this.seed, 'patience', this.spec.key, date),
      visits,
      staffed.map((i) => active[i]),
      (from, issued) =>
        drawFollowUp(rng, this.hallItems, mixCum, factor, from, issued),
    );
    result.tickets = tickets;
    result.counters = counters;
    return result;
  }
}
