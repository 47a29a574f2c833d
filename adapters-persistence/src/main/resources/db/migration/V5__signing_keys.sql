-- Access-token signing keys shared by every instance. The private key is sealed (AES-256-GCM under a key
-- derived from AUTH_SECRET) before it reaches the database; the public JWK is stored in the clear.
-- A unique generation means two instances rotating at once cannot both add "the next" key.
CREATE TABLE signing_keys (
    kid                text        PRIMARY KEY,
    generation         integer     NOT NULL UNIQUE CHECK (generation > 0),
    created_at         timestamptz NOT NULL,
    public_jwk         text        NOT NULL,
    sealed_private_key bytea       NOT NULL
);

-- Revocation caches re-read recent revocations every second.
CREATE INDEX sessions_revoked_at_idx ON sessions (revoked_at) WHERE revoked_at IS NOT NULL;
