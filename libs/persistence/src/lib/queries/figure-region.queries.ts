import type { WindowMode } from '@onewindow/contracts';
import { Queries } from './queries';

/** One part's additive sums over one period (a region 'r:<code>' or a hall 'h:<id>'). */
export interface PeriodSumsRow {
  part: string;
  period: string;
  tickets: number;
  called: number;
  wait_sum: number;
  within: number;
  abandoned: number;
  expired: number;
  visitors: number | null;
  visitor_days: number;
  handled_total: number;
  handled_online: number;
}

/** A change of a region's window count on a day in one mode (whole subtree). */
export interface RegionWindowDeltaRow {
  region_code: string;
  date: string;
  mode: WindowMode;
  delta: number;
}

/** A target as the trends draw it (numeric columns as PostgreSQL gives them). */
export interface TrendTargetRow {
  region_code: string | null;
  hall_id: string | null;
  metric: string;
  comparison: string;
  value: string;
  parameter: string | null;
  due_date: string;
}

/** One hall of the ranking: where it lies, its windows at both ends of the span and its sums. */
export interface RankingRow {
  id: string;
  name: string;
  region_code: string;
  region_name: string;
  kind: string;
  target: number;
  at_start: number;
  at_end: number;
  comprehensive_end: number;
  tickets: number;
  called: number;
  wait_sum: number;
  within: number;
  abandoned: number;
  expired: number;
  p90_weighted: number | null;
  p90_called: number;
  visitors: number | null;
  visitor_days: number;
  handled_total: number;
  handled_online: number;
}

/**
 * The figures of regions: the region rollups (rollup_region_daily, region_window_deltas, whole
 * subtrees), the sums of halls as parts of a region's trend, the targets drawn on trends and the
 * ranking of a subtree's halls. Reached as `FigureQueries.regions`.
 */
export class RegionFigureQueries extends Queries {
  /** Additive sums per region and period (date_trunc `granularity`), from the region rollups. */
  regionPeriodSums(
    codes: string[],
    from: string,
    to: string,
    granularity: string,
  ): Promise<PeriodSumsRow[]> {
    return this.rows<PeriodSumsRow>(
      `SELECT 'r:' || region_code AS part, to_char(date_trunc($4, service_date)::date, 'YYYY-MM-DD') AS period,
              sum(tickets)::int AS tickets, sum(called)::int AS called, sum(wait_sum_seconds)::float AS wait_sum,
              sum(within_target)::int AS within, sum(abandoned)::int AS abandoned, sum(expired)::int AS expired,
              CASE WHEN sum(visitor_halls) > 0 THEN sum(visitors)::int END AS visitors,
              count(*) FILTER (WHERE visitor_halls > 0)::int AS visitor_days,
              sum(handled_total)::int AS handled_total, sum(handled_online)::int AS handled_online
       FROM rollup_region_daily WHERE region_code = ANY($1) AND service_date BETWEEN $2 AND $3
       GROUP BY 1, 2`,
      [codes, from, to, granularity],
    );
  }

  /**
   * Additive sums per part and period from the halls' daily rollups: `parts[i]` names the part of
   * `hallIds[i]`.
   */
  hallPeriodSums(
    hallIds: string[],
    parts: string[],
    from: string,
    to: string,
    granularity: string,
  ): Promise<PeriodSumsRow[]> {
    return this.rows<PeriodSumsRow>(
      `WITH part AS (SELECT * FROM unnest($1::uuid[], $2::text[]) AS p(hall_id, part)),
       t AS (
         SELECT p.part, date_trunc($5, d.service_date)::date AS period,
                sum(d.arrivals)::int AS tickets, sum(d.called)::int AS called,
                sum(d.wait_sum_seconds)::float AS wait_sum, sum(d.within_target)::int AS within,
                sum(d.abandoned)::int AS abandoned, sum(d.expired)::int AS expired
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
              COALESCE(t.abandoned, 0) AS abandoned, COALESCE(t.expired, 0) AS expired,
              f.visitors, COALESCE(f.visitor_days, 0) AS visitor_days,
              COALESCE(f.handled_total, 0) AS handled_total, COALESCE(f.handled_online, 0) AS handled_online
       FROM t FULL JOIN f USING (part, period)`,
      [hallIds, parts, from, to, granularity],
    );
  }

  /** Each region's window count changes per day and mode (whole subtrees), up to `to`, by day. */
  regionWindowDeltas(
    codes: string[],
    to: string,
  ): Promise<RegionWindowDeltaRow[]> {
    return this.rows<RegionWindowDeltaRow>(
      `SELECT region_code, to_char(effective_date, 'YYYY-MM-DD') AS date, mode, delta
       FROM region_window_deltas WHERE region_code = ANY($1) AND effective_date <= $2 AND delta <> 0
       ORDER BY effective_date`,
      [codes, to],
    );
  }

