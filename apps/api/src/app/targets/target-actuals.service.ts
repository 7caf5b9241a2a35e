import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type TargetActual,
  type TargetMetric,
  type TargetScope,
  type TargetStatus,
  ONLINE_CHANNELS,
} from '@onewindow/contracts';
import type { TargetEntity } from '@onewindow/persistence';
import { DataSource } from 'typeorm';
import { HALL_TIME_ZONE } from '../common/service-date';
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
 * The actual values of targets, read from the raw facts over bounded date spans (each query uses
 * its table's hall-and-date index). This is the one place that reads facts for targets: when the
 * daily rollups exist, these queries switch to them.
 */
@Injectable()
export class TargetActualsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
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
    const rows: { id: string }[] = await this.db.query(
      `SELECT h.id FROM halls h JOIN region_subtree($1) sub ON h.region_code = sub.code`,
      [scope.regionCode],
    );
    return rows.map((r) => r.id);
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

  /** Online channels (ONLINE_CHANNELS) / all channels, over the handling records of the span. */
  private async onlineRate(
    hallIds: string[],
    asOf: string,
  ): Promise<Figure | null> {
    const { from, to } = factSpan(asOf);
    const [r]: { online: string; total: string }[] = await this.db.query(
      `SELECT COALESCE(SUM(count) FILTER (WHERE channel = ANY($4::text[])), 0) AS online,
              COALESCE(SUM(count), 0) AS total
       FROM handling_records
       WHERE hall_id = ANY($1) AND record_date BETWEEN $2 AND $3`,
      [hallIds, from, to, ONLINE_CHANNELS],
    );
    return fraction(Number(r.online), Number(r.total), from, to);
  }

  /** Entries per day, over the days of the span that have footfall (local dates). */
  private async dailyVisitors(
    hallIds: string[],
    asOf: string,
  ): Promise<Figure | null> {
    const { from, to } = factSpan(asOf);
    const [r]: { entries: string; days: number }[] = await this.db.query(
      `SELECT COALESCE(SUM(entries), 0) AS entries,
              COUNT(DISTINCT (period_start AT TIME ZONE $4::text)::date)::int AS days
       FROM footfall
       WHERE hall_id = ANY($1)
         AND period_start >= ($2::date)::timestamp AT TIME ZONE $4::text
         AND period_start < ($3::date + 1)::timestamp AT TIME ZONE $4::text`,
      [hallIds, from, to, HALL_TIME_ZONE],
    );
    const value = ratio(Number(r.entries), r.days);
    return value === null ? null : { value, from, to, sampleSize: r.days };
  }

  /**
   * Over the tickets of the span that were called: the mean minutes from issue to call, or (with
   * `withinMinutes`) the share called within that many minutes.
   */
  private async waits(
    hallIds: string[],
    asOf: string,
    withinMinutes: number | null,
  ): Promise<Figure | null> {
    const { from, to } = factSpan(asOf);
    const [r]: { called: number; wait_seconds: string; within: number }[] =
      await this.db.query(
        `SELECT COUNT(*)::int AS called,
                COALESCE(SUM(EXTRACT(EPOCH FROM called_at - issued_at)), 0) AS wait_seconds,
                COUNT(*) FILTER (WHERE called_at - issued_at <= make_interval(secs => $4::float8 * 60))::int AS within
         FROM tickets
         WHERE hall_id = ANY($1) AND service_date BETWEEN $2 AND $3 AND called_at IS NOT NULL`,
        [hallIds, from, to, withinMinutes ?? 0],
      );
    return withinMinutes === null
      ? fraction(Number(r.wait_seconds) / 60, r.called, from, to)
      : fraction(r.within, r.called, from, to);
  }

  /** Robot consultations / all consultations over the span. */
  private async robotShare(
    hallIds: string[],
    asOf: string,
  ): Promise<Figure | null> {
    const { from, to } = factSpan(asOf);
    const [r]: { robot: string; total: string }[] = await this.db.query(
      `SELECT COALESCE(SUM(count) FILTER (WHERE channel = 'robot'), 0) AS robot,
              COALESCE(SUM(count), 0) AS total
       FROM consultations
       WHERE hall_id = ANY($1) AND record_date BETWEEN $2 AND $3`,
      [hallIds, from, to],
    );
    return fraction(Number(r.robot), Number(r.total), from, to);
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
