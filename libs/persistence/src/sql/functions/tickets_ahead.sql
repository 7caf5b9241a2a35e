CREATE OR REPLACE FUNCTION public.tickets_ahead(p_hall uuid, p_date date, p_id uuid, p_categories text[], p_rank integer, p_queue_at timestamp with time zone)
 RETURNS integer
 LANGUAGE sql
 STABLE
AS $function$
        -- the green channel (docs/architecture.md: who is called next): priority and appointment
        -- tickets first, but after priority_streak_cap priority calls in a row a window calls the
        -- oldest normal ticket. So ahead of a normal ticket: the older normal ones and at most
        -- cap priority calls before each of them and itself; ahead of a priority ticket: the older
        -- priority ones and a normal one after every cap of them. Exact for one window starting a
        -- fresh streak; the hall's normal_max_wait_minutes is left out (it only shortens a wait).
        WITH c AS (
          SELECT count(*) FILTER (WHERE o.priority = 'normal' AND (o.queue_at, o.id) < (p_queue_at, p_id))::int AS normal_older,
                 count(*) FILTER (WHERE o.priority = 'normal')::int AS normal_all,
                 count(*) FILTER (WHERE o.priority <> 'normal' AND (o.queue_at, o.id) < (p_queue_at, p_id))::int AS high_older,
                 count(*) FILTER (WHERE o.priority <> 'normal')::int AS high_all
          FROM tickets o
          WHERE o.hall_id = p_hall AND o.service_date = p_date AND o.state = 'waiting' AND o.id <> p_id
            AND (p_categories IS NULL OR o.category_code = ANY(p_categories))
        )
        SELECT CASE WHEN p_rank = 0
                    THEN c.normal_older + least(c.high_all, h.cap * (c.normal_older + 1))
                    ELSE c.high_older + least(c.normal_all, c.high_older / h.cap) END
        FROM c CROSS JOIN (SELECT greatest(priority_streak_cap, 1) AS cap FROM halls WHERE id = p_hall) h
      $function$
