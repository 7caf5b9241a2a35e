import { Injectable } from '@nestjs/common';
import type {
  HallCoverage,
  HallDailyResponse,
  HallHourlyResponse,
  RegionTrendsResponse,
  TrendGranularity,
  TrendPoint,
  TrendSeries,
  TrendTarget,
} from '@onewindow/contracts';
import { FigureQueries, RegionQueries } from '@onewindow/persistence';
import { DomainError } from '../common/domain-error';
import { assertSpan } from '../common/service-date';
import { ModeDelta, windowCountsByDay } from '../windows/window-history';
import { WindowsService } from '../windows/windows.service';
import {
  hallTargetMinutes,
  outcomeShares,
  periodsOf,
  round,
  share,
  windowsAtPeriodEnds,
} from './analytics-math';

/** Longest span of one request, in days. */
export const MAX_SPAN_DAYS = 366 * 5;

interface Sums {
  tickets: number;
  called: number;
  waitSum: number;
  within: number;
  abandoned: number;
  expired: number;
  visitors: number | null;
  visitorDays: number;
  handledTotal: number;
  handledOnline: number;
}

const EMPTY: Sums = {
  tickets: 0,
  called: 0,
  waitSum: 0,
  within: 0,
  abandoned: 0,
  expired: 0,
  visitors: null,
  visitorDays: 0,
  handledTotal: 0,
  handledOnline: 0,
};

