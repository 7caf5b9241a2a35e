CREATE TRIGGER "TRG_consultations_outbox_insert" AFTER INSERT ON public.consultations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_facts();

CREATE TRIGGER "TRG_consultations_outbox_update" AFTER UPDATE ON public.consultations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_facts();
