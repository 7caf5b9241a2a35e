import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One numbering path and one event-append path. `next_ticket_sequence()` and `ticket_number()` number
 * every ticket (issue_ticket() and the API's transfer path each wrote the counter and the format),
 * `append_hall_event()` appends every live event (issue_ticket() and the API's HallEvents service
 * each wrote the counter and the insert). issue_ticket() is redefined to call them. Current texts:
 * libs/persistence/src/sql/functions/.
 */
export class OneNumberingOneEventPath1765152000000
  implements MigrationInterface
{
  name = 'OneNumberingOneEventPath1765152000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION next_ticket_sequence(p_hall uuid, p_date date, p_prefix text) RETURNS integer
      LANGUAGE sql AS $$
        INSERT INTO ticket_counters AS c (hall_id, service_date, prefix, last_value) VALUES (p_hall, p_date, p_prefix, 1)
        ON CONFLICT (hall_id, service_date, prefix) DO UPDATE SET last_value = c.last_value + 1
        RETURNING c.last_value
      $$`);
    // numbers are the prefix and at least three digits: A007, A123, A1024
    await q.query(`
      CREATE FUNCTION ticket_number(p_prefix text, p_sequence integer) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT p_prefix || lpad(p_sequence::text, greatest(3, length(p_sequence::text)), '0')
      $$`);
    await q.query(`
      CREATE FUNCTION append_hall_event(p_hall uuid, p_type text, p_payload jsonb) RETURNS bigint
      LANGUAGE sql AS $$
        WITH next AS (
          INSERT INTO hall_event_counters AS e (hall_id, last_seq) VALUES (p_hall, 1)
          ON CONFLICT (hall_id) DO UPDATE SET last_seq = e.last_seq + 1
          RETURNING e.last_seq
        )
        INSERT INTO hall_events (hall_id, seq, type, payload) SELECT p_hall, last_seq, p_type, p_payload FROM next
        RETURNING seq
      $$`);
    await q.query(ISSUE_TICKET);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(ISSUE_TICKET_BEFORE);
    await q.query(`DROP FUNCTION append_hall_event(uuid, text, jsonb)`);
    await q.query(`DROP FUNCTION ticket_number(text, integer)`);
    await q.query(`DROP FUNCTION next_ticket_sequence(uuid, date, text)`);
  }
}

/** issue_ticket() as this migration leaves it (a frozen copy: its current text lives in sql/). */
const ISSUE_TICKET = `CREATE OR REPLACE FUNCTION public.issue_ticket(p_hall uuid, p_date date, p_principal text, p_key text, p_request_hash text, p_item text, p_category text, p_prefix text, p_priority text, p_channel text, p_categories text[], p_id uuid, p_status_hash text)
 RETURNS TABLE(result text, ahead integer, id uuid, service_date text, hall_id uuid, number character varying, prefix character varying, sequence integer, service_item_code character varying, category_code character varying, priority character varying, channel character varying, state character varying, issued_at timestamp with time zone, queue_at timestamp with time zone, called_at timestamp with time zone, started_at timestamp with time zone, completed_at timestamp with time zone, cancelled_at timestamp with time zone, window_id uuid, recall_count integer, outcome character varying, rating smallint, transferred_from_id uuid, window_label character varying)
 LANGUAGE plpgsql
AS $function$
      #variable_conflict use_column
      DECLARE
        seen record;
        t tickets%ROWTYPE;
        n integer;
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

        n := next_ticket_sequence(p_hall, p_date, p_prefix);
        INSERT INTO tickets (id, service_date, hall_id, number, prefix, sequence, service_item_code, category_code,
                             priority, channel, state, issued_at, queue_at, status_token_hash)
        VALUES (p_id, p_date, p_hall, ticket_number(p_prefix, n), p_prefix, n, p_item,
                p_category, p_priority, p_channel, 'waiting', now(), now(), p_status_hash)
        RETURNING * INTO t;
        IF p_key IS NOT NULL THEN
          INSERT INTO idempotency_keys (hall_id, principal, key, request_hash, ticket_id, service_date)
          VALUES (p_hall, p_principal, p_key, p_request_hash, t.id, p_date);
        END IF;
        -- the live event, with the payload of the API's ticket view for a new waiting ticket
        PERFORM append_hall_event(p_hall, 'ticket.issued', jsonb_build_object(
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
      END $function$`;

/** issue_ticket() as the FrontOfHall migration left it, for down(). */
const ISSUE_TICKET_BEFORE = `CREATE OR REPLACE FUNCTION public.issue_ticket(p_hall uuid, p_date date, p_principal text, p_key text, p_request_hash text, p_item text, p_category text, p_prefix text, p_priority text, p_channel text, p_categories text[], p_id uuid, p_status_hash text)
 RETURNS TABLE(result text, ahead integer, id uuid, service_date text, hall_id uuid, number character varying, prefix character varying, sequence integer, service_item_code character varying, category_code character varying, priority character varying, channel character varying, state character varying, issued_at timestamp with time zone, queue_at timestamp with time zone, called_at timestamp with time zone, started_at timestamp with time zone, completed_at timestamp with time zone, cancelled_at timestamp with time zone, window_id uuid, recall_count integer, outcome character varying, rating smallint, transferred_from_id uuid, window_label character varying)
 LANGUAGE plpgsql
AS $function$
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
      END $function$`;
