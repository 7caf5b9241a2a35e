import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Region figures kept ready, so a province trend reads a few thousand rows instead of a thousand
 * halls' days:
 * - rollup_region_daily: additive day sums of every region over its whole subtree. rollup_hall_day
 *   now adds the difference it made to a hall's day to each region above the hall (increments of
 *   row-locked counters: concurrent jobs of different halls cannot lose each other's updates).
 * - region_window_deltas: the change each day brings to a region's window count per mode, written by
 *   a trigger on window_events for every region above the hall (window events are recorded in
 *   date order per window, so an event's previous mode is the latest earlier event's).
 * Both are filled from the existing rows here.
 */
export class RegionRollups1764547200000 implements MigrationInterface {
  name = 'RegionRollups1764547200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "rollup_region_daily" (
        "region_code" varchar(12) NOT NULL,
        "service_date" date NOT NULL,
        "tickets" integer NOT NULL DEFAULT 0,
        "called" integer NOT NULL DEFAULT 0,
        "wait_sum_seconds" double precision NOT NULL DEFAULT 0,
        "within_target" integer NOT NULL DEFAULT 0,
        "visitors" integer NOT NULL DEFAULT 0,
        "visitor_halls" integer NOT NULL DEFAULT 0,
        "handled_total" integer NOT NULL DEFAULT 0,
        "handled_online" integer NOT NULL DEFAULT 0,
        CONSTRAINT "PK_rollup_region_daily" PRIMARY KEY ("region_code", "service_date")
      )`);
    await q.query(`
      CREATE TABLE "region_window_deltas" (
        "region_code" varchar(12) NOT NULL,
        "effective_date" date NOT NULL,
        "mode" varchar(16) NOT NULL,
        "delta" integer NOT NULL,
        CONSTRAINT "PK_region_window_deltas" PRIMARY KEY ("region_code", "effective_date", "mode")
      )`);
    await q.query(`
      CREATE FUNCTION region_and_ancestors(p_code varchar) RETURNS TABLE (code varchar)
      LANGUAGE sql STABLE AS $$
        WITH RECURSIVE up AS (
          SELECT r.code, r.parent_code FROM regions r WHERE r.code = p_code
          UNION ALL
          SELECT r.code, r.parent_code FROM regions r JOIN up ON r.code = up.parent_code
        ) SELECT up.code FROM up ORDER BY up.code
      $$`);

    // window deltas: trigger and backfill
    await q.query(`
      CREATE FUNCTION window_event_region_deltas() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        v_prev varchar;
        v_region varchar;
      BEGIN
        SELECT region_code INTO v_region FROM halls WHERE id = NEW.hall_id;
        IF NEW.kind IN ('opened', 'converted') THEN
          INSERT INTO region_window_deltas AS d (region_code, effective_date, mode, delta)
          SELECT a.code, NEW.effective_date, NEW.mode, 1 FROM region_and_ancestors(v_region) a
          ON CONFLICT (region_code, effective_date, mode) DO UPDATE SET delta = d.delta + 1;
        END IF;
        IF NEW.kind IN ('converted', 'retired') THEN
          SELECT mode INTO v_prev FROM window_events
          WHERE window_id = NEW.window_id AND id <> NEW.id AND kind <> 'retired'
            AND (effective_date, id) < (NEW.effective_date, NEW.id)
          ORDER BY effective_date DESC, id DESC LIMIT 1;
          IF v_prev IS NOT NULL THEN
            INSERT INTO region_window_deltas AS d (region_code, effective_date, mode, delta)
            SELECT a.code, NEW.effective_date, v_prev, -1 FROM region_and_ancestors(v_region) a
            ON CONFLICT (region_code, effective_date, mode) DO UPDATE SET delta = d.delta - 1;
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER "TRG_window_events_region_deltas" AFTER INSERT ON "window_events"
      FOR EACH ROW EXECUTE FUNCTION window_event_region_deltas()`);
    await q.query(`
      INSERT INTO region_window_deltas (region_code, effective_date, mode, delta)
      WITH ev AS (
        SELECT hall_id, kind, effective_date, mode,
               LAG(mode) OVER (PARTITION BY window_id ORDER BY effective_date, id) AS prev_mode
        FROM window_events
      ), deltas AS (
        SELECT hall_id, effective_date, mode, 1 AS delta FROM ev WHERE kind IN ('opened', 'converted')
        UNION ALL
        SELECT hall_id, effective_date, prev_mode, -1 FROM ev WHERE kind IN ('converted', 'retired') AND prev_mode IS NOT NULL
      )
      SELECT a.code, d.effective_date, d.mode, sum(d.delta)::int
      FROM deltas d JOIN halls h ON h.id = d.hall_id CROSS JOIN LATERAL region_and_ancestors(h.region_code) a
      GROUP BY 1, 2, 3`);

    // region day sums: rollup_hall_day passes its difference up
    await q.query(`
      CREATE FUNCTION rollup_region_add(p_hall uuid, p_day date, p_tickets integer, p_called integer,
                                        p_wait double precision, p_within integer, p_visitors integer,
                                        p_visitor_halls integer, p_handled integer, p_online integer)
      RETURNS void LANGUAGE sql AS $$
        INSERT INTO rollup_region_daily AS r (region_code, service_date, tickets, called, wait_sum_seconds,
                                              within_target, visitors, visitor_halls, handled_total, handled_online)
        SELECT a.code, p_day, p_tickets, p_called, p_wait, p_within, p_visitors, p_visitor_halls, p_handled, p_online
        FROM halls h CROSS JOIN LATERAL region_and_ancestors(h.region_code) a
        WHERE h.id = p_hall
        ON CONFLICT (region_code, service_date) DO UPDATE SET
          tickets = r.tickets + EXCLUDED.tickets, called = r.called + EXCLUDED.called,
          wait_sum_seconds = r.wait_sum_seconds + EXCLUDED.wait_sum_seconds,
          within_target = r.within_target + EXCLUDED.within_target, visitors = r.visitors + EXCLUDED.visitors,
          visitor_halls = r.visitor_halls + EXCLUDED.visitor_halls,
          handled_total = r.handled_total + EXCLUDED.handled_total,
          handled_online = r.handled_online + EXCLUDED.handled_online
      $$`);
    await q.query(
      `ALTER FUNCTION rollup_hall_day(uuid, date) RENAME TO rollup_hall_day_own`,
    );
    await q.query(`
      CREATE FUNCTION rollup_hall_day(p_hall uuid, p_day date) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        o record;
        n record;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('rollup|' || p_hall::text || '|' || p_day::text, 0));
        SELECT * INTO o FROM rollup_hall_totals(p_hall, p_day);
        PERFORM rollup_hall_day_own(p_hall, p_day);
        SELECT * INTO n FROM rollup_hall_totals(p_hall, p_day);
        IF (n.tickets, n.called, n.wait_sum, n.within, n.visitors, n.visitor_halls, n.handled, n.online)
           IS DISTINCT FROM (o.tickets, o.called, o.wait_sum, o.within, o.visitors, o.visitor_halls, o.handled, o.online) THEN
          PERFORM rollup_region_add(p_hall, p_day, n.tickets - o.tickets, n.called - o.called, n.wait_sum - o.wait_sum,
                                    n.within - o.within, n.visitors - o.visitors, n.visitor_halls - o.visitor_halls,
                                    n.handled - o.handled, n.online - o.online);
        END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION rollup_hall_totals(p_hall uuid, p_day date)
      RETURNS TABLE (tickets integer, called integer, wait_sum double precision, within integer, visitors integer,
                     visitor_halls integer, handled integer, online integer)
      LANGUAGE sql STABLE AS $$
        SELECT COALESCE(d.arrivals, 0), COALESCE(d.called, 0), COALESCE(d.wait_sum_seconds, 0), COALESCE(d.within_target, 0),
               COALESCE(f.visitors, 0), (f.visitors IS NOT NULL)::int, COALESCE(f.handled_total, 0), COALESCE(f.handled_online, 0)
        FROM (SELECT 1) one
        LEFT JOIN rollup_daily d ON d.hall_id = p_hall AND d.service_date = p_day AND d.category_code = '*'
        LEFT JOIN rollup_hall_facts f ON f.hall_id = p_hall AND f.service_date = p_day
      $$`);
    await q.query(`
      INSERT INTO rollup_region_daily (region_code, service_date, tickets, called, wait_sum_seconds, within_target,
                                       visitors, visitor_halls, handled_total, handled_online)
      SELECT a.code, x.service_date, sum(x.tickets), sum(x.called), sum(x.wait_sum), sum(x.within),
             sum(x.visitors), sum(x.visitor_halls), sum(x.handled), sum(x.online)
      FROM (
        SELECT COALESCE(d.hall_id, f.hall_id) AS hall_id, COALESCE(d.service_date, f.service_date) AS service_date,
               COALESCE(d.arrivals, 0) AS tickets, COALESCE(d.called, 0) AS called, COALESCE(d.wait_sum_seconds, 0) AS wait_sum,
               COALESCE(d.within_target, 0) AS within, COALESCE(f.visitors, 0) AS visitors,
               (f.visitors IS NOT NULL)::int AS visitor_halls, COALESCE(f.handled_total, 0) AS handled,
               COALESCE(f.handled_online, 0) AS online
        FROM (SELECT * FROM rollup_daily WHERE category_code = '*') d
        FULL JOIN rollup_hall_facts f ON f.hall_id = d.hall_id AND f.service_date = d.service_date
      ) x JOIN halls h ON h.id = x.hall_id CROSS JOIN LATERAL region_and_ancestors(h.region_code) a
      GROUP BY 1, 2`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION rollup_hall_day(uuid, date)`);
    await q.query(`DROP FUNCTION rollup_hall_totals(uuid, date)`);
    await q.query(
      `ALTER FUNCTION rollup_hall_day_own(uuid, date) RENAME TO rollup_hall_day`,
    );
    await q.query(
      `DROP FUNCTION rollup_region_add(uuid, date, integer, integer, double precision, integer, integer, integer, integer, integer)`,
    );
    await q.query(
      `DROP TRIGGER "TRG_window_events_region_deltas" ON "window_events"`,
    );
    await q.query(`DROP FUNCTION window_event_region_deltas()`);
    await q.query(`DROP FUNCTION region_and_ancestors(varchar)`);
    await q.query(`DROP TABLE "region_window_deltas"`);
    await q.query(`DROP TABLE "rollup_region_daily"`);
  }
}
