import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the hall floor's screens need of the schema.
 *
 * - Citizen ticket pages: `tickets.status_token_hash` (SHA-256, hex, of the ticket's status token;
 *   the token itself is an HMAC of the ticket id under a server key and is never stored), indexed
 *   for the public lookup. issue_ticket() now takes the new ticket's id and that hash from the API,
 *   so the token is known before the insert and a retried issue answers the same token.
 * - Rating pads (好差评): a device kind `rater`, bound to one window (`devices.window_id`), and on the
 *   ticket the reason of a low rating and when it was given.
 * - Ratings in the figures: rollup_daily gains the sum and count of ratings and the count of low
 *   ones (1–2) per hall, day and category; rollup_window_daily holds per window and day the tickets
 *   served, their handling time and their ratings. rollup_hall_days() derives both; its other
 *   figures are as in RollupHallDays.
 */
export class FrontOfHall1764979200000 implements MigrationInterface {
  name = 'FrontOfHall1764979200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "tickets" ADD "status_token_hash" varchar(64)`);
    await q.query(`ALTER TABLE "tickets" ADD "rating_reason" varchar(24)`);
    await q.query(`ALTER TABLE "tickets" ADD "rated_at" timestamptz`);
    await q.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "CHK_tickets_rating_reason" CHECK ("rating_reason" IS NULL OR "rating_reason" IN ('waited_too_long', 'attitude', 'unclear_requirements', 'not_resolved', 'too_slow', 'other'))`,
    );
    await q.query(
      `CREATE INDEX "IDX_tickets_status_token" ON "tickets" ("status_token_hash") WHERE "status_token_hash" IS NOT NULL`,
    );

    await q.query(`ALTER TABLE "devices" ADD "window_id" uuid`);
    await q.query(
      `ALTER TABLE "devices" ADD CONSTRAINT "devices_window_id_fkey" FOREIGN KEY ("window_id") REFERENCES "windows"("id")`,
    );
    await q.query(`ALTER TABLE "devices" DROP CONSTRAINT "CHK_devices_kind"`);
    await q.query(
      `ALTER TABLE "devices" ADD CONSTRAINT "CHK_devices_kind" CHECK ("kind" IN ('kiosk', 'sensor', 'display', 'rater'))`,
    );
    await q.query(
      `ALTER TABLE "devices" ADD CONSTRAINT "CHK_devices_window" CHECK (("kind" = 'rater') = ("window_id" IS NOT NULL))`,
    );

    await q.query(
      `DROP FUNCTION issue_ticket(uuid, date, text, text, text, text, text, text, text, text, text[])`,
    );
    await q.query(`
      CREATE FUNCTION issue_ticket(
        p_hall uuid, p_date date, p_principal text, p_key text, p_request_hash text,
        p_item text, p_category text, p_prefix text, p_priority text, p_channel text, p_categories text[],
        p_id uuid, p_status_hash text)
      RETURNS TABLE (
        result text, ahead integer, id uuid, service_date text, hall_id uuid, number varchar, prefix varchar,
        sequence integer, service_item_code varchar, category_code varchar, priority varchar, channel varchar,
        state varchar, issued_at timestamptz, queue_at timestamptz, called_at timestamptz, started_at timestamptz,
        completed_at timestamptz, cancelled_at timestamptz, window_id uuid, recall_count integer, outcome varchar,
        rating smallint, transferred_from_id uuid, window_label varchar)
      LANGUAGE plpgsql AS $$
      #variable_conflict use_column
      DECLARE
        seen record;
        t tickets%ROWTYPE;
        n integer;
        ev bigint;
      BEGIN
        IF p_key IS NOT NULL THEN
          PERFORM pg_advisory_xact_lock(hashtextextended(p_hall::text || '|' || p_principal || '|' || p_key, 0));
          SELECT k.request_hash, k.ticket_id, k.service_date INTO seen FROM idempotency_keys k
          WHERE k.hall_id = p_hall AND k.principal = p_principal AND k.key = p_key;
          IF FOUND THEN
            IF seen.request_hash <> p_request_hash THEN
              RAISE EXCEPTION 'This Idempotency-Key was used with another request body' USING ERRCODE = 'OW409';
            END IF;
            RETURN QUERY
              SELECT 'replayed'::text, NULL::integer, t2.id, to_char(t2.service_date, 'YYYY-MM-DD'), t2.hall_id, t2.number,
                     t2.prefix, t2.sequence, t2.service_item_code, t2.category_code, t2.priority, t2.channel, t2.state,
                     t2.issued_at, t2.queue_at, t2.called_at, t2.started_at, t2.completed_at, t2.cancelled_at,
                     t2.window_id, t2.recall_count, t2.outcome, t2.rating, t2.transferred_from_id, w.label
              FROM tickets t2 LEFT JOIN windows w ON w.id = t2.window_id
              WHERE t2.id = seen.ticket_id AND t2.service_date = seen.service_date;
            RETURN;
          END IF;
        END IF;

