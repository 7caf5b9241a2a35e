CREATE OR REPLACE FUNCTION public.rollup_hall_day(p_hall uuid, p_day date)
 RETURNS void
 LANGUAGE sql
AS $function$ SELECT rollup_hall_days(p_hall, ARRAY[p_day]) $function$
