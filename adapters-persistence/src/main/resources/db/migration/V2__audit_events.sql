-- Security events, append-only, kept for AUDIT_RETENTION (90 days by default) and then purged in batches.
-- user_id has no foreign key on purpose: events must outlive the account they describe (an investigation after
-- an account was deleted), ON DELETE CASCADE would let anyone erase their trail by deleting their account, and
-- ON DELETE SET NULL would rewrite rows that are meant never to change. The events query only ever filters by
-- the caller's own id, so a dangling id harms nothing.
CREATE TABLE audit_events (
    id          uuid        PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    type        text        NOT NULL,
    outcome     text        NOT NULL,
    reason      text,
    user_id     uuid,
    session_id  uuid,
    ip          inet,
    user_agent  text,
    request_id  text,
    CONSTRAINT audit_events_type_code CHECK (type ~ '^[a-z0-9_]{1,64}$'),
    CONSTRAINT audit_events_outcome CHECK (outcome IN ('success', 'failure')),
    CONSTRAINT audit_events_reason_code CHECK (reason ~ '^[a-z0-9_]{1,64}$'),
    CONSTRAINT audit_events_failure_has_reason CHECK (outcome = 'success' OR reason IS NOT NULL),
    CONSTRAINT audit_events_user_agent_length CHECK (char_length(user_agent) <= 512),
    CONSTRAINT audit_events_request_id_length CHECK (char_length(request_id) BETWEEN 1 AND 128)
);
-- GET /api/auth/events: one user's events newest first, resumed after (occurred_at, id) (keyset pagination).
CREATE INDEX audit_events_user_newest_idx ON audit_events (user_id, occurred_at DESC, id DESC);
-- The retention purge: the oldest events first.
CREATE INDEX audit_events_occurred_at_idx ON audit_events (occurred_at);

-- Rows never change once written. UPDATE is refused for every role; DELETE stays allowed because the retention
-- purge needs it (and the purge is the only code that deletes).
CREATE FUNCTION audit_events_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: rows cannot be updated'
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_update();
