CREATE TRIGGER "TRG_handling_records_outbox_insert" AFTER INSERT ON public.handling_records REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_facts();

CREATE TRIGGER "TRG_handling_records_outbox_update" AFTER UPDATE ON public.handling_records REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_facts();
