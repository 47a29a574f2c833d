-- Rate-limit buckets shared by every instance (GCRA: one theoretical arrival time per bucket).
-- The subject (an email, a client network, a user id) is kept only as SHA-256("<bucket>:<subject>").
-- A bucket whose tat has passed is as good as absent; a scheduled job deletes such rows. No index on tat:
-- the purge scans a table that holds only recently active buckets, and every admission updates tat, which
-- an index would turn from a heap-only (HOT) update into one that also writes the index.
CREATE TABLE rate_limit_buckets (
    bucket       text        NOT NULL,
    subject_hash text        NOT NULL,
    tat          timestamptz NOT NULL,
    -- the outcome of the latest attempt, so that one statement can both decide and report it
    admitted     boolean     NOT NULL,
    PRIMARY KEY (bucket, subject_hash),
    CONSTRAINT rate_limit_buckets_subject_sha256 CHECK (subject_hash ~ '^[0-9a-f]{64}$')
);
