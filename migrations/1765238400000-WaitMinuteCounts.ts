import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The distribution of waits in the daily rollups, so that "the share called within N minutes"
 * (a target's own N, not only the hall's target wait behind within_target) is read from the
 * rollups instead of the tickets. rollup_daily.wait_minute_counts: element k (k = 0 … 1440, at
 * subscript k + 1) counts the called tickets of the day (and category; '*' the whole hall) whose
 * wait from issue to call, in seconds, has ceil(wait / 60) = k (0 for a wait of 0 or less); element
 * 1441 counts every longer wait. Trailing empty minutes are left out: the array ends at the longest
 * wait, '{}' when none was called. The share within N whole minutes (N ≤ 1440) is then
 * sum(elements 0 … N) / called, exactly what the tickets give (waits ≤ N · 60 s).
 *
 * rollup_hall_days() fills it (current text: libs/persistence/src/sql/functions/rollup_hall_days.sql);
 * the rows already rolled up are filled from their tickets here.
 */
export class WaitMinuteCounts1765238400000 implements MigrationInterface {
  name = 'WaitMinuteCounts1765238400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "rollup_daily" ADD "wait_minute_counts" integer[] NOT NULL DEFAULT '{}'`,
    );
    await q.query(ROLLUP_HALL_DAYS);
    // the days rolled up so far, from the same tickets and with the same histogram as the function
    await q.query(`
      UPDATE rollup_daily r SET wait_minute_counts = w.counts
      FROM (
        SELECT hall_id, day, COALESCE(category_code, '*') AS category_code,
               COALESCE((SELECT array_agg(COALESCE(c.n, 0) ORDER BY k.m)
                         FROM generate_series(0, max(wait_minute)) k(m)
                         LEFT JOIN (SELECT u.m, count(*)::int AS n
                                    FROM unnest(array_agg(wait_minute)) u(m)
                                    GROUP BY u.m) c ON c.m = k.m), '{}') AS counts
        FROM (
          SELECT t.hall_id, t.service_date AS day, t.category_code,
                 least(greatest(ceil(extract(epoch FROM t.called_at - t.issued_at) / 60), 0), 1441)::int AS wait_minute
          FROM tickets t
          WHERE t.called_at IS NOT NULL
            AND EXISTS (SELECT 1 FROM rollup_daily d
                        WHERE d.hall_id = t.hall_id AND d.service_date = t.service_date AND d.category_code = '*')
        ) x
        GROUP BY GROUPING SETS ((hall_id, day, category_code), (hall_id, day))
      ) w
      WHERE r.hall_id = w.hall_id AND r.service_date = w.day AND r.category_code = w.category_code`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(ROLLUP_HALL_DAYS_BEFORE);
    await q.query(
      `ALTER TABLE "rollup_daily" DROP COLUMN "wait_minute_counts"`,
    );
  }
}

