CREATE TRIGGER "TRG_window_events_region_deltas" AFTER INSERT ON public.window_events FOR EACH ROW EXECUTE FUNCTION window_event_region_deltas();
