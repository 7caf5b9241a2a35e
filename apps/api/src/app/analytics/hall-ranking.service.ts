import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HallRankingResponse } from '@onewindow/contracts';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { assertSpan } from '../common/service-date';
import { round, share } from './analytics-math';
import { MAX_SPAN_DAYS } from './analytics.service';

interface RankingRow {
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
  p90_weighted: number | null;
  p90_called: number;
  visitors: number | null;
  visitor_days: number;
  handled_total: number;
  handled_online: number;
}

/**
 * Every hall of a region subtree over one span, for the reform office's ranking table: windows cut,
 * online-handling rate and waits. One statement over the daily rollups and the window events.
 */
@Injectable()
export class HallRankingService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async ranking(
    code: string,
    from: string,
    to: string,
  ): Promise<HallRankingResponse> {
    assertSpan(from, to, MAX_SPAN_DAYS);
    const [region]: unknown[] = await this.db.query(
      `SELECT 1 FROM regions WHERE code = $1`,
      [code],
    );
    if (!region) throw DomainError.notFound('Region');
    const rows: RankingRow[] = await this.db.query(
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
              t.p90_weighted, COALESCE(t.p90_called, 0) AS p90_called,
              f.visitors, COALESCE(f.visitor_days, 0) AS visitor_days,
              COALESCE(f.handled_total, 0) AS handled_total, COALESCE(f.handled_online, 0) AS handled_online
       FROM hall LEFT JOIN w ON w.hall_id = hall.id LEFT JOIN t ON t.hall_id = hall.id
            LEFT JOIN f ON f.hall_id = hall.id
       ORDER BY hall.name`,
      [code, from, to],
    );
    return {
      regionCode: code,
      from,
      to,
      halls: rows.map((r) => ({
        hallId: r.id,
        name: r.name,
        regionCode: r.region_code,
        regionName: r.region_name,
        kind: r.kind,
        windowsAtStart: r.at_start,
        windowsAtEnd: r.at_end,
        windowsCut: r.at_start - r.at_end,
        windowsCutShare: round(share(r.at_start - r.at_end, r.at_start), 4),
        comprehensiveShare: round(share(r.comprehensive_end, r.at_end), 4),
        tickets: r.tickets,
        visitorsPerDay:
          r.visitors === null
            ? null
            : round(share(r.visitors, r.visitor_days), 1),
        onlineRate: round(share(r.handled_online, r.handled_total), 4),
        meanWaitMinutes: round(share(r.wait_sum, r.called * 60)),
        p90WaitMinutes:
          r.p90_weighted === null
            ? null
            : round(share(r.p90_weighted, r.p90_called * 60)),
        withinTargetShare: round(share(r.within, r.called), 4),
        targetWaitMinutes: r.target,
      })),
    };
  }
}
