-- Chat and retrieval (issue 5). Numbered 10 to stay clear of the migrations other branches add meanwhile (V2..V5).

-- A conversation belongs to one user; deleting the account deletes its conversations.
CREATE TABLE chat_conversations (
    id         uuid        PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title      text        NOT NULL,
    created_at timestamptz NOT NULL
);
-- The owner's conversations, newest first, and keyset pages of them.
CREATE INDEX chat_conversations_owner_idx ON chat_conversations (user_id, created_at DESC, id DESC);

-- Messages in the order they were written: seq, not created_at, so two messages of one instant keep their order.
CREATE TABLE chat_messages (
    seq             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id              uuid        NOT NULL UNIQUE,
    conversation_id uuid        NOT NULL REFERENCES chat_conversations (id) ON DELETE CASCADE,
    role            text        NOT NULL CHECK (role IN ('USER', 'ASSISTANT')),
    content         text        NOT NULL,
    sources         text[]      NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL
);
CREATE INDEX chat_messages_conversation_idx ON chat_messages (conversation_id, seq DESC);

-- The knowledge base: ingested pages, one row per URL, and their chunks. Re-ingesting a page replaces its chunks.
CREATE TABLE knowledge_documents (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url         text        NOT NULL UNIQUE,
    path        text        NOT NULL,
    title       text        NOT NULL,
    ingested_at timestamptz NOT NULL
);

-- Each chunk's heading path (weight A) and text (weight B) as an English tsvector, kept by PostgreSQL itself.
CREATE TABLE knowledge_chunks (
    document_id bigint  NOT NULL REFERENCES knowledge_documents (id) ON DELETE CASCADE,
    ordinal     integer NOT NULL,
    title       text    NOT NULL,
    content     text    NOT NULL,
    search      tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', content), 'B')) STORED,
    PRIMARY KEY (document_id, ordinal)
);
CREATE INDEX knowledge_chunks_search_idx ON knowledge_chunks USING gin (search);