        INSERT INTO ticket_counters AS c (hall_id, service_date, prefix, last_value) VALUES (p_hall, p_date, p_prefix, 1)
        ON CONFLICT (hall_id, service_date, prefix) DO UPDATE SET last_value = c.last_value + 1
        RETURNING c.last_value INTO n;
        -- numbers are the prefix and at least three digits: A007, A123, A1024
        INSERT INTO tickets (id, service_date, hall_id, number, prefix, sequence, service_item_code, category_code,
                             priority, channel, state, issued_at, queue_at, status_token_hash)
        VALUES (p_id, p_date, p_hall, p_prefix || lpad(n::text, greatest(3, length(n::text)), '0'), p_prefix, n, p_item,
                p_category, p_priority, p_channel, 'waiting', now(), now(), p_status_hash)
        RETURNING * INTO t;
        IF p_key IS NOT NULL THEN
          INSERT INTO idempotency_keys (hall_id, principal, key, request_hash, ticket_id, service_date)
          VALUES (p_hall, p_principal, p_key, p_request_hash, t.id, p_date);
        END IF;
        -- the live event, with the payload of the API's ticket view for a new waiting ticket
        INSERT INTO hall_event_counters AS e (hall_id, last_seq) VALUES (p_hall, 1)
        ON CONFLICT (hall_id) DO UPDATE SET last_seq = e.last_seq + 1
        RETURNING e.last_seq INTO ev;
        INSERT INTO hall_events (hall_id, seq, type, payload) VALUES (p_hall, ev, 'ticket.issued', jsonb_build_object(
          'id', t.id, 'number', t.number, 'hallId', t.hall_id, 'serviceDate', to_char(t.service_date, 'YYYY-MM-DD'),
          'serviceItemCode', t.service_item_code, 'categoryCode', t.category_code, 'priority', t.priority,
          'state', t.state, 'issuedAt', to_char(t.issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'recallCount', t.recall_count));

        RETURN QUERY SELECT 'created'::text,
          tickets_ahead(t.hall_id, t.service_date, t.id, p_categories,
                        CASE WHEN t.priority = 'normal' THEN 0 ELSE 1 END, t.queue_at),
          t.id, to_char(t.service_date, 'YYYY-MM-DD'), t.hall_id, t.number, t.prefix, t.sequence, t.service_item_code,
          t.category_code, t.priority, t.channel, t.state, t.issued_at, t.queue_at, t.called_at, t.started_at,
          t.completed_at, t.cancelled_at, t.window_id, t.recall_count, t.outcome, t.rating, t.transferred_from_id,
          NULL::varchar;
      END $$`);

    await q.query(`
      ALTER TABLE "rollup_daily"
        ADD "rating_sum" integer NOT NULL DEFAULT 0,
        ADD "rating_count" integer NOT NULL DEFAULT 0,
        ADD "rating_low" integer NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE TABLE "rollup_window_daily" (
        "hall_id" uuid NOT NULL,
        "service_date" date NOT NULL,
        "window_id" uuid NOT NULL,
        "called" integer NOT NULL,
        "served" integer NOT NULL,
        "handled" integer NOT NULL,
        "handling_sum_seconds" double precision NOT NULL,
        "rating_sum" integer NOT NULL,
        "rating_count" integer NOT NULL,
        "rating_low" integer NOT NULL,
        CONSTRAINT "PK_rollup_window_daily" PRIMARY KEY ("hall_id", "service_date", "window_id")
      )`);

    await q.query(`
      CREATE OR REPLACE FUNCTION rollup_hall_days(p_hall uuid, p_days date[]) RETURNS void
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
      END $$`);
  }

  public async down(): Promise<void> {
    throw new Error(
      'FrontOfHall replaced issue_ticket() and rollup_hall_days(); it cannot be reverted: restore a backup instead',
    );
  }
}
