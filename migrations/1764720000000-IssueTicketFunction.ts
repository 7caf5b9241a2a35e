import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ticket issue in one round trip. A kiosk's POST used to be seven statements in a transaction
 * (advisory lock of the Idempotency-Key, key lookup, counter + insert, key insert, event counter +
 * event, commit), so the hall's counter row stayed locked while the API waited for five network
 * round trips; one call of issue_ticket() does the same work inside PostgreSQL, and the counter row
 * is held only until that statement's commit.
 *
 * - tickets_ahead(): the number of waiting tickets ahead of one (same hall and day, a competing
 *   category, a higher priority class, or the same class and earlier in the queue); the one
 *   definition used by issue_ticket() and by the API's position reads.
 * - issue_ticket(): answers the ticket with result 'created' (and its count ahead) or 'replayed' (the
 *   ticket an earlier request with the same key created); the same key with another request hash
 *   raises SQLSTATE OW409. A missing month partition raises PostgreSQL's own error, as before.
 */
export class IssueTicketFunction1764720000000 implements MigrationInterface {
  name = 'IssueTicketFunction1764720000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION tickets_ahead(p_hall uuid, p_date date, p_id uuid, p_categories text[], p_rank integer, p_queue_at timestamptz)
      RETURNS integer LANGUAGE sql STABLE AS $$
        SELECT count(*)::int FROM tickets o
        WHERE o.hall_id = p_hall AND o.service_date = p_date AND o.state = 'waiting' AND o.id <> p_id
          AND (p_categories IS NULL OR o.category_code = ANY(p_categories))
          AND (CASE WHEN o.priority = 'normal' THEN 0 ELSE 1 END > p_rank
               OR (CASE WHEN o.priority = 'normal' THEN 0 ELSE 1 END = p_rank AND (o.queue_at, o.id) < (p_queue_at, p_id)))
      $$`);
    await q.query(`
      CREATE FUNCTION issue_ticket(
        p_hall uuid, p_date date, p_principal text, p_key text, p_request_hash text,
        p_item text, p_category text, p_prefix text, p_priority text, p_channel text, p_categories text[])
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
        INSERT INTO tickets (service_date, hall_id, number, prefix, sequence, service_item_code, category_code,
                             priority, channel, state, issued_at, queue_at)
        VALUES (p_date, p_hall, p_prefix || lpad(n::text, greatest(3, length(n::text)), '0'), p_prefix, n, p_item,
                p_category, p_priority, p_channel, 'waiting', now(), now())
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
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP FUNCTION issue_ticket(uuid, date, text, text, text, text, text, text, text, text, text[])`,
    );
    await q.query(
      `DROP FUNCTION tickets_ahead(uuid, date, uuid, text[], integer, timestamptz)`,
    );
  }
}
