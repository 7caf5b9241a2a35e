CREATE OR REPLACE FUNCTION public.rollup_hall_day_totals(p_hall uuid, p_days date[])
 RETURNS TABLE(day date, tickets integer, called integer, wait_sum double precision, within integer, visitors integer, visitor_halls integer, handled integer, online integer, abandoned integer, expired integer)
 LANGUAGE sql
 STABLE
AS $function$
        SELECT x.day, COALESCE(d.arrivals, 0), COALESCE(d.called, 0), COALESCE(d.wait_sum_seconds, 0),
               COALESCE(d.within_target, 0), COALESCE(f.visitors, 0), (f.visitors IS NOT NULL)::int,
               COALESCE(f.handled_total, 0), COALESCE(f.handled_online, 0),
               COALESCE(d.abandoned, 0), COALESCE(d.expired, 0)
        FROM (SELECT DISTINCT unnest(p_days) AS day) x
        LEFT JOIN rollup_daily d ON d.hall_id = p_hall AND d.service_date = x.day AND d.category_code = '*'
        LEFT JOIN rollup_hall_facts f ON f.hall_id = p_hall AND f.service_date = x.day
      $function$
