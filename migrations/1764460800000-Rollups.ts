import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rollups of the raw facts, and the outbox that keeps them current.
 *
 * Outbox: every statement that writes a fact (tickets issued or changed, footfall, handling
 * records, consultations, staff moves) adds, in its own transaction, one outbox row per hall and
 * day it touched: statement-level triggers over the statement's transition table, so no writer
 * can forget it and a COPY of a million tickets adds a few hundred rows, not a million. The
 * worker drains the outbox into BullMQ rollup jobs (one per hall and day) and deletes the rows it
 * has handed over; while Redis is down they simply wait.
 *
 * Rollups: `rollup_hall_day(hall, day)` re-derives everything of one hall and day from the raw
 * facts in one transaction (under an advisory lock of that hall and day), so running it twice, or
 * after a worker died half-way, ends the same. Days are local dates in the hall's time zone
 * (Asia/Shanghai). Waits are from issue to call; "within target" uses the hall's
 * target_wait_minutes. Window counts are not rolled up: they come from the window lifecycle
 * events, a few thousand rows for the whole province.
 */
export class Rollups1764460800000 implements MigrationInterface {
  name = 'Rollups1764460800000';

  public async up(q: QueryRunner): Promise<void> {
    // ticket figures per hall, day, hour (of issue) and category
    await q.query(`
      CREATE TABLE "rollup_hourly" (
        "hall_id" uuid NOT NULL,
        "service_date" date NOT NULL,
        "hour" smallint NOT NULL,
        "category_code" varchar(40) NOT NULL,
        "arrivals" integer NOT NULL,
        "called" integer NOT NULL,
        "served" integer NOT NULL,
        "no_shows" integer NOT NULL,
        "cancelled" integer NOT NULL,
        "wait_sum_seconds" double precision NOT NULL,
        "wait_p50_seconds" double precision,
        "wait_p90_seconds" double precision,
        "within_target" integer NOT NULL,
        "busy_windows" integer NOT NULL,
        CONSTRAINT "PK_rollup_hourly" PRIMARY KEY ("hall_id", "service_date", "hour", "category_code"),
        CONSTRAINT "CHK_rollup_hourly_hour" CHECK ("hour" BETWEEN 0 AND 23)
      )`);
    // ticket figures per hall, day and category; category '*' is the whole hall
    await q.query(`
      CREATE TABLE "rollup_daily" (
        "hall_id" uuid NOT NULL,
        "service_date" date NOT NULL,
        "category_code" varchar(40) NOT NULL,
        "arrivals" integer NOT NULL,
        "called" integer NOT NULL,
        "served" integer NOT NULL,
        "no_shows" integer NOT NULL,
        "cancelled" integer NOT NULL,
        "wait_sum_seconds" double precision NOT NULL,
        "wait_p50_seconds" double precision,
        "wait_p90_seconds" double precision,
        "within_target" integer NOT NULL,
        "busy_windows" integer NOT NULL,
        CONSTRAINT "PK_rollup_daily" PRIMARY KEY ("hall_id", "service_date", "category_code")
      )`);
    // the other facts of a hall and day
    await q.query(`
      CREATE TABLE "rollup_hall_facts" (
        "hall_id" uuid NOT NULL,
        "service_date" date NOT NULL,
        "visitors" integer,
        "handled_total" integer NOT NULL,
        "handled_online" integer NOT NULL,
        "consultations_total" integer NOT NULL,
        "consultations_robot" integer NOT NULL,
        "staff_moves_in" integer NOT NULL,
        "staff_moves_out" integer NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_rollup_hall_facts" PRIMARY KEY ("hall_id", "service_date")
      )`);

    await q.query(`
      CREATE FUNCTION rollup_hall_day(p_hall uuid, p_day date) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        v_target integer;
        v_zone text;
        v_from timestamptz;
        v_to timestamptz;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('rollup|' || p_hall::text || '|' || p_day::text, 0));
        SELECT target_wait_minutes, timezone INTO v_target, v_zone FROM halls WHERE id = p_hall;
        IF NOT FOUND THEN
          RETURN;
        END IF;
        v_from := p_day::timestamp AT TIME ZONE v_zone;
        v_to := (p_day + 1)::timestamp AT TIME ZONE v_zone;

        DELETE FROM rollup_hourly WHERE hall_id = p_hall AND service_date = p_day;
        DELETE FROM rollup_daily WHERE hall_id = p_hall AND service_date = p_day;

        -- one pass over the day's tickets (materialised once, read by both inserts)
        WITH t AS MATERIALIZED (
          SELECT extract(hour FROM issued_at AT TIME ZONE v_zone)::smallint AS hour,
                 category_code, state,
                 extract(epoch FROM called_at - issued_at)::double precision AS wait,
                 extract(hour FROM called_at AT TIME ZONE v_zone)::smallint AS called_hour,
                 window_id
          FROM tickets WHERE hall_id = p_hall AND service_date = p_day
        ), hourly AS (
          INSERT INTO rollup_hourly
          SELECT p_hall, p_day, a.hour, a.category_code, a.arrivals, a.called, a.served, a.no_shows, a.cancelled,
                 a.wait_sum, a.p50, a.p90, a.within, COALESCE(b.busy, 0)
          FROM (
            SELECT hour, category_code, count(*)::int AS arrivals, count(wait)::int AS called,
                   count(*) FILTER (WHERE state = 'done')::int AS served,
                   count(*) FILTER (WHERE state = 'no_show')::int AS no_shows,
                   count(*) FILTER (WHERE state = 'cancelled')::int AS cancelled,
                   COALESCE(sum(wait), 0) AS wait_sum,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY wait) AS p50,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY wait) AS p90,
                   count(*) FILTER (WHERE wait <= v_target * 60)::int AS within
            FROM t GROUP BY hour, category_code
          ) a
          LEFT JOIN (
            SELECT called_hour AS hour, category_code, count(DISTINCT window_id)::int AS busy
            FROM t WHERE called_hour IS NOT NULL AND window_id IS NOT NULL
            GROUP BY called_hour, category_code
          ) b USING (hour, category_code)
        )
        INSERT INTO rollup_daily
        SELECT p_hall, p_day, COALESCE(category_code, '*'), count(*)::int, count(wait)::int,
               count(*) FILTER (WHERE state = 'done')::int,
               count(*) FILTER (WHERE state = 'no_show')::int,
               count(*) FILTER (WHERE state = 'cancelled')::int,
               COALESCE(sum(wait), 0),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY wait),
               percentile_cont(0.9) WITHIN GROUP (ORDER BY wait),
               count(*) FILTER (WHERE wait <= v_target * 60)::int,
               count(DISTINCT window_id)::int
        FROM t GROUP BY GROUPING SETS ((category_code), ());

        INSERT INTO rollup_hall_facts AS f (hall_id, service_date, visitors, handled_total, handled_online,
                                            consultations_total, consultations_robot, staff_moves_in, staff_moves_out)
        SELECT p_hall, p_day,
          (SELECT sum(entries)::int FROM footfall
            WHERE hall_id = p_hall AND period_start >= v_from AND period_start < v_to),
          COALESCE((SELECT sum(count)::int FROM handling_records WHERE hall_id = p_hall AND record_date = p_day), 0),
          COALESCE((SELECT sum(count)::int FROM handling_records
            WHERE hall_id = p_hall AND record_date = p_day AND channel IN ('online_web', 'online_mobile')), 0),
          COALESCE((SELECT sum(count)::int FROM consultations WHERE hall_id = p_hall AND record_date = p_day), 0),
          COALESCE((SELECT sum(count)::int FROM consultations
            WHERE hall_id = p_hall AND record_date = p_day AND channel = 'robot'), 0),
          (SELECT count(*)::int FROM reassignments WHERE hall_id = p_hall AND effective_date = p_day
              AND to_role IN ('department_clerk', 'comprehensive_clerk')
              AND from_role NOT IN ('department_clerk', 'comprehensive_clerk')),
          (SELECT count(*)::int FROM reassignments WHERE hall_id = p_hall AND effective_date = p_day
              AND from_role IN ('department_clerk', 'comprehensive_clerk')
              AND to_role NOT IN ('department_clerk', 'comprehensive_clerk'))
        ON CONFLICT (hall_id, service_date) DO UPDATE SET
          visitors = EXCLUDED.visitors, handled_total = EXCLUDED.handled_total,
          handled_online = EXCLUDED.handled_online, consultations_total = EXCLUDED.consultations_total,
          consultations_robot = EXCLUDED.consultations_robot, staff_moves_in = EXCLUDED.staff_moves_in,
          staff_moves_out = EXCLUDED.staff_moves_out, updated_at = now();
      END $$`);

    // the outbox triggers: one row per hall and day a statement touched
    await q.query(`
      CREATE FUNCTION outbox_facts() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'tickets' THEN
          INSERT INTO outbox (topic, hall_id, payload)
          SELECT 'rollup', hall_id, jsonb_build_object('date', service_date, 'source', TG_TABLE_NAME)
          FROM (SELECT DISTINCT hall_id, service_date FROM new_rows) d;
        ELSIF TG_TABLE_NAME = 'footfall' THEN
          INSERT INTO outbox (topic, hall_id, payload)
          SELECT 'rollup', d.hall_id, jsonb_build_object('date', d.day, 'source', TG_TABLE_NAME)
          FROM (SELECT DISTINCT n.hall_id, (n.period_start AT TIME ZONE h.timezone)::date AS day
                FROM new_rows n JOIN halls h ON h.id = n.hall_id) d;
        ELSIF TG_TABLE_NAME IN ('handling_records', 'consultations') THEN
          INSERT INTO outbox (topic, hall_id, payload)
          SELECT 'rollup', hall_id, jsonb_build_object('date', record_date, 'source', TG_TABLE_NAME)
          FROM (SELECT DISTINCT hall_id, record_date FROM new_rows) d;
        ELSIF TG_TABLE_NAME = 'reassignments' THEN
          INSERT INTO outbox (topic, hall_id, payload)
          SELECT 'rollup', hall_id, jsonb_build_object('date', effective_date, 'source', TG_TABLE_NAME)
          FROM (SELECT DISTINCT hall_id, effective_date FROM new_rows) d;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of [
      'tickets',
      'footfall',
      'handling_records',
      'consultations',
      'reassignments',
    ]) {
      for (const op of ['INSERT', 'UPDATE']) {
        await q.query(
          `CREATE TRIGGER "TRG_${table}_outbox_${op.toLowerCase()}" AFTER ${op} ON "${table}"
           REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_facts()`,
        );
      }
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'tickets',
      'footfall',
      'handling_records',
      'consultations',
      'reassignments',
    ]) {
      for (const op of ['insert', 'update'])
        await q.query(
          `DROP TRIGGER IF EXISTS "TRG_${table}_outbox_${op}" ON "${table}"`,
        );
    }
    await q.query(`DROP FUNCTION outbox_facts()`);
    await q.query(`DROP FUNCTION rollup_hall_day(uuid, date)`);
    await q.query(`DROP TABLE "rollup_hall_facts"`);
    await q.query(`DROP TABLE "rollup_daily"`);
    await q.query(`DROP TABLE "rollup_hourly"`);
  }
}