  /** The targets of some regions and halls, by due date and metric. */
  trendTargets(
    regionCodes: string[],
    hallIds: string[],
  ): Promise<TrendTargetRow[]> {
    return this.rows<TrendTargetRow>(
      `SELECT region_code, hall_id, metric, comparison, value, parameter, to_char(due_date, 'YYYY-MM-DD') AS due_date
       FROM targets WHERE region_code = ANY($1) OR hall_id = ANY($2::uuid[])
       ORDER BY due_date, metric`,
      [regionCodes, hallIds],
    );
  }

  /**
   * Every hall of a region subtree over one span, by name, in one statement over the daily rollups
   * and the window events: windows at the start and end of the span, and the additive sums.
   */
  ranking(code: string, from: string, to: string): Promise<RankingRow[]> {
    return this.rows<RankingRow>(
      `WITH sub AS (SELECT code FROM region_subtree($1)),
       hall AS (
         SELECT h.id, h.name, h.region_code, r.name AS region_name, h.kind, h.target_wait_minutes AS target
         FROM halls h JOIN sub s ON s.code = h.region_code JOIN regions r ON r.code = h.region_code
       ),
       ev AS (
         SELECT e.hall_id, e.kind, e.effective_date, e.mode,
                LAG(e.mode) OVER (PARTITION BY e.window_id ORDER BY e.effective_date, e.id) AS prev_mode
         FROM window_events e JOIN hall ON hall.id = e.hall_id
         WHERE e.effective_date <= $3
       ),
       deltas AS (
         SELECT hall_id, effective_date AS d, mode AS m, 1 AS delta FROM ev WHERE kind IN ('opened', 'converted')
         UNION ALL
         SELECT hall_id, effective_date, prev_mode, -1 FROM ev
         WHERE kind IN ('converted', 'retired') AND prev_mode IS NOT NULL
       ),
       w AS (
         SELECT hall_id,
                COALESCE(sum(delta) FILTER (WHERE d <= $2), 0)::int AS at_start,
                COALESCE(sum(delta), 0)::int AS at_end,
                COALESCE(sum(delta) FILTER (WHERE m = 'comprehensive'), 0)::int AS comprehensive_end
         FROM deltas GROUP BY hall_id
       ),
       t AS (
         SELECT d.hall_id, sum(d.arrivals)::int AS tickets, sum(d.called)::int AS called,
                sum(d.wait_sum_seconds)::float AS wait_sum, sum(d.within_target)::int AS within,
                sum(d.abandoned)::int AS abandoned, sum(d.expired)::int AS expired,
                sum(d.wait_p90_seconds * d.called) FILTER (WHERE d.wait_p90_seconds IS NOT NULL)::float AS p90_weighted,
                COALESCE(sum(d.called) FILTER (WHERE d.wait_p90_seconds IS NOT NULL), 0)::int AS p90_called
         FROM rollup_daily d JOIN hall ON hall.id = d.hall_id
         WHERE d.category_code = '*' AND d.service_date BETWEEN $2 AND $3
         GROUP BY d.hall_id
       ),
       f AS (
         SELECT x.hall_id, sum(x.visitors)::int AS visitors,
                count(*) FILTER (WHERE x.visitors IS NOT NULL)::int AS visitor_days,
                sum(x.handled_total)::int AS handled_total, sum(x.handled_online)::int AS handled_online
         FROM rollup_hall_facts x JOIN hall ON hall.id = x.hall_id
         WHERE x.service_date BETWEEN $2 AND $3
         GROUP BY x.hall_id
       )
       SELECT hall.*, COALESCE(w.at_start, 0) AS at_start, COALESCE(w.at_end, 0) AS at_end,
              COALESCE(w.comprehensive_end, 0) AS comprehensive_end,
              COALESCE(t.tickets, 0) AS tickets, COALESCE(t.called, 0) AS called,
              COALESCE(t.wait_sum, 0) AS wait_sum, COALESCE(t.within, 0) AS within,
              COALESCE(t.abandoned, 0) AS abandoned, COALESCE(t.expired, 0) AS expired,
              t.p90_weighted, COALESCE(t.p90_called, 0) AS p90_called,
              f.visitors, COALESCE(f.visitor_days, 0) AS visitor_days,
              COALESCE(f.handled_total, 0) AS handled_total, COALESCE(f.handled_online, 0) AS handled_online
       FROM hall LEFT JOIN w ON w.hall_id = hall.id LEFT JOIN t ON t.hall_id = hall.id
            LEFT JOIN f ON f.hall_id = hall.id
       ORDER BY hall.name`,
      [code, from, to],
    );
  }
}
