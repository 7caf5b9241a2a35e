CREATE OR REPLACE FUNCTION public.call_next(p_hall uuid, p_window uuid, p_date date)
 RETURNS TABLE(id uuid, service_date text, hall_id uuid, number character varying, prefix character varying, sequence integer, service_item_code character varying, category_code character varying, priority character varying, channel character varying, state character varying, issued_at timestamp with time zone, queue_at timestamp with time zone, called_at timestamp with time zone, started_at timestamp with time zone, completed_at timestamp with time zone, cancelled_at timestamp with time zone, window_id uuid, recall_count integer, outcome character varying, rating smallint, rating_reason character varying, transferred_from_id uuid, window_label character varying)
 LANGUAGE plpgsql
AS $function$
      #variable_conflict use_column
      DECLARE
        w record;
        categories text[];
        held varchar;
        normal_id uuid; normal_date date; normal_queue timestamptz;
        high_id uuid; high_date date; high_queue timestamptz;
        pick text;
        streak integer;
        moment timestamptz;
        c tickets%ROWTYPE;
      BEGIN
        -- the window, locked: one call at a time per window
        SELECT wi.label, wi.mode, wi.category_codes, wi.state, wi.priority_streak,
               ha.priority_streak_cap AS cap, ha.normal_max_wait_minutes AS max_wait
        INTO w
        FROM windows wi JOIN halls ha ON ha.id = wi.hall_id
        WHERE wi.id = p_window AND wi.hall_id = p_hall
        FOR UPDATE OF wi;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'Window not found' USING ERRCODE = 'OW404';
        END IF;
        IF w.state <> 'open' THEN
          RAISE EXCEPTION 'Window % is %; open it first', w.label, w.state USING ERRCODE = 'OW409';
        END IF;

        -- each statement from here reads a snapshot taken after the window's lock
        SELECT tk.number INTO held FROM tickets tk
        WHERE tk.hall_id = p_hall AND tk.service_date = p_date AND tk.window_id = p_window
          AND tk.state IN ('called', 'serving')
        LIMIT 1;
        IF held IS NOT NULL THEN
          RAISE EXCEPTION 'Window % still holds ticket %', w.label, held USING ERRCODE = 'OW409';
        END IF;

        -- a comprehensive window without a skill set serves every category
        categories := CASE WHEN w.mode = 'comprehensive' AND cardinality(w.category_codes) = 0
                           THEN NULL ELSE w.category_codes END;
        SELECT tk.id, tk.service_date, tk.queue_at INTO normal_id, normal_date, normal_queue FROM tickets tk
        WHERE tk.hall_id = p_hall AND tk.service_date = p_date AND tk.state = 'waiting'
          AND (categories IS NULL OR tk.category_code = ANY(categories)) AND tk.priority = 'normal'
        ORDER BY tk.queue_at, tk.id LIMIT 1
        FOR UPDATE OF tk SKIP LOCKED;
        SELECT tk.id, tk.service_date, tk.queue_at INTO high_id, high_date, high_queue FROM tickets tk
        WHERE tk.hall_id = p_hall AND tk.service_date = p_date AND tk.state = 'waiting'
          AND (categories IS NULL OR tk.category_code = ANY(categories)) AND tk.priority <> 'normal'
        ORDER BY tk.queue_at, tk.id LIMIT 1
        FOR UPDATE OF tk SKIP LOCKED;

        -- the green channel (the API's chooseNext states the same rule)
        moment := clock_timestamp();
        pick := CASE
          WHEN normal_id IS NULL AND high_id IS NULL THEN NULL
          WHEN normal_id IS NULL THEN 'priority'
          WHEN high_id IS NULL THEN 'normal'
          WHEN moment - normal_queue >= make_interval(mins => w.max_wait) THEN 'normal'
          WHEN w.priority_streak >= w.cap THEN 'normal'
          ELSE 'priority' END;
        IF pick IS NULL THEN
          RETURN;
        END IF;
        streak := CASE WHEN pick = 'priority' THEN w.priority_streak + 1 ELSE 0 END;
        IF streak <> w.priority_streak THEN
          UPDATE windows SET priority_streak = streak WHERE id = p_window;
        END IF;

        -- the call, stamped at its moment (not the transaction's start)
        UPDATE tickets tk SET state = 'called', called_at = moment, window_id = p_window
        WHERE tk.id = CASE WHEN pick = 'normal' THEN normal_id ELSE high_id END
          AND tk.service_date = CASE WHEN pick = 'normal' THEN normal_date ELSE high_date END
        RETURNING tk.* INTO c;

        -- the live event, with the payload of the API's ticket view (toTicketView): the fields
        -- every ticket has, and of the others those that are set
        PERFORM append_hall_event(p_hall, 'ticket.called', jsonb_build_object(
          'id', c.id, 'number', c.number, 'hallId', c.hall_id, 'serviceDate', to_char(c.service_date, 'YYYY-MM-DD'),
          'serviceItemCode', c.service_item_code, 'categoryCode', c.category_code, 'priority', c.priority,
          'state', c.state, 'issuedAt', to_char(c.issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'recallCount', c.recall_count) || jsonb_strip_nulls(jsonb_build_object(
          'calledAt', to_char(c.called_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'startedAt', to_char(c.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'completedAt', to_char(c.completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'windowId', c.window_id, 'windowLabel', w.label, 'outcome', c.outcome, 'rating', c.rating,
          'ratingReason', c.rating_reason, 'transferredFromId', c.transferred_from_id)));

        RETURN QUERY SELECT c.id, to_char(c.service_date, 'YYYY-MM-DD'), c.hall_id, c.number, c.prefix, c.sequence,
          c.service_item_code, c.category_code, c.priority, c.channel, c.state, c.issued_at, c.queue_at,
          c.called_at, c.started_at, c.completed_at, c.cancelled_at, c.window_id, c.recall_count, c.outcome,
          c.rating, c.rating_reason, c.transferred_from_id, w.label;
      END $function$
