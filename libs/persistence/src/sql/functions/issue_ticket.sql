CREATE OR REPLACE FUNCTION public.issue_ticket(p_hall uuid, p_date date, p_principal text, p_key text, p_request_hash text, p_item text, p_category text, p_prefix text, p_priority text, p_channel text, p_categories text[], p_id uuid, p_status_hash text)
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
      END $function$
