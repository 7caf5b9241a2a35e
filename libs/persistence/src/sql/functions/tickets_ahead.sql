CREATE OR REPLACE FUNCTION public.tickets_ahead(p_hall uuid, p_date date, p_id uuid, p_categories text[], p_rank integer, p_queue_at timestamp with time zone)
 RETURNS integer
 LANGUAGE sql
 STABLE
AS $function$
        SELECT count(*)::int FROM tickets o
        WHERE o.hall_id = p_hall AND o.service_date = p_date AND o.state = 'waiting' AND o.id <> p_id
          AND (p_categories IS NULL OR o.category_code = ANY(p_categories))
          AND (CASE WHEN o.priority = 'normal' THEN 0 ELSE 1 END > p_rank
               OR (CASE WHEN o.priority = 'normal' THEN 0 ELSE 1 END = p_rank AND (o.queue_at, o.id) < (p_queue_at, p_id)))
      $function$
