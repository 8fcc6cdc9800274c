-- The helpline's server: an append-only log of sealed change records, the desks that push
-- them, and one-time invitations. Nothing here is readable without a desk's keys; see
-- ARCHITECTURE.md, "What the helpline's server sees".

CREATE TABLE desks (
    desk_id   text PRIMARY KEY,
    removed   boolean NOT NULL DEFAULT false
);

CREATE TABLE log (
    seq       bigserial PRIMARY KEY,
    record_id bytea NOT NULL UNIQUE,
    desk_id   text NOT NULL REFERENCES desks(desk_id),
    epoch     integer NOT NULL,
    body      bytea NOT NULL
);

CREATE TABLE invitations (
    invitation_id bytea NOT NULL,
    part          integer NOT NULL,
    body          bytea NOT NULL,
    PRIMARY KEY (invitation_id, part)
);

-- Desks may add and read, never change: only forgetting deletes, through this function, which
-- also withdraws every invitation (a snapshot may hold the forgotten case).
CREATE FUNCTION helpline_forget(ids bytea[]) RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    DELETE FROM public.log WHERE record_id = ANY(ids);
    DELETE FROM public.invitations;
$$;

-- An invitation is used once: reading it deletes it.
CREATE FUNCTION helpline_redeem(id bytea) RETURNS TABLE(part integer, body bytea)
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    DELETE FROM public.invitations WHERE invitation_id = id RETURNING part, body;
$$;

REVOKE ALL ON FUNCTION helpline_forget(bytea[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION helpline_redeem(bytea) FROM PUBLIC;

