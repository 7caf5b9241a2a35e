CREATE OR REPLACE FUNCTION public.next_ticket_sequence(p_hall uuid, p_date date, p_prefix text)
 RETURNS integer
 LANGUAGE sql
AS $function$
        INSERT INTO ticket_counters AS c (hall_id, service_date, prefix, last_value) VALUES (p_hall, p_date, p_prefix, 1)
        ON CONFLICT (hall_id, service_date, prefix) DO UPDATE SET last_value = c.last_value + 1
        RETURNING c.last_value
      $function$
