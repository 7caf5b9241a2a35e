CREATE OR REPLACE FUNCTION public.rollup_hall_day(p_hall uuid, p_day date, p_online_channels text[], p_clerk_roles text[], p_abandon_after interval)
 RETURNS void
 LANGUAGE sql
AS $function$ SELECT rollup_hall_days(p_hall, ARRAY[p_day], p_online_channels, p_clerk_roles, p_abandon_after) $function$
