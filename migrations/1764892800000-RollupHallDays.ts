import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rollups of many days of a hall in one set-based pass. rollup_hall_days(hall, days[]) re-derives
 * the hourly and daily ticket figures and the day facts of every listed day with one scan of the
 * hall's tickets (GROUP BY day, …) instead of one function call and one scan per day, and passes
 * the difference it made to each region above the hall, as rollup_hall_day did day by day.
 * rollup_hall_day(hall, day) is now rollup_hall_days(hall, [day]): one definition of a rollup.
 *
 * Locks: an advisory lock per hall-day, taken in date order (so two jobs of one hall cannot
 * deadlock); region rows are updated in (region, day) order (so jobs of different halls cannot).
 * The per-day functions of the earlier migrations are dropped; this migration cannot be reverted.
 */
export class RollupHallDays1764892800000 implements MigrationInterface {
  name = 'RollupHallDays1764892800000';

  public async up(q: QueryRunner): Promise<void> {
    // the additive figures regions sum, for some days of a hall, from its rollups
    await q.query(`
      CREATE FUNCTION rollup_hall_day_totals(p_hall uuid, p_days date[])
      RETURNS TABLE (day date, tickets integer, called integer, wait_sum double precision, within integer,
                     visitors integer, visitor_halls integer, handled integer, online integer)
      LANGUAGE sql STABLE AS $$
        SELECT x.day, COALESCE(d.arrivals, 0), COALESCE(d.called, 0), COALESCE(d.wait_sum_seconds, 0),
               COALESCE(d.within_target, 0), COALESCE(f.visitors, 0), (f.visitors IS NOT NULL)::int,
               COALESCE(f.handled_total, 0), COALESCE(f.handled_online, 0)
        FROM (SELECT DISTINCT unnest(p_days) AS day) x
        LEFT JOIN rollup_daily d ON d.hall_id = p_hall AND d.service_date = x.day AND d.category_code = '*'
        LEFT JOIN rollup_hall_facts f ON f.hall_id = p_hall AND f.service_date = x.day
      $$`);

    await q.query(`
      CREATE FUNCTION rollup_hall_days(p_hall uuid, p_days date[]) RETURNS void
      LANGUAGE plpgsql AS $$
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

        -- one pass over the days' tickets (materialised once, read by both inserts)
        WITH t AS MATERIALIZED (
          SELECT service_date AS day,
                 extract(hour FROM issued_at AT TIME ZONE v_zone)::smallint AS hour,
                 category_code, state,
                 extract(epoch FROM called_at - issued_at)::double precision AS wait,
                 extract(hour FROM called_at AT TIME ZONE v_zone)::smallint AS called_hour,
                 window_id
          FROM tickets WHERE hall_id = p_hall AND service_date = ANY (v_days)
        ), hourly AS (
          INSERT INTO rollup_hourly
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
        )
        INSERT INTO rollup_daily
        SELECT p_hall, day, COALESCE(category_code, '*'), count(*)::int, count(wait)::int,
               count(*) FILTER (WHERE state = 'done')::int,
               count(*) FILTER (WHERE state = 'no_show')::int,
               count(*) FILTER (WHERE state = 'cancelled')::int,
               COALESCE(sum(wait), 0),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY wait),
               percentile_cont(0.9) WITHIN GROUP (ORDER BY wait),
               count(*) FILTER (WHERE wait <= v_target * 60)::int,
               count(DISTINCT window_id)::int
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
      END $$`);

    await q.query(`DROP FUNCTION rollup_hall_day(uuid, date)`);
    await q.query(`DROP FUNCTION rollup_hall_day_own(uuid, date)`);
    await q.query(`DROP FUNCTION rollup_hall_totals(uuid, date)`);
    await q.query(`DROP FUNCTION rollup_region_add(uuid, date, integer, integer, double precision, integer,
                                                   integer, integer, integer, integer)`);
    await q.query(`
      CREATE FUNCTION rollup_hall_day(p_hall uuid, p_day date) RETURNS void
      LANGUAGE sql AS $$ SELECT rollup_hall_days(p_hall, ARRAY[p_day]) $$`);
  }

  public async down(): Promise<void> {
    throw new Error(
      'RollupHallDays replaced the per-day rollup functions and cannot be reverted; restore a backup instead',
    );
  }
}
