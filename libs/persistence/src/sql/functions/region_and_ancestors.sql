CREATE OR REPLACE FUNCTION public.region_and_ancestors(p_code character varying)
 RETURNS TABLE(code character varying)
 LANGUAGE sql
 STABLE
AS $function$
        WITH RECURSIVE up AS (
          SELECT r.code, r.parent_code FROM regions r WHERE r.code = p_code
          UNION ALL
          SELECT r.code, r.parent_code FROM regions r JOIN up ON r.code = up.parent_code
        ) SELECT up.code FROM up ORDER BY up.code
      $function$
