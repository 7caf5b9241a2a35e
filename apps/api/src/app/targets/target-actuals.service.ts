import { Injectable } from '@nestjs/common';
import {
  MAX_TARGET_WAIT_MINUTES,
  queuedPeople,
  type TargetActual,
  type TargetMetric,
  type TargetScope,
  type TargetStatus,
} from '@onewindow/contracts';
import {
  FigureQueries,
  RegionQueries,
  type TargetEntity,
} from '@onewindow/persistence';
import { windowCountsByDay } from '../windows/window-history';
import { WindowsService } from '../windows/windows.service';
import {
  evaluationDate,
  factSpan,
  needsTrend,
  ratio,
  shiftDate,
  targetStatus,
  TREND_DAYS,
} from './target-evaluation';

/** A metric's value over some halls as of a date, with what it rests on. */
export interface Figure {
  value: number;
  from: string;
  to: string;
  sampleSize: number;
}

export interface Assessment {
  actual: TargetActual | null;
  status: TargetStatus;
}

/**
 * The actual values of targets over bounded date spans, read from the rollups the analytics read
 * (rollup_daily of the whole hall, rollup_hall_facts; FigureQueries), summed over the halls of the
 * scope, and windows from the window lifecycle. A "within N minutes" share reads the rollups'
 * per-minute wait histogram (exact for the whole minutes a target may carry).
 */
@Injectable()
export class TargetActualsService {
  constructor(
    private readonly figures: FigureQueries,
    private readonly regions: RegionQueries,
    private readonly windows: WindowsService,
  ) {}

  /** Actual and status of each target as of `today`; halls of a region are looked up once. */
  async assess(targets: TargetEntity[], today: string): Promise<Assessment[]> {
    const halls = new Map<string, Promise<string[]>>();
    const hallsOf = (scope: TargetScope) => {
      const key = 'hallId' in scope ? scope.hallId : `r:${scope.regionCode}`;
      let ids = halls.get(key);
      if (!ids) halls.set(key, (ids = this.hallsOf(scope)));
      return ids;
    };
    const out: Assessment[] = [];
    // one target after the other: a page of targets never takes more than one connection
    for (const t of targets) {
      const hallIds = await hallsOf(
        t.hallId ? { hallId: t.hallId } : { regionCode: t.regionCode ?? '' },
      );
      const asOf = evaluationDate(t.dueDate, today);
      const now = await this.figure(hallIds, t.metric, t.parameter, asOf);
      const past =
        now && needsTrend(now.value, t.comparison, t.value, t.dueDate, today)
          ? await this.figure(
              hallIds,
              t.metric,
              t.parameter,
              shiftDate(asOf, -TREND_DAYS),
            )
          : null;
      out.push({
        actual: now && {
          value: now.value,
          asOf,
          basis: { from: now.from, to: now.to, sampleSize: now.sampleSize },
        },
        status: targetStatus({
          comparison: t.comparison,
          value: t.value,
          dueDate: t.dueDate,
          today,
          actual: now?.value ?? null,
          past: past?.value ?? null,
        }),
      });
    }
    return out;
  }

  /** The halls a scope covers: the hall, or every hall of the region's subtree. */
  async hallsOf(scope: TargetScope): Promise<string[]> {
    if ('hallId' in scope) return [scope.hallId];
    return this.regions.hallsInSubtree(scope.regionCode);
  }

  /** A metric's value over the halls as of a date (null: no facts behind it). */
  async figure(
    hallIds: string[],
    metric: TargetMetric,
    parameter: number | null,
    asOf: string,
  ): Promise<Figure | null> {
    if (!hallIds.length) return null;
    switch (metric) {
      case 'windows':
        return this.windowsInService(hallIds, asOf);
      case 'online_rate':
        return this.onlineRate(hallIds, asOf);
      case 'daily_visitors':
        return this.dailyVisitors(hallIds, asOf);
      case 'mean_wait':
        return this.waits(hallIds, asOf, null);
      case 'within_minutes_share':
        return this.waits(hallIds, asOf, parameter ?? 0);
      case 'consultation_mix':
        return this.robotShare(hallIds, asOf);
    }
  }

  /** Windows in service on the day, summed over the halls, from the window lifecycle. */
  private async windowsInService(
    hallIds: string[],
    asOf: string,
  ): Promise<Figure | null> {
    const deltas = await this.windows.modeDeltas(hallIds, asOf);
    if (!deltas.length) return null;
    const [day] = windowCountsByDay(deltas, asOf, asOf);
    return {
      value: day.total,
      from: asOf,
      to: asOf,
      sampleSize: hallIds.length,
    };
  }

  /**
   * Cases handled through the online channels (ONLINE_CHANNELS) / through all channels, over the
   * handling records of the span.
   */
  private async onlineRate(
    hallIds: string[],
    asOf: string,
  ): Promise<Figure | null> {
    const { from, to } = factSpan(asOf);
    const r = await this.figures.factSums(hallIds, from, to);
    return fraction(r.handled_online, r.handled_total, from, to);
  }

  /** Door entries per day, over the days of the span that have footfall (the halls' local dates). */
  private async dailyVisitors(
    hallIds: string[],
    asOf: string,
  ): Promise<Figure | null> {
    const { from, to } = factSpan(asOf);
    const r = await this.figures.factSums(hallIds, from, to);
    const value = ratio(r.visitors, r.visitor_days);
    return value === null
      ? null
      : { value, from, to, sampleSize: r.visitor_days };
  }

  /**
   * The mean minutes from issue to call of the span's called tickets, or (with `withinMinutes`)
   * the share called within that many minutes of everyone who queued: called, abandoned and
   * expired (docs/figures.md).
   */
  private async waits(
    hallIds: string[],
    asOf: string,
    withinMinutes: number | null,
  ): Promise<Figure | null> {
    const { from, to } = factSpan(asOf);
    if (withinMinutes === null) {
      const r = await this.figures.waitSums(hallIds, from, to, null);
      return fraction(r.wait_sum / 60, r.called, from, to);
    }
    // whole minutes up to a day (target-rules.ts); a target stored before that rule counts the
    // whole minutes it holds
    const minutes = Math.min(
      Math.max(Math.floor(withinMinutes), 0),
      MAX_TARGET_WAIT_MINUTES,
    );
    const r = await this.figures.waitSums(hallIds, from, to, minutes);
    // docs/figures.md: people who gave up or were left waiting at closing are misses
    return fraction(
      r.within,
      queuedPeople({
        called: r.called,
        withinTarget: r.within,
        abandoned: r.abandoned,
        expired: r.expired,
      }),
      from,
      to,
    );
  }

  /** Robot consultations / all consultations over the span. */
  private async robotShare(
    hallIds: string[],
    asOf: string,
  ): Promise<Figure | null> {
    const { from, to } = factSpan(asOf);
    const r = await this.figures.factSums(hallIds, from, to);
    return fraction(r.consultations_robot, r.consultations_total, from, to);
  }
}

/** numerator / denominator as a figure whose sample is the denominator. */
function fraction(
  numerator: number,
  denominator: number,
  from: string,
  to: string,
): Figure | null {
  const value = ratio(numerator, denominator);
  return value === null
    ? null
    : { value, from, to, sampleSize: Math.round(denominator) };
}
