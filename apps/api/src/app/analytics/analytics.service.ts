import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  HallCoverage,
  HallDailyResponse,
  HallHourlyResponse,
  RegionTrendsResponse,
  TrendGranularity,
  TrendPoint,
  TrendSeries,
  TrendTarget,
  WindowMode,
} from '@onewindow/contracts';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { assertSpan } from '../common/service-date';
import { ModeDelta, windowCountsByDay } from '../windows/window-history';
import { WindowsService } from '../windows/windows.service';
import {
  hallTargetMinutes,
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
    @InjectDataSource() private readonly db: DataSource,
    private readonly windows: WindowsService,
  ) {}

  /**
   * The first and last day with tickets, and with other facts, from the rollups (only days before
   * `before` when given).
   */
  async hallCoverage(hallId: string, before?: string): Promise<HallCoverage> {
    const [row]: {
      t_from: string | null;
      t_to: string | null;
      f_from: string | null;
      f_to: string | null;
    }[] = await this.db.query(
      `WITH t AS (SELECT service_date FROM rollup_daily
                  WHERE hall_id = $1 AND category_code = '*' AND arrivals > 0
                    AND ($2::date IS NULL OR service_date < $2::date)),
            f AS (SELECT service_date FROM rollup_hall_facts
                  WHERE hall_id = $1 AND ($2::date IS NULL OR service_date < $2::date))
       SELECT (SELECT to_char(min(service_date), 'YYYY-MM-DD') FROM t) AS t_from,
              (SELECT to_char(max(service_date), 'YYYY-MM-DD') FROM t) AS t_to,
              (SELECT to_char(min(service_date), 'YYYY-MM-DD') FROM f) AS f_from,
              (SELECT to_char(max(service_date), 'YYYY-MM-DD') FROM f) AS f_to`,
      [hallId, before ?? null],
    );
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
    const target = await hallTargetMinutes(this.db, hallId);
    const [tickets, facts, deltas] = await Promise.all([
      this.db.query(
        `SELECT to_char(service_date, 'YYYY-MM-DD') AS date, arrivals, called, served, no_shows,
                wait_sum_seconds, wait_p90_seconds, within_target
         FROM rollup_daily WHERE hall_id = $1 AND category_code = '*' AND service_date BETWEEN $2 AND $3`,
        [hallId, from, to],
      ) as Promise<
        {
          date: string;
          arrivals: number;
          called: number;
          served: number;
          no_shows: number;
          wait_sum_seconds: number;
          wait_p90_seconds: number | null;
          within_target: number;
        }[]
      >,
      this.db.query(
        `SELECT to_char(service_date, 'YYYY-MM-DD') AS date, visitors, handled_total, handled_online,
                staff_moves_in, staff_moves_out
         FROM rollup_hall_facts WHERE hall_id = $1 AND service_date BETWEEN $2 AND $3`,
        [hallId, from, to],
      ) as Promise<
        {
          date: string;
          visitors: number | null;
          handled_total: number;
          handled_online: number;
          staff_moves_in: number;
          staff_moves_out: number;
        }[]
      >,
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
          meanWaitMinutes: r
            ? round(share(r.wait_sum_seconds, r.called * 60))
            : null,
          p90WaitMinutes:
            r?.wait_p90_seconds == null ? null : round(r.wait_p90_seconds / 60),
          withinTargetShare: r
            ? round(share(r.within_target, r.called), 4)
            : null,
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
    const rows: {
      hour: number;
      category_code: string;
      arrivals: number;
      called: number;
      served: number;
      no_shows: number;
      wait_sum_seconds: number;
      wait_p50_seconds: number | null;
      wait_p90_seconds: number | null;
      within_target: number;
      busy_windows: number;
    }[] = await this.db.query(
      `SELECT hour, category_code, arrivals, called, served, no_shows, wait_sum_seconds,
              wait_p50_seconds, wait_p90_seconds, within_target, busy_windows
       FROM rollup_hourly WHERE hall_id = $1 AND service_date = $2 ORDER BY hour, category_code`,
      [hallId, date],
    );
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
        meanWaitMinutes: round(share(r.wait_sum_seconds, r.called * 60)),
        p50WaitMinutes:
          r.wait_p50_seconds === null ? null : round(r.wait_p50_seconds / 60),
        p90WaitMinutes:
          r.wait_p90_seconds === null ? null : round(r.wait_p90_seconds / 60),
        withinTargetShare: round(share(r.within_target, r.called), 4),
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
    const [region]: { name: string }[] = await this.db.query(
      `SELECT name FROM regions WHERE code = $1`,
      [code],
    );
    if (!region) throw DomainError.notFound('Region');
    // every hall of the subtree with its part: the child region it lies in, or itself
    const halls: {
      id: string;
      name: string;
      child: string | null;
      child_name: string | null;
    }[] = await this.db.query(
      `WITH sub AS (
         SELECT d.code, c.code AS top
         FROM regions c CROSS JOIN LATERAL region_subtree(c.code) d WHERE c.parent_code = $1
       )
       SELECT h.id, h.name, s.top AS child, c.name AS child_name
       FROM halls h LEFT JOIN sub s ON s.code = h.region_code LEFT JOIN regions c ON c.code = s.top
       WHERE h.region_code = $1 OR s.code IS NOT NULL
       ORDER BY h.name`,
      [code],
    );
    const children: { code: string; name: string }[] = await this.db.query(
      `SELECT code, name FROM regions WHERE parent_code = $1 ORDER BY code`,
      [code],
    );
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
          withinTargetShare: round(share(s.within, s.called), 4),
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
        name: region.name,
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
    const rows: SumsRow[] = await this.db.query(
      `SELECT 'r:' || region_code AS part, to_char(date_trunc($4, service_date)::date, 'YYYY-MM-DD') AS period,
              sum(tickets)::int AS tickets, sum(called)::int AS called, sum(wait_sum_seconds)::float AS wait_sum,
              sum(within_target)::int AS within,
              CASE WHEN sum(visitor_halls) > 0 THEN sum(visitors)::int END AS visitors,
              count(*) FILTER (WHERE visitor_halls > 0)::int AS visitor_days,
              sum(handled_total)::int AS handled_total, sum(handled_online)::int AS handled_online
       FROM rollup_region_daily WHERE region_code = ANY($1) AND service_date BETWEEN $2 AND $3
       GROUP BY 1, 2`,
      [codes, from, to, granularity],
    );
    return new Map(rows.map((r) => [`${r.part}|${r.period}`, toSums(r)]));
  }

  /** Each region's window count changes per day and mode (whole subtrees), up to `to`. */
  private async regionWindowDeltas(
    codes: string[],
    to: string,
  ): Promise<Map<string, ModeDelta[]>> {
    const rows: {
      region_code: string;
      date: string;
      mode: WindowMode;
      delta: number;
    }[] = await this.db.query(
      `SELECT region_code, to_char(effective_date, 'YYYY-MM-DD') AS date, mode, delta
       FROM region_window_deltas WHERE region_code = ANY($1) AND effective_date <= $2 AND delta <> 0
       ORDER BY effective_date`,
      [codes, to],
    );
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
    const rows: SumsRow[] = await this.db.query(
      `WITH part AS (SELECT * FROM unnest($1::uuid[], $2::text[]) AS p(hall_id, part)),
       t AS (
         SELECT p.part, date_trunc($5, d.service_date)::date AS period,
                sum(d.arrivals)::int AS tickets, sum(d.called)::int AS called,
                sum(d.wait_sum_seconds)::float AS wait_sum, sum(d.within_target)::int AS within
         FROM rollup_daily d JOIN part p ON p.hall_id = d.hall_id
         WHERE d.category_code = '*' AND d.service_date BETWEEN $3 AND $4
         GROUP BY 1, 2
       ),
       f AS (
         SELECT p.part, date_trunc($5, x.service_date)::date AS period,
                sum(x.visitors)::int AS visitors, count(DISTINCT x.service_date) FILTER (WHERE x.visitors IS NOT NULL)::int AS visitor_days,
                sum(x.handled_total)::int AS handled_total, sum(x.handled_online)::int AS handled_online
         FROM rollup_hall_facts x JOIN part p ON p.hall_id = x.hall_id
         WHERE x.service_date BETWEEN $3 AND $4
         GROUP BY 1, 2
       )
       SELECT part, to_char(period, 'YYYY-MM-DD') AS period,
              COALESCE(t.tickets, 0) AS tickets, COALESCE(t.called, 0) AS called,
              COALESCE(t.wait_sum, 0) AS wait_sum, COALESCE(t.within, 0) AS within,
              f.visitors, COALESCE(f.visitor_days, 0) AS visitor_days,
              COALESCE(f.handled_total, 0) AS handled_total, COALESCE(f.handled_online, 0) AS handled_online
       FROM t FULL JOIN f USING (part, period)`,
      [hallIds, parts, from, to, granularity],
    );
    return new Map(rows.map((r) => [`${r.part}|${r.period}`, toSums(r)]));
  }

  private async targetsOf(
    regionCodes: string[],
    hallIds: string[],
  ): Promise<TrendTarget[]> {
    const rows: {
      region_code: string | null;
      hall_id: string | null;
      metric: string;
      comparison: string;
      value: string;
      parameter: string | null;
      due_date: string;
    }[] = await this.db.query(
      `SELECT region_code, hall_id, metric, comparison, value, parameter, to_char(due_date, 'YYYY-MM-DD') AS due_date
       FROM targets WHERE region_code = ANY($1) OR hall_id = ANY($2::uuid[])
       ORDER BY due_date, metric`,
      [regionCodes, hallIds],
    );
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
interface SumsRow {
  part: string;
  period: string;
  tickets: number;
  called: number;
  wait_sum: number;
  within: number;
  visitors: number | null;
  visitor_days: number;
  handled_total: number;
  handled_online: number;
}

function toSums(r: SumsRow): Sums {
  return {
    tickets: r.tickets,
    called: r.called,
    waitSum: r.wait_sum,
    within: r.within,
    visitors: r.visitors,
    visitorDays: r.visitor_days,
    handledTotal: r.handled_total,
    handledOnline: r.handled_online,
  };
}
