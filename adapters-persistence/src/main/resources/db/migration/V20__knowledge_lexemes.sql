-- Retrieval ranking weighted by how rare each question word is (issue 15; numbered 20 to stay clear of the
-- migrations other branches add meanwhile, V11..V19).
--
-- knowledge_lexemes counts, for each stemmed word of the knowledge base, the chunks that hold it: a word in most chunks
-- ("robot" in a robotics book) says little about which chunk answers, a word in a few says much (inverse document
-- frequency). PostgreSQL keeps the counts itself: statement triggers on knowledge_chunks add a chunk's words when it is
-- inserted and take them away when it is deleted (cascades from knowledge_documents included), in the same
-- transaction, so the counts are exactly those of the committed chunks.
CREATE TABLE knowledge_lexemes (
    lexeme text    PRIMARY KEY,
    chunks integer NOT NULL CHECK (chunks >= 0)
);

INSERT INTO knowledge_lexemes (lexeme, chunks)
SELECT lexeme, count(*) FROM knowledge_chunks, unnest(tsvector_to_array(search)) AS lexeme GROUP BY lexeme;

-- Transactions that change chunks take turns (a transaction-level advisory lock, held to commit, which a transaction
-- pooler allows): each chunk is its own statement, and two ingestions each locking the counts of their chunks' words,
-- chunk after chunk, could otherwise deadlock. Searches take no lock.
CREATE FUNCTION knowledge_lexemes_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('knowledge_lexemes'));
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        PERFORM 1 FROM knowledge_lexemes
        WHERE lexeme IN (SELECT unnest(tsvector_to_array(removed.search)) FROM removed) ORDER BY lexeme FOR UPDATE;
        UPDATE knowledge_lexemes l SET chunks = l.chunks - gone.chunks
        FROM (SELECT lexeme, count(*) AS chunks FROM removed, unnest(tsvector_to_array(removed.search)) AS lexeme
              GROUP BY lexeme) AS gone
        WHERE l.lexeme = gone.lexeme;
        DELETE FROM knowledge_lexemes
        WHERE chunks = 0 AND lexeme IN (SELECT unnest(tsvector_to_array(removed.search)) FROM removed);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO knowledge_lexemes (lexeme, chunks)
        SELECT lexeme, count(*) FROM added, unnest(tsvector_to_array(added.search)) AS lexeme GROUP BY lexeme ORDER BY lexeme
        ON CONFLICT (lexeme) DO UPDATE SET chunks = knowledge_lexemes.chunks + EXCLUDED.chunks;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER knowledge_chunks_lexemes_added AFTER INSERT ON knowledge_chunks
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION knowledge_lexemes_count();
CREATE TRIGGER knowledge_chunks_lexemes_changed AFTER UPDATE ON knowledge_chunks
    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION knowledge_lexemes_count();
CREATE TRIGGER knowledge_chunks_lexemes_removed AFTER DELETE ON knowledge_chunks
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION knowledge_lexemes_count();
