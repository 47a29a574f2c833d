-- When the database recorded a session's revocation, on the database's own clock (clock_timestamp()). Instances
-- poll for revocations made elsewhere by this column, measuring their look-back window on the same clock, so an
-- instance whose clock is off neither misses revocations nor hides its own (revoked_at is the revoking instance's
-- time, shown to users; this one is for the poll only). Existing revocations keep NULL: they predate every
-- running instance's memory.
ALTER TABLE sessions ADD COLUMN revocation_recorded_at timestamptz;
CREATE INDEX sessions_revocation_recorded_at_idx ON sessions (revocation_recorded_at)
    WHERE revocation_recorded_at IS NOT NULL;
