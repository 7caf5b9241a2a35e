CREATE TRIGGER "TRG_footfall_outbox_insert" AFTER INSERT ON public.footfall REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_facts();

CREATE TRIGGER "TRG_footfall_outbox_update" AFTER UPDATE ON public.footfall REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_facts();
