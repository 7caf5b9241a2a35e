CREATE OR REPLACE FUNCTION public.region_subtree(p_root character varying)
 RETURNS TABLE(code character varying)
 LANGUAGE sql
 STABLE
AS $function$
        WITH RECURSIVE sub AS (
          SELECT r.code FROM regions r WHERE r.code = p_root
          UNION ALL
          SELECT r.code FROM regions r JOIN sub ON r.parent_code = sub.code
        ) SELECT sub.code FROM sub
      $function$
