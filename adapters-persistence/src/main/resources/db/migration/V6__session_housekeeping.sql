-- Housekeeping deletes sessions that ended (expired or were revoked) more than SESSION_PURGE_AFTER ago, in
-- batches. It finds them through this index and V5's sessions_revoked_at_idx (a BitmapOr of both); without them
-- every run scans the whole table. The expression matches Session.expiresAt(): the earlier of the two expiries.
CREATE INDEX sessions_expires_at_idx ON sessions (LEAST(idle_expires_at, absolute_expires_at));
