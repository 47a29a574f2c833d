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
 * {@code tsvector} under a GIN index. A question is parsed by {@code websearch_to_tsquery} (never a syntax error,
 * stop words dropped, words stemmed); a chunk matches when it holds any of the question's words, chunks holding all of
 * them come first, then {@code ts_rank_cd} (cover density, normalised to rank / (rank + 1), so 0..1) orders the rest.
 */
@Singleton
public class JdbcKnowledgeBase implements KnowledgeBase {

    /**
     * Natural questions carry words the answer does not ("how", "configure", "my"): requiring all of them, as the
     * parsed query does, would find nothing, so the match is relaxed to any word while all-word matches rank first.
     */
    private static final String SEARCH = """
            WITH query AS (
                SELECT parsed AS every_word, CAST(replace(CAST(parsed AS text), '&', '|') AS tsquery) AS any_word
                FROM websearch_to_tsquery('english', ?) AS parsed
            )
            SELECT c.content, c.title, d.url, ts_rank_cd(c.search, query.any_word, 32) AS score
            FROM query, knowledge_chunks c JOIN knowledge_documents d ON d.id = c.document_id
            WHERE c.search @@ query.any_word AND ts_rank_cd(c.search, query.any_word, 32) >= ?
            ORDER BY c.search @@ query.every_word DESC, score DESC, d.url, c.ordinal
            LIMIT ?""";

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