/** rollup_hall_days() as this migration leaves it (a frozen copy: its current text lives in sql/). */
export const ROLLUP_HALL_DAYS = `CREATE OR REPLACE FUNCTION public.rollup_hall_days(p_hall uuid, p_days date[])
 RETURNS void
 LANGUAGE plpgsql
AS $function$
      DECLARE
        v_days date[];
        v_target integer;
        v_zone text;
        v_old jsonb;
        d date;
      BEGIN
        SELECT array_agg(x ORDER BY x) INTO v_days FROM (SELECT DISTINCT unnest(p_days) AS x) u WHERE x IS NOT NULL;
        IF v_days IS NULL THEN
          RETURN;
        END IF;
        FOREACH d IN ARRAY v_days LOOP
          PERFORM pg_advisory_xact_lock(hashtextextended('rollup|' || p_hall::text || '|' || d::text, 0));
        END LOOP;
        SELECT target_wait_minutes, timezone INTO v_target, v_zone FROM halls WHERE id = p_hall;
        IF NOT FOUND THEN
          RETURN;
        END IF;
        SELECT jsonb_agg(to_jsonb(o)) INTO v_old FROM rollup_hall_day_totals(p_hall, v_days) o;

        DELETE FROM rollup_hourly WHERE hall_id = p_hall AND service_date = ANY (v_days);
        DELETE FROM rollup_daily WHERE hall_id = p_hall AND service_date = ANY (v_days);
        DELETE FROM rollup_window_daily WHERE hall_id = p_hall AND service_date = ANY (v_days);

        -- one pass over the days' tickets (materialised once, read by every insert)
        WITH t AS MATERIALIZED (
          SELECT service_date AS day,
                 extract(hour FROM issued_at AT TIME ZONE v_zone)::smallint AS hour,
                 category_code, state,
                 extract(epoch FROM called_at - issued_at)::double precision AS wait,
                 -- the minute a called ticket's wait ends in: ceil(seconds / 60), 0 for none or less, 1441 past a day
                 CASE WHEN called_at IS NOT NULL
                      THEN least(greatest(ceil(extract(epoch FROM called_at - issued_at) / 60), 0), 1441)::int END
                   AS wait_minute,
                 extract(hour FROM called_at AT TIME ZONE v_zone)::smallint AS called_hour,
                 window_id,
                 CASE WHEN state = 'done' AND started_at IS NOT NULL AND completed_at IS NOT NULL
                      THEN extract(epoch FROM completed_at - started_at)::double precision END AS handling,
                 rating
          FROM tickets WHERE hall_id = p_hall AND service_date = ANY (v_days)
        ), hourly AS (
          INSERT INTO rollup_hourly (hall_id, service_date, hour, category_code, arrivals, called, served, no_shows,
                                     cancelled, wait_sum_seconds, wait_p50_seconds, wait_p90_seconds, within_target,
                                     busy_windows)
          SELECT p_hall, a.day, a.hour, a.category_code, a.arrivals, a.called, a.served, a.no_shows, a.cancelled,
                 a.wait_sum, a.p50, a.p90, a.within, COALESCE(b.busy, 0)
          FROM (
            SELECT day, hour, category_code, count(*)::int AS arrivals, count(wait)::int AS called,
                   count(*) FILTER (WHERE state = 'done')::int AS served,
                   count(*) FILTER (WHERE state = 'no_show')::int AS no_shows,
                   count(*) FILTER (WHERE state = 'cancelled')::int AS cancelled,
                   COALESCE(sum(wait), 0) AS wait_sum,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY wait) AS p50,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY wait) AS p90,
                   count(*) FILTER (WHERE wait <= v_target * 60)::int AS within
            FROM t GROUP BY day, hour, category_code
          ) a
          LEFT JOIN (
            SELECT day, called_hour AS hour, category_code, count(DISTINCT window_id)::int AS busy
            FROM t WHERE called_hour IS NOT NULL AND window_id IS NOT NULL
            GROUP BY day, called_hour, category_code
          ) b USING (day, hour, category_code)
        ), windows_daily AS (
          INSERT INTO rollup_window_daily (hall_id, service_date, window_id, called, served, handled,
                                           handling_sum_seconds, rating_sum, rating_count, rating_low)
          SELECT p_hall, day, window_id, count(wait)::int, count(*) FILTER (WHERE state = 'done')::int,
                 count(handling)::int, COALESCE(sum(handling), 0), COALESCE(sum(rating), 0)::int, count(rating)::int,
                 count(*) FILTER (WHERE rating <= 2)::int
          FROM t WHERE window_id IS NOT NULL GROUP BY day, window_id
        )
        INSERT INTO rollup_daily (hall_id, service_date, category_code, arrivals, called, served, no_shows, cancelled,
                                  wait_sum_seconds, wait_p50_seconds, wait_p90_seconds, within_target, busy_windows,
                                  rating_sum, rating_count, rating_low, wait_minute_counts)
        SELECT p_hall, day, COALESCE(category_code, '*'), count(*)::int, count(wait)::int,
               count(*) FILTER (WHERE state = 'done')::int,
               count(*) FILTER (WHERE state = 'no_show')::int,
               count(*) FILTER (WHERE state = 'cancelled')::int,
               COALESCE(sum(wait), 0),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY wait),
               percentile_cont(0.9) WITHIN GROUP (ORDER BY wait),
               count(*) FILTER (WHERE wait <= v_target * 60)::int,
               count(DISTINCT window_id)::int,
               COALESCE(sum(rating), 0)::int, count(rating)::int, count(*) FILTER (WHERE rating <= 2)::int,
               -- the called tickets per minute of wait, 0 … the longest (max and array_agg are this level's)
               COALESCE((SELECT array_agg(COALESCE(c.n, 0) ORDER BY k.m)
                         FROM generate_series(0, max(wait_minute)) k(m)
                         LEFT JOIN (SELECT u.m, count(*)::int AS n
                                    FROM unnest(array_agg(wait_minute) FILTER (WHERE wait_minute IS NOT NULL)) u(m)
                                    GROUP BY u.m) c ON c.m = k.m), '{}')
        FROM t GROUP BY GROUPING SETS ((day, category_code), (day));

        INSERT INTO rollup_hall_facts AS f (hall_id, service_date, visitors, handled_total, handled_online,
                                            consultations_total, consultations_robot, staff_moves_in, staff_moves_out)
        SELECT p_hall, x.day, ff.visitors, COALESCE(hr.total, 0), COALESCE(hr.online, 0),
               COALESCE(cs.total, 0), COALESCE(cs.robot, 0), COALESCE(rs.moves_in, 0), COALESCE(rs.moves_out, 0)
        FROM unnest(v_days) x(day)
        LEFT JOIN (
          SELECT (period_start AT TIME ZONE v_zone)::date AS day, sum(entries)::int AS visitors
          FROM footfall
          WHERE hall_id = p_hall
            AND period_start >= v_days[1]::timestamp AT TIME ZONE v_zone
            AND period_start < (v_days[array_length(v_days, 1)] + 1)::timestamp AT TIME ZONE v_zone
          GROUP BY 1
        ) ff USING (day)
        LEFT JOIN (
          SELECT record_date AS day, sum(count)::int AS total,
                 (sum(count) FILTER (WHERE channel IN ('online_web', 'online_mobile')))::int AS online
          FROM handling_records WHERE hall_id = p_hall AND record_date = ANY (v_days) GROUP BY 1
        ) hr USING (day)
        LEFT JOIN (
          SELECT record_date AS day, sum(count)::int AS total,
                 (sum(count) FILTER (WHERE channel = 'robot'))::int AS robot
          FROM consultations WHERE hall_id = p_hall AND record_date = ANY (v_days) GROUP BY 1
        ) cs USING (day)
        LEFT JOIN (
          SELECT effective_date AS day,
                 count(*) FILTER (WHERE to_role IN ('department_clerk', 'comprehensive_clerk')
                                    AND from_role NOT IN ('department_clerk', 'comprehensive_clerk'))::int AS moves_in,
                 count(*) FILTER (WHERE from_role IN ('department_clerk', 'comprehensive_clerk')
                                    AND to_role NOT IN ('department_clerk', 'comprehensive_clerk'))::int AS moves_out
          FROM reassignments WHERE hall_id = p_hall AND effective_date = ANY (v_days) GROUP BY 1
        ) rs USING (day)
        ON CONFLICT (hall_id, service_date) DO UPDATE SET
          visitors = EXCLUDED.visitors, handled_total = EXCLUDED.handled_total,
          handled_online = EXCLUDED.handled_online, consultations_total = EXCLUDED.consultations_total,
          consultations_robot = EXCLUDED.consultations_robot, staff_moves_in = EXCLUDED.staff_moves_in,
          staff_moves_out = EXCLUDED.staff_moves_out, updated_at = now();

        -- each region above the hall gets the difference these days made, in (region, day) order
        INSERT INTO rollup_region_daily AS r (region_code, service_date, tickets, called, wait_sum_seconds,
                                              within_target, visitors, visitor_halls, handled_total, handled_online)
        SELECT a.code, n.day, n.tickets - o.tickets, n.called - o.called, n.wait_sum - o.wait_sum,
               n.within - o.within, n.visitors - o.visitors, n.visitor_halls - o.visitor_halls,
               n.handled - o.handled, n.online - o.online
        FROM rollup_hall_day_totals(p_hall, v_days) n
        JOIN jsonb_to_recordset(v_old) AS o(day date, tickets integer, called integer, wait_sum double precision,
                                            within integer, visitors integer, visitor_halls integer, handled integer,
                                            online integer) USING (day)
        CROSS JOIN (SELECT g.code FROM halls h CROSS JOIN LATERAL region_and_ancestors(h.region_code) g
                    WHERE h.id = p_hall) a
        WHERE (n.tickets, n.called, n.wait_sum, n.within, n.visitors, n.visitor_halls, n.handled, n.online)
              IS DISTINCT FROM (o.tickets, o.called, o.wait_sum, o.within, o.visitors, o.visitor_halls, o.handled, o.online)
        ORDER BY a.code, n.day
        ON CONFLICT (region_code, service_date) DO UPDATE SET
          tickets = r.tickets + EXCLUDED.tickets, called = r.called + EXCLUDED.called,
          wait_sum_seconds = r.wait_sum_seconds + EXCLUDED.wait_sum_seconds,
          within_target = r.within_target + EXCLUDED.within_target, visitors = r.visitors + EXCLUDED.visitors,
          visitor_halls = r.visitor_halls + EXCLUDED.visitor_halls,
          handled_total = r.handled_total + EXCLUDED.handled_total,
          handled_online = r.handled_online + EXCLUDED.handled_online;
      END $function$`;

