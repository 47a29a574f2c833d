package dev.authrag.adapter.persistence.chat;

import dev.authrag.application.chat.KnowledgeBase;
import dev.authrag.domain.chat.Document;
import dev.authrag.domain.chat.Passage;
import dev.authrag.domain.chat.RetrievalPolicy;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link KnowledgeBase} on PostgreSQL full-text search (docs/adr/0004-retrieval.md): chunks carry a generated English
 * {@code tsvector} (heading path weighted above text) under a GIN index, and {@code knowledge_lexemes} counts the chunks
 * holding each stemmed word (kept by triggers, V20). A question's words are stemmed as the chunks' are (stop words
 * dropped, never a syntax error); each counts by its rarity (inverse document frequency) times {@code ts_rank} of the
 * chunk for it, so a rare word of the question outweighs one found everywhere, and a word in a heading outweighs one in
 * text.
 */
@Singleton
public class JdbcKnowledgeBase implements KnowledgeBase {

    /** The rarest question words that count; a question of 4,000 characters stays one bounded query. */
    static final int MAX_WORDS = 32;
    /**
     * Candidate chunks are those holding one of the rarest question words, taken rarest first while the chunks holding
     * the rarer ones number fewer than this: words found everywhere still add to a candidate's score, but do not make
     * every chunk a candidate (the search stays fast at 10,000 chunks). The rarest word is always taken.
     */
    static final int CANDIDATE_BUDGET = 300;

    /**
     * Natural questions carry words the answer does not ("how", "configure", "my"): a chunk need not hold all of them.
     * Relevance is the sum over the question's words of idf (BM25's, from knowledge_lexemes) times {@code ts_rank} with
     * length normalisation 1; the score is relevance / (relevance + 1), so 0..1.
     */
    private static final String SEARCH = """
            WITH question AS (
                SELECT w.lexeme, CAST(quote_literal(w.lexeme) AS tsquery) AS term, l.chunks,
                       ln(1 + (total.chunks - l.chunks + 0.5) / (l.chunks + 0.5)) AS idf
                FROM (SELECT DISTINCT unnest(tsvector_to_array(to_tsvector('english', ?))) AS lexeme) AS w
                JOIN knowledge_lexemes l ON l.lexeme = w.lexeme
                CROSS JOIN (SELECT count(*) AS chunks FROM knowledge_chunks) AS total
                ORDER BY l.chunks, w.lexeme
                LIMIT %d
            ),
            candidates AS (
                SELECT CAST(string_agg(quote_literal(lexeme), ' | ') AS tsquery) AS any_rare_word
                FROM (SELECT lexeme, sum(chunks) OVER (ORDER BY chunks, lexeme) - chunks AS in_rarer FROM question) AS q
                WHERE in_rarer < %d
            ),
            best AS (
                SELECT c.document_id, c.ordinal, c.title, c.content, r.relevance
                FROM candidates, knowledge_chunks c
                CROSS JOIN LATERAL (SELECT sum(q.idf * ts_rank(c.search, q.term, 1)) AS relevance FROM question q) AS r
                WHERE c.search @@ candidates.any_rare_word AND r.relevance / (r.relevance + 1) >= ?
                ORDER BY r.relevance DESC, c.document_id, c.ordinal
                LIMIT ?
            )
            SELECT best.content, best.title, d.url, best.relevance / (best.relevance + 1) AS score
            FROM best JOIN knowledge_documents d ON d.id = best.document_id
            ORDER BY best.relevance DESC, d.url, best.ordinal""".formatted(MAX_WORDS, CANDIDATE_BUDGET);

    private final JdbcOperations jdbc;

    JdbcKnowledgeBase(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Connectable
    public List<Passage> search(String question, RetrievalPolicy policy) {
        return jdbc.prepareStatement(SEARCH, statement -> {
            statement.setString(1, question);
            statement.setDouble(2, policy.minScore());
            statement.setInt(3, policy.topK());
            List<Passage> passages = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    passages.add(new Passage(rows.getString("content"), rows.getString("title"), rows.getString("url"),
                            rows.getDouble("score")));
                }
            }
            return passages;
        });
    }

    /** How the benchmark (retrieval-eval) names this ranking. */
    @Override
    public String toString() {
        return "full-text idf";
    }

    /** One transaction: the page's old chunks are deleted and its new ones inserted, or nothing changes. */
    @Override
    @Transactional
    public void replace(Document document, List<Document.Chunk> chunks) {
        jdbc.execute(connection -> {
            if (chunks.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM knowledge_documents WHERE url = ?")) {
                    delete.setString(1, document.url());
                    delete.executeUpdate();
                }
                return null;
            }
            long documentId;
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO knowledge_documents (url, path, title, ingested_at) VALUES (?, ?, ?, now())
                    ON CONFLICT (url) DO UPDATE SET path = EXCLUDED.path, title = EXCLUDED.title, ingested_at = EXCLUDED.ingested_at
                    RETURNING id""")) {
                upsert.setString(1, document.url());
                upsert.setString(2, document.path());
                upsert.setString(3, document.title());
                try (ResultSet row = upsert.executeQuery()) {
                    row.next();
                    documentId = row.getLong(1);
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM knowledge_chunks WHERE document_id = ?")) {
                delete.setLong(1, documentId);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO knowledge_chunks (document_id, ordinal, title, content) VALUES (?, ?, ?, ?)")) {
                for (Document.Chunk chunk : chunks) {
                    insert.setLong(1, documentId);
                    insert.setInt(2, chunk.ordinal());
                    insert.setString(3, chunk.title());
                    insert.setString(4, chunk.text());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }
}
