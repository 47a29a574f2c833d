-- Each account's defence against password guessing (the rules live on the domain's AccountLockout): failures counted
-- since counting_since, how often the account was locked, and until when. A row appears with an account's first
-- failed sign-in; it is locked (SELECT ... FOR UPDATE) while a change is applied, so parallel failures are all counted.
CREATE TABLE account_lockouts (
    user_id        uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    failures       integer     NOT NULL,
    counting_since timestamptz,
    lockouts       integer     NOT NULL,
    locked_until   timestamptz,
    CONSTRAINT account_lockouts_counts CHECK (failures >= 0 AND lockouts >= 0),
    CONSTRAINT account_lockouts_window CHECK ((failures = 0) = (counting_since IS NULL)),
    CONSTRAINT account_lockouts_lock CHECK (lockouts > 0 OR locked_until IS NULL)
);