/** rollup_hall_days() as this migration found it. */
const ROLLUP_HALL_DAYS_BEFORE = `CREATE OR REPLACE FUNCTION public.rollup_hall_days(p_hall uuid, p_days date[])
 RETURNS void
 LANGUAGE plpgsql
AS $function$
      DECLARE
        v_days date[];
        v_target integer;
        v_zone text;
        v_old jsonb;
        d date;
      BEGIN
        SELECT array_agg(x ORDER BY x) INTO v_days FROM (SELECT DISTINCT unnest(p_days) AS x) u WHERE x IS NOT NULL;
        IF v_days IS NULL THEN
          RETURN;
        END IF;
        FOREACH d IN ARRAY v_days LOOP
          PERFORM pg_advisory_xact_lock(hashtextextended('rollup|' || p_hall::text || '|' || d::text, 0));
        END LOOP;
        SELECT target_wait_minutes, timezone INTO v_target, v_zone FROM halls WHERE id = p_hall;
        IF NOT FOUND THEN
          RETURN;
        END IF;
        SELECT jsonb_agg(to_jsonb(o)) INTO v_old FROM rollup_hall_day_totals(p_hall, v_days) o;

        DELETE FROM rollup_hourly WHERE hall_id = p_hall AND service_date = ANY (v_days);
        DELETE FROM rollup_daily WHERE hall_id = p_hall AND service_date = ANY (v_days);
        DELETE FROM rollup_window_daily WHERE hall_id = p_hall AND service_date = ANY (v_days);

        -- one pass over the days' tickets (materialised once, read by every insert)
        WITH t AS MATERIALIZED (
          SELECT service_date AS day,
                 extract(hour FROM issued_at AT TIME ZONE v_zone)::smallint AS hour,
                 category_code, state,
                 extract(epoch FROM called_at - issued_at)::double precision AS wait,
                 extract(hour FROM called_at AT TIME ZONE v_zone)::smallint AS called_hour,
                 window_id,
                 CASE WHEN state = 'done' AND started_at IS NOT NULL AND completed_at IS NOT NULL
                      THEN extract(epoch FROM completed_at - started_at)::double precision END AS handling,
                 rating
          FROM tickets WHERE hall_id = p_hall AND service_date = ANY (v_days)
        ), hourly AS (
          INSERT INTO rollup_hourly (hall_id, service_date, hour, category_code, arrivals, called, served, no_shows,
                                     cancelled, wait_sum_seconds, wait_p50_seconds, wait_p90_seconds, within_target,
                                     busy_windows)
          SELECT p_hall, a.day, a.hour, a.category_code, a.arrivals, a.called, a.served, a.no_shows, a.cancelled,
                 a.wait_sum, a.p50, a.p90, a.within, COALESCE(b.busy, 0)
          FROM (
            SELECT day, hour, category_code, count(*)::int AS arrivals, count(wait)::int AS called,
                   count(*) FILTER (WHERE state = 'done')::int AS served,
                   count(*) FILTER (WHERE state = 'no_show')::int AS no_shows,
                   count(*) FILTER (WHERE state = 'cancelled')::int AS cancelled,
                   COALESCE(sum(wait), 0) AS wait_sum,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY wait) AS p50,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY wait) AS p90,
                   count(*) FILTER (WHERE wait <= v_target * 60)::int AS within
            FROM t GROUP BY day, hour, category_code
          ) a
          LEFT JOIN (
            SELECT day, called_hour AS hour, category_code, count(DISTINCT window_id)::int AS busy
            FROM t WHERE called_hour IS NOT NULL AND window_id IS NOT NULL
            GROUP BY day, called_hour, category_code
          ) b USING (day, hour, category_code)
        ), windows_daily AS (
          INSERT INTO rollup_window_daily (hall_id, service_date, window_id, called, served, handled,
                                           handling_sum_seconds, rating_sum, rating_count, rating_low)
          SELECT p_hall, day, window_id, count(wait)::int, count(*) FILTER (WHERE state = 'done')::int,
                 count(handling)::int, COALESCE(sum(handling), 0), COALESCE(sum(rating), 0)::int, count(rating)::int,
                 count(*) FILTER (WHERE rating <= 2)::int
          FROM t WHERE window_id IS NOT NULL GROUP BY day, window_id
        )
        INSERT INTO rollup_daily (hall_id, service_date, category_code, arrivals, called, served, no_shows, cancelled,
                                  wait_sum_seconds, wait_p50_seconds, wait_p90_seconds, within_target, busy_windows,
                                  rating_sum, rating_count, rating_low)
        SELECT p_hall, day, COALESCE(category_code, '*'), count(*)::int, count(wait)::int,
               count(*) FILTER (WHERE state = 'done')::int,
               count(*) FILTER (WHERE state = 'no_show')::int,
               count(*) FILTER (WHERE state = 'cancelled')::int,
               COALESCE(sum(wait), 0),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY wait),
               percentile_cont(0.9) WITHIN GROUP (ORDER BY wait),
               count(*) FILTER (WHERE wait <= v_target * 60)::int,
               count(DISTINCT window_id)::int,
               COALESCE(sum(rating), 0)::int, count(rating)::int, count(*) FILTER (WHERE rating <= 2)::int
        FROM t GROUP BY GROUPING SETS ((day, category_code), (day));

        INSERT INTO rollup_hall_facts AS f (hall_id, service_date, visitors, handled_total, handled_online,
                                            consultations_total, consultations_robot, staff_moves_in, staff_moves_out)
        SELECT p_hall, x.day, ff.visitors, COALESCE(hr.total, 0), COALESCE(hr.online, 0),
               COALESCE(cs.total, 0), COALESCE(cs.robot, 0), COALESCE(rs.moves_in, 0), COALESCE(rs.moves_out, 0)
        FROM unnest(v_days) x(day)
        LEFT JOIN (
          SELECT (period_start AT TIME ZONE v_zone)::date AS day, sum(entries)::int AS visitors
          FROM footfall
          WHERE hall_id = p_hall
            AND period_start >= v_days[1]::timestamp AT TIME ZONE v_zone
            AND period_start < (v_days[array_length(v_days, 1)] + 1)::timestamp AT TIME ZONE v_zone
          GROUP BY 1
        ) ff USING (day)
        LEFT JOIN (
          SELECT record_date AS day, sum(count)::int AS total,
                 (sum(count) FILTER (WHERE channel IN ('online_web', 'online_mobile')))::int AS online
          FROM handling_records WHERE hall_id = p_hall AND record_date = ANY (v_days) GROUP BY 1
        ) hr USING (day)
        LEFT JOIN (
          SELECT record_date AS day, sum(count)::int AS total,
                 (sum(count) FILTER (WHERE channel = 'robot'))::int AS robot
          FROM consultations WHERE hall_id = p_hall AND record_date = ANY (v_days) GROUP BY 1
        ) cs USING (day)
        LEFT JOIN (
          SELECT effective_date AS day,
                 count(*) FILTER (WHERE to_role IN ('department_clerk', 'comprehensive_clerk')
                                    AND from_role NOT IN ('department_clerk', 'comprehensive_clerk'))::int AS moves_in,
                 count(*) FILTER (WHERE from_role IN ('department_clerk', 'comprehensive_clerk')
                                    AND to_role NOT IN ('department_clerk', 'comprehensive_clerk'))::int AS moves_out
          FROM reassignments WHERE hall_id = p_hall AND effective_date = ANY (v_days) GROUP BY 1
        ) rs USING (day)
        ON CONFLICT (hall_id, service_date) DO UPDATE SET
          visitors = EXCLUDED.visitors, handled_total = EXCLUDED.handled_total,
          handled_online = EXCLUDED.handled_online, consultations_total = EXCLUDED.consultations_total,
          consultations_robot = EXCLUDED.consultations_robot, staff_moves_in = EXCLUDED.staff_moves_in,
          staff_moves_out = EXCLUDED.staff_moves_out, updated_at = now();

        -- each region above the hall gets the difference these days made, in (region, day) order
        INSERT INTO rollup_region_daily AS r (region_code, service_date, tickets, called, wait_sum_seconds,
                                              within_target, visitors, visitor_halls, handled_total, handled_online)
        SELECT a.code, n.day, n.tickets - o.tickets, n.called - o.called, n.wait_sum - o.wait_sum,
               n.within - o.within, n.visitors - o.visitors, n.visitor_halls - o.visitor_halls,
               n.handled - o.handled, n.online - o.online
        FROM rollup_hall_day_totals(p_hall, v_days) n
        JOIN jsonb_to_recordset(v_old) AS o(day date, tickets integer, called integer, wait_sum double precision,
                                            within integer, visitors integer, visitor_halls integer, handled integer,
                                            online integer) USING (day)
        CROSS JOIN (SELECT g.code FROM halls h CROSS JOIN LATERAL region_and_ancestors(h.region_code) g
                    WHERE h.id = p_hall) a
        WHERE (n.tickets, n.called, n.wait_sum, n.within, n.visitors, n.visitor_halls, n.handled, n.online)
              IS DISTINCT FROM (o.tickets, o.called, o.wait_sum, o.within, o.visitors, o.visitor_halls, o.handled, o.online)
        ORDER BY a.code, n.day
        ON CONFLICT (region_code, service_date) DO UPDATE SET
          tickets = r.tickets + EXCLUDED.tickets, called = r.called + EXCLUDED.called,
          wait_sum_seconds = r.wait_sum_seconds + EXCLUDED.wait_sum_seconds,
          within_target = r.within_target + EXCLUDED.within_target, visitors = r.visitors + EXCLUDED.visitors,
          visitor_halls = r.visitor_halls + EXCLUDED.visitor_halls,
          handled_total = r.handled_total + EXCLUDED.handled_total,
          handled_online = r.handled_online + EXCLUDED.handled_online;
      END $function$`;
