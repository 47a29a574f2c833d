-- Accounts and their sessions. Emails are stored normalised (trimmed, lower-cased) by the domain;
-- the check keeps any other writer honest, and the unique index makes one mailbox one account.
CREATE TABLE users (
    id            uuid        PRIMARY KEY,
    email         text        NOT NULL,
    name          text,
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT users_email_normalised CHECK (email = lower(btrim(email))),
    CONSTRAINT users_name_length CHECK (char_length(name) <= 100)
);
CREATE UNIQUE INDEX users_email_key ON users (email);

-- A session is found by the SHA-256 of its token (hex); the token itself is never stored.
CREATE TABLE sessions (
    id                  uuid        PRIMARY KEY,
    user_id             uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash          text        NOT NULL,
    created_at          timestamptz NOT NULL,
    last_used_at        timestamptz NOT NULL,
    idle_expires_at     timestamptz NOT NULL,
    absolute_expires_at timestamptz NOT NULL,
    revoked_at          timestamptz,
    revoke_reason       text,
    ip_address          inet,
    user_agent          text,
    CONSTRAINT sessions_token_hash_sha256 CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT sessions_revocation_complete CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
);
CREATE UNIQUE INDEX sessions_token_hash_key ON sessions (token_hash);
-- A user's live sessions, newest first (session list, session cap, revoke-others).
CREATE INDEX sessions_user_active_idx ON sessions (user_id, created_at DESC) WHERE revoked_at IS NULL;
