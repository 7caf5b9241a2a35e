CREATE OR REPLACE FUNCTION public.outbox_facts()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        IF TG_TABLE_NAME = 'tickets' THEN
          INSERT INTO outbox (topic, hall_id, payload)
          SELECT 'rollup', hall_id, jsonb_build_object('date', service_date, 'source', TG_TABLE_NAME)
          FROM (SELECT DISTINCT hall_id, service_date FROM new_rows) d;
        ELSIF TG_TABLE_NAME = 'footfall' THEN
          INSERT INTO outbox (topic, hall_id, payload)
          SELECT 'rollup', d.hall_id, jsonb_build_object('date', d.day, 'source', TG_TABLE_NAME)
          FROM (SELECT DISTINCT n.hall_id, (n.period_start AT TIME ZONE h.timezone)::date AS day
                FROM new_rows n JOIN halls h ON h.id = n.hall_id) d;
        ELSIF TG_TABLE_NAME IN ('handling_records', 'consultations') THEN
          INSERT INTO outbox (topic, hall_id, payload)
          SELECT 'rollup', hall_id, jsonb_build_object('date', record_date, 'source', TG_TABLE_NAME)
          FROM (SELECT DISTINCT hall_id, record_date FROM new_rows) d;
        ELSIF TG_TABLE_NAME = 'reassignments' THEN
          INSERT INTO outbox (topic, hall_id, payload)
          SELECT 'rollup', hall_id, jsonb_build_object('date', effective_date, 'source', TG_TABLE_NAME)
          FROM (SELECT DISTINCT hall_id, effective_date FROM new_rows) d;
        END IF;
        RETURN NULL;
      END $function$
