import { Injectable } from '@nestjs/common';
import type { DemandHandling, HallDemand } from '@onewindow/contracts';
import { PlanQueries, TicketQueries } from '@onewindow/persistence';
import { fitHistory, hourGrid, type HandlingFit } from '@onewindow/queueing';
import { DomainError } from '../common/domain-error';
import { assertNotFuture, assertSpan } from '../common/service-date';
import { MAX_PLAN_HISTORY_DAYS } from './dto/create-plan.dto';

const round = (x: number, digits = 4) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

function handling(h: HandlingFit | null): DemandHandling | null {
  if (!h) return null;
  return {
    count: h.count,
    meanMinutes: round(h.meanMinutes),
    cv: round(h.cv),
    lognormal: h.lognormal
      ? { mu: round(h.lognormal.mu, 6), sigma: round(h.lognormal.sigma, 6) }
      : null,
  };
}

/**
 * A hall's demand as the planner fits it (the same read and fit a plan starts from), per clock
 * hour of its opening hours: what the demo's live halls draw their arrivals and handling times
 * from, and what a manager may read before planning.
 */
@Injectable()
export class DemandService {
  constructor(
    private readonly plans: PlanQueries,
    private readonly tickets: TicketQueries,
  ) {}

  async fit(
    hallId: string,
    from: string,
    to: string,
    weekdays?: number[],
  ): Promise<HallDemand> {
    assertSpan(from, to, MAX_PLAN_HISTORY_DAYS);
    assertNotFuture(to, 'to');
    const hall = await this.plans.hallForPlanning(hallId);
    if (!hall) throw DomainError.notFound('Hall');
    const kept = [...(weekdays ?? hall.opening_hours.weekdays)].sort();
    const tickets = await this.tickets.history(hallId, from, to);
    const fit = fitHistory(tickets, {
      intervals: hourGrid(hall.opening_hours.open, hall.opening_hours.close),
      weekdays: kept,
    });
    if (fit.days.length === 0)
      throw DomainError.invalid(
        `The hall has no tickets between ${from} and ${to} on weekdays ${kept.join(',')} to fit`,
        [{ field: 'from', problems: ['no tickets in the span'] }],
      );
    return {
      hallId,
      from,
      to,
      weekdays: kept,
      days: fit.days.length,
      timezone: hall.timezone,
      openingHours: {
        open: hall.opening_hours.open,
        close: hall.opening_hours.close,
      },
      intervals: fit.intervals.map((iv) => ({
        start: String(iv.start),
        end: String(iv.end),
      })),
      arrivalsPerDay: round(fit.arrivalsPerDay),
      byInterval: fit.byInterval.map((x) => round(x)),
      noShowRate: round(fit.noShowRate),
      handling: handling(fit.handlingOverall),
      categories: fit.categories.map((c) => ({
        code: c.code,
        arrivalsPerDay: round(c.arrivalsPerDay),
        byInterval: c.byInterval.map((x) => round(x)),
        noShowRate: round(c.noShowRate),
        handling: handling(c.handling),
      })),
    };
  }
}