/**
 * Figures for hall managers and the reform office, read from the rollups only (rollup_daily,
 * rollup_hourly, rollup_hall_facts; computed by libs/persistence/src/sql/functions/rollup_hall_days.sql) and, for window counts, from the
 * window lifecycle events. Region figures are sums over the region's subtree.
 */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly figures: FigureQueries,
    private readonly regions: RegionQueries,
    private readonly windows: WindowsService,
  ) {}

  /**
   * The first and last day with tickets, and with other facts, from the rollups (only days before
   * `before` when given).
   */
  async hallCoverage(hallId: string, before?: string): Promise<HallCoverage> {
    const row = await this.figures.hallCoverage(hallId, before ?? null);
    return {
      hallId,
      tickets:
        row.t_from && row.t_to ? { from: row.t_from, to: row.t_to } : null,
      facts: row.f_from && row.f_to ? { from: row.f_from, to: row.f_to } : null,
    };
  }

  async hallDaily(
    hallId: string,
    from: string,
    to: string,
  ): Promise<HallDailyResponse> {
    assertSpan(from, to, MAX_SPAN_DAYS);
    const target = await hallTargetMinutes(this.figures, hallId);
    const [tickets, facts, deltas] = await Promise.all([
      this.figures.hallDays(hallId, from, to),
      this.figures.hallFactDays(hallId, from, to),
      this.windows.modeDeltas([hallId], to),
    ]);
    const t = new Map(tickets.map((r) => [r.date, r]));
    const f = new Map(facts.map((r) => [r.date, r]));
    return {
      hallId,
      from,
      to,
      targetWaitMinutes: target,
      days: windowCountsByDay(deltas, from, to).map((w) => {
        const r = t.get(w.date);
        const x = f.get(w.date);
        return {
          date: w.date,
          visitors: x?.visitors ?? null,
          tickets: r?.arrivals ?? 0,
          served: r?.served ?? 0,
          noShows: r?.no_shows ?? 0,
          abandoned: r?.abandoned ?? 0,
          expired: r?.expired ?? 0,
          meanWaitMinutes: r
            ? round(share(r.wait_sum_seconds, r.called * 60))
            : null,
          p90WaitMinutes:
            r?.wait_p90_seconds == null ? null : round(r.wait_p90_seconds / 60),
          ...(r
            ? outcomeShares({ ...r, within: r.within_target })
            : { withinTargetShare: null, abandonedShare: null }),
          windowsOpen: w.total,
          windowsComprehensive: w.comprehensive,
          onlineRate: x
            ? round(share(x.handled_online, x.handled_total), 4)
            : null,
          staffMovesIn: x?.staff_moves_in ?? 0,
          staffMovesOut: x?.staff_moves_out ?? 0,
        };
      }),
    };
  }

  async hallHourly(hallId: string, date: string): Promise<HallHourlyResponse> {
    const rows = await this.figures.hallHours(hallId, date);
    return {
      hallId,
      date,
      hours: rows.map((r) => ({
        hour: r.hour,
        categoryCode: r.category_code,
        arrivals: r.arrivals,
        called: r.called,
        served: r.served,
        noShows: r.no_shows,
        abandoned: r.abandoned,
        expired: r.expired,
        meanWaitMinutes: round(share(r.wait_sum_seconds, r.called * 60)),
        p50WaitMinutes:
          r.wait_p50_seconds === null ? null : round(r.wait_p50_seconds / 60),
        p90WaitMinutes:
          r.wait_p90_seconds === null ? null : round(r.wait_p90_seconds / 60),
        ...outcomeShares({ ...r, within: r.within_target }),
        busyWindows: r.busy_windows,
      })),
    };
  }

  /**
   * A region's trend by period, split into its child regions and the halls directly in it (the
   * parts add up to the region): the first level of a drill-down.
   */
  async regionTrends(
    code: string,
    from: string,
    to: string,
    granularity: TrendGranularity,
  ): Promise<RegionTrendsResponse> {
    assertSpan(from, to, MAX_SPAN_DAYS);
    const name = await this.regions.name(code);
    if (name === undefined) throw DomainError.notFound('Region');
    // every hall of the subtree with its part: the child region it lies in, or itself
    const halls = await this.regions.hallsByChild(code);
    const children = await this.regions.children(code);
    const direct = halls.filter((h) => !h.child);
    const periods = periodsOf(from, to, granularity);
    const regionCodes = [code, ...children.map((c) => c.code)];
    // the region and its children from the region rollups; the halls directly in it from theirs
    const [regionSums, hallSums, regionDeltas, targets] = await Promise.all([
      this.regionPeriodSums(regionCodes, from, to, granularity),
      this.periodSums(
        direct.map((h) => h.id),
        direct.map((h) => `h:${h.id}`),
        from,
        to,
        granularity,
      ),
      this.regionWindowDeltas(regionCodes, to),
      this.targetsOf(
        regionCodes,
        direct.map((h) => h.id),
      ),
    ]);
    const sums = new Map([...regionSums, ...hallSums]);

    const pointsOf = (part: string, deltas: ModeDelta[]): TrendPoint[] => {
      const windows = windowsAtPeriodEnds(
        windowCountsByDay(deltas, from, to),
        periods,
      );
      return periods.map(({ period }) => {
        const s = sums.get(`${part}|${period}`) ?? EMPTY;
        const w = windows.get(period) ?? { total: 0, comprehensive: 0 };
        return {
          period,
          windows: w.total,
          windowsComprehensive: w.comprehensive,
          visitors: s.visitors,
          visitorsPerDay:
            s.visitors === null
              ? null
              : round(share(s.visitors, s.visitorDays), 1),
          tickets: s.tickets,
          onlineRate: round(share(s.handledOnline, s.handledTotal), 4),
          meanWaitMinutes: round(share(s.waitSum, s.called * 60)),
          ...outcomeShares(s),
        };
      });
    };

    const hallSeries: TrendSeries[] = [];
    for (const h of direct) {
      hallSeries.push({
        hallId: h.id,
        name: h.name,
        points: pointsOf(
          `h:${h.id}`,
          await this.windows.modeDeltas([h.id], to),
        ),
        targets: targets.filter((t) => t.hallId === h.id),
      });
    }
    return {
      regionCode: code,
      from,
      to,
      granularity,
      region: {
        regionCode: code,
        name,
        points: pointsOf(`r:${code}`, regionDeltas.get(code) ?? []),
        targets: targets.filter((t) => t.regionCode === code),
      },
      children: children.map((c) => ({
        regionCode: c.code,
        name: c.name,
        points: pointsOf(`r:${c.code}`, regionDeltas.get(c.code) ?? []),
        targets: targets.filter((t) => t.regionCode === c.code),
      })),
      halls: hallSeries,
    };
  }

  /** Additive sums per region and period, from the region rollups (whole subtrees). */
  private async regionPeriodSums(
    codes: string[],
    from: string,
    to: string,
    granularity: TrendGranularity,
  ): Promise<Map<string, Sums>> {
    const rows = await this.figures.regions.regionPeriodSums(
      codes,
      from,
      to,
      granularity,
    );
    return new Map(rows.map((r) => [`${r.part}|${r.period}`, toSums(r)]));
  }

  /** Each region's window count changes per day and mode (whole subtrees), up to `to`. */
  private async regionWindowDeltas(
    codes: string[],
    to: string,
  ): Promise<Map<string, ModeDelta[]>> {
    const rows = await this.figures.regions.regionWindowDeltas(codes, to);
    const out = new Map<string, ModeDelta[]>();
    for (const r of rows) {
      const list = out.get(r.region_code) ?? [];
      list.push({ date: r.date, mode: r.mode, delta: r.delta });
      out.set(r.region_code, list);
    }
    return out;
  }

  /** Additive sums per part and period, computed in PostgreSQL from the daily rollups. */
  private async periodSums(
    hallIds: string[],
    parts: string[],
    from: string,
    to: string,
    granularity: TrendGranularity,
  ): Promise<Map<string, Sums>> {
    if (!hallIds.length) return new Map();
    const rows = await this.figures.regions.hallPeriodSums(
      hallIds,
      parts,
      from,
      to,
      granularity,
    );
    return new Map(rows.map((r) => [`${r.part}|${r.period}`, toSums(r)]));
  }

  private async targetsOf(
    regionCodes: string[],
    hallIds: string[],
  ): Promise<TrendTarget[]> {
    const rows = await this.figures.regions.trendTargets(regionCodes, hallIds);
    return rows.map((r) => ({
      regionCode: r.region_code,
      hallId: r.hall_id,
      metric: r.metric,
      comparison: r.comparison,
      value: Number(r.value),
      parameter: r.parameter === null ? null : Number(r.parameter),
      dueDate: r.due_date,
    }));
  }
}

/** One part's sums over one period, as the queries return them. */
type SumsRow = Awaited<
  ReturnType<FigureQueries['regions']['regionPeriodSums']>
>[number];

function toSums(r: SumsRow): Sums {
  return {
    tickets: r.tickets,
    called: r.called,
    waitSum: r.wait_sum,
    within: r.within,
    abandoned: r.abandoned,
    expired: r.expired,
    visitors: r.visitors,
    visitorDays: r.visitor_days,
    handledTotal: r.handled_total,
    handledOnline: r.handled_online,
  };
}
