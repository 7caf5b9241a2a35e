CREATE OR REPLACE FUNCTION public.rollup_hall_days(p_hall uuid, p_days date[], p_online_channels text[], p_clerk_roles text[], p_abandon_after interval)
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
                 rating,
                 -- gave up: the holder cancelled it later than p_abandon_after after issue (docs/figures.md)
                 (state = 'cancelled' AND cancelled_by IS DISTINCT FROM 'staff'
                  AND cancelled_at - issued_at > p_abandon_after) AS abandoned,
                 (state = 'expired') AS expired
          FROM tickets WHERE hall_id = p_hall AND service_date = ANY (v_days)
        ), hourly AS (
          INSERT INTO rollup_hourly (hall_id, service_date, hour, category_code, arrivals, called, served, no_shows,
                                     cancelled, wait_sum_seconds, wait_p50_seconds, wait_p90_seconds, within_target,
                                     busy_windows, abandoned, expired)
          SELECT p_hall, a.day, a.hour, a.category_code, a.arrivals, a.called, a.served, a.no_shows, a.cancelled,
                 a.wait_sum, a.p50, a.p90, a.within, COALESCE(b.busy, 0), a.abandoned, a.expired
          FROM (
            SELECT day, hour, category_code, count(*)::int AS arrivals, count(wait)::int AS called,
                   count(*) FILTER (WHERE state = 'done')::int AS served,
                   count(*) FILTER (WHERE state = 'no_show')::int AS no_shows,
                   count(*) FILTER (WHERE state = 'cancelled')::int AS cancelled,
                   COALESCE(sum(wait), 0) AS wait_sum,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY wait) AS p50,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY wait) AS p90,
                   count(*) FILTER (WHERE wait <= v_target * 60)::int AS within,
                   count(*) FILTER (WHERE abandoned)::int AS abandoned,
                   count(*) FILTER (WHERE expired)::int AS expired
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
                                  rating_sum, rating_count, rating_low, wait_minute_counts, abandoned, expired)
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
                                    GROUP BY u.m) c ON c.m = k.m), '{}'),
               count(*) FILTER (WHERE abandoned)::int, count(*) FILTER (WHERE expired)::int
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
                 (sum(count) FILTER (WHERE channel = ANY (p_online_channels)))::int AS online
          FROM handling_records WHERE hall_id = p_hall AND record_date = ANY (v_days) GROUP BY 1
        ) hr USING (day)
        LEFT JOIN (
          SELECT record_date AS day, sum(count)::int AS total,
                 (sum(count) FILTER (WHERE channel = 'robot'))::int AS robot
          FROM consultations WHERE hall_id = p_hall AND record_date = ANY (v_days) GROUP BY 1
        ) cs USING (day)
        LEFT JOIN (
          SELECT effective_date AS day,
                 count(*) FILTER (WHERE to_role = ANY (p_clerk_roles)
                                    AND NOT (from_role = ANY (p_clerk_roles)))::int AS moves_in,
                 count(*) FILTER (WHERE from_role = ANY (p_clerk_roles)
                                    AND NOT (to_role = ANY (p_clerk_roles)))::int AS moves_out
          FROM reassignments WHERE hall_id = p_hall AND effective_date = ANY (v_days) GROUP BY 1
        ) rs USING (day)
        ON CONFLICT (hall_id, service_date) DO UPDATE SET
          visitors = EXCLUDED.visitors, handled_total = EXCLUDED.handled_total,
          handled_online = EXCLUDED.handled_online, consultations_total = EXCLUDED.consultations_total,
          consultations_robot = EXCLUDED.consultations_robot, staff_moves_in = EXCLUDED.staff_moves_in,
          staff_moves_out = EXCLUDED.staff_moves_out, updated_at = now();

        -- each region above the hall gets the difference these days made, in (region, day) order
        INSERT INTO rollup_region_daily AS r (region_code, service_date, tickets, called, wait_sum_seconds,
                                              within_target, visitors, visitor_halls, handled_total, handled_online,
                                              abandoned, expired)
        SELECT a.code, n.day, n.tickets - o.tickets, n.called - o.called, n.wait_sum - o.wait_sum,
               n.within - o.within, n.visitors - o.visitors, n.visitor_halls - o.visitor_halls,
               n.handled - o.handled, n.online - o.online, n.abandoned - o.abandoned, n.expired - o.expired
        FROM rollup_hall_day_totals(p_hall, v_days) n
        JOIN jsonb_to_recordset(v_old) AS o(day date, tickets integer, called integer, wait_sum double precision,
                                            within integer, visitors integer, visitor_halls integer, handled integer,
                                            online integer, abandoned integer, expired integer) USING (day)
        CROSS JOIN (SELECT g.code FROM halls h CROSS JOIN LATERAL region_and_ancestors(h.region_code) g
                    WHERE h.id = p_hall) a
        WHERE (n.tickets, n.called, n.wait_sum, n.within, n.visitors, n.visitor_halls, n.handled, n.online,
               n.abandoned, n.expired)
              IS DISTINCT FROM (o.tickets, o.called, o.wait_sum, o.within, o.visitors, o.visitor_halls, o.handled, o.online,
                                o.abandoned, o.expired)
        ORDER BY a.code, n.day
        ON CONFLICT (region_code, service_date) DO UPDATE SET
          tickets = r.tickets + EXCLUDED.tickets, called = r.called + EXCLUDED.called,
          wait_sum_seconds = r.wait_sum_seconds + EXCLUDED.wait_sum_seconds,
          within_target = r.within_target + EXCLUDED.within_target, visitors = r.visitors + EXCLUDED.visitors,
          visitor_halls = r.visitor_halls + EXCLUDED.visitor_halls,
          handled_total = r.handled_total + EXCLUDED.handled_total,
          handled_online = r.handled_online + EXCLUDED.handled_online,
          abandoned = r.abandoned + EXCLUDED.abandoned, expired = r.expired + EXCLUDED.expired;
      END $function$
