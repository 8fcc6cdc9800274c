-- A supervisor's desk marks a removed desk; the server then refuses its pushes. (The desk can
-- lie about its id: what keeps it out of what is written afterwards is the new sync key.)
CREATE FUNCTION helpline_remove_desk(id text) RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    UPDATE public.desks SET removed = true WHERE desk_id = id;
$$;
REVOKE ALL ON FUNCTION helpline_remove_desk(text) FROM PUBLIC;

CREATE FUNCTION helpline_refuse_removed_desk() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM public.desks WHERE desk_id = NEW.desk_id AND removed) THEN
        RAISE EXCEPTION 'desk % was removed from the helpline', NEW.desk_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER log_refuses_removed_desks BEFORE INSERT ON log
    FOR EACH ROW EXECUTE FUNCTION helpline_refuse_removed_desk();
