CREATE OR REPLACE FUNCTION public.window_event_region_deltas()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      DECLARE
        v_prev varchar;
        v_region varchar;
      BEGIN
        SELECT region_code INTO v_region FROM halls WHERE id = NEW.hall_id;
        IF NEW.kind IN ('opened', 'converted') THEN
          INSERT INTO region_window_deltas AS d (region_code, effective_date, mode, delta)
          SELECT a.code, NEW.effective_date, NEW.mode, 1 FROM region_and_ancestors(v_region) a
          ON CONFLICT (region_code, effective_date, mode) DO UPDATE SET delta = d.delta + 1;
        END IF;
        IF NEW.kind IN ('converted', 'retired') THEN
          SELECT mode INTO v_prev FROM window_events
          WHERE window_id = NEW.window_id AND id <> NEW.id AND kind <> 'retired'
            AND (effective_date, id) < (NEW.effective_date, NEW.id)
          ORDER BY effective_date DESC, id DESC LIMIT 1;
          IF v_prev IS NOT NULL THEN
            INSERT INTO region_window_deltas AS d (region_code, effective_date, mode, delta)
            SELECT a.code, NEW.effective_date, v_prev, -1 FROM region_and_ancestors(v_region) a
            ON CONFLICT (region_code, effective_date, mode) DO UPDATE SET delta = d.delta - 1;
          END IF;
        END IF;
        RETURN NULL;
      END $function$
