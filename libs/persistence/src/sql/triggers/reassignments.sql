CREATE TRIGGER "TRG_reassignments_outbox_insert" AFTER INSERT ON public.reassignments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_facts();

CREATE TRIGGER "TRG_reassignments_outbox_update" AFTER UPDATE ON public.reassignments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_facts();
