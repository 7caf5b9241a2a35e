CREATE OR REPLACE FUNCTION public.ensure_ticket_partitions(from_date date, to_date date)
 RETURNS integer
 LANGUAGE plpgsql
AS $function$
      DECLARE
        m date := date_trunc('month', from_date)::date;
        created integer := 0;
        part text;
      BEGIN
        WHILE m <= to_date LOOP
          part := format('tickets_y%sm%s', to_char(m, 'YYYY'), to_char(m, 'MM'));
          IF to_regclass(part) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF tickets FOR VALUES FROM (%L) TO (%L)',
                           part, m, (m + interval '1 month')::date);
            created := created + 1;
          END IF;
          m := (m + interval '1 month')::date;
        END LOOP;
        RETURN created;
      END $function$
