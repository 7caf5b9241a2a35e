CREATE OR REPLACE FUNCTION public.append_hall_event(p_hall uuid, p_type text, p_payload jsonb)
 RETURNS bigint
 LANGUAGE sql
AS $function$
        WITH next AS (
          INSERT INTO hall_event_counters AS e (hall_id, last_seq) VALUES (p_hall, 1)
          ON CONFLICT (hall_id) DO UPDATE SET last_seq = e.last_seq + 1
          RETURNING e.last_seq
        )
        INSERT INTO hall_events (hall_id, seq, type, payload) SELECT p_hall, last_seq, p_type, p_payload FROM next
        RETURNING seq
      $function$
