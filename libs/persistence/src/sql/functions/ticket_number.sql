CREATE OR REPLACE FUNCTION public.ticket_number(p_prefix text, p_sequence integer)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$
        SELECT p_prefix || lpad(p_sequence::text, greatest(3, length(p_sequence::text)), '0')
      $function$
