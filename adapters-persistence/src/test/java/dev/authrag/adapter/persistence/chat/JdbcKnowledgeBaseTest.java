package dev.authrag.adapter.persistence.chat;

import dev.authrag.adapter.persistence.testing.OnTestDatabase;
import dev.authrag.adapter.persistence.testing.TestDatabase;
import dev.authrag.application.chat.KnowledgeBase;
import dev.authrag.application.chat.KnowledgeBaseContract;
import dev.authrag.domain.chat.ChunkingPolicy;
import dev.authrag.domain.chat.Document;
import dev.authrag.domain.chat.Passage;
import dev.authrag.domain.chat.RetrievalPolicy;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@link KnowledgeBase} contract on PostgreSQL full-text search, and what only the real search does. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcKnowledgeBaseTest extends KnowledgeBaseContract implements OnTestDatabase {

    private static final String BASE = "https://docs.example.com";
    private static final RetrievalPolicy TOP_5 = new RetrievalPolicy(5, 0);

    private final TestDatabase database = TestDatabase.create("knowledge");

    @Inject
    JdbcKnowledgeBase jdbcKnowledgeBase;

    @Override
    public TestDatabase database() {
        return database;
    }

    @Override
    protected KnowledgeBase knowledgeBase() {
        return jdbcKnowledgeBase;
    }

    @Test
    void aNaturalQuestion_findsTheChunkByStemmedWords_despiteWordsTheChunkLacks() {
        store("stem/pool.md", "# Tuning\n\n## Connection pools\n\nThe pool holds ten connections by default; raise it for busy servers.\n");
        store("stem/other.md", "# Other\n\nSomething about certificates and renewals.\n");

        List<Passage> found = jdbcKnowledgeBase.search("How many connections does the pooling keep?", TOP_5);

        assertThat(found).isNotEmpty();
        assertThat(found.get(0).title()).isEqualTo("Tuning › Connection pools");
        assertThat(found.get(0).score()).isBetween(0.0, 1.0);
    }

    @Test
    void chunksHoldingEveryWord_rankAboveChunksHoldingSome() {
        store("rank/a.md", "# A\n\nrotation rotation rotation rotation of things.\n");
        store("rank/b.md", "# B\n\nkey rotation happens every ninety days.\n");

        List<Passage> found = jdbcKnowledgeBase.search("key rotation", TOP_5);

        assertThat(found).extracting(Passage::url).startsWith(BASE + "/rank/b");
    }

    @Test
    void aRareWordOfTheQuestion_outweighsAWordFoundEverywhere_evenRepeated() {
        for (int i = 0; i < 12; i++) {
            store("idf/common-" + i + ".md", "# Part " + i + "\n\nEvery part of the machine has a gizmo inside.\n");
        }
        store("idf/noise.md", "# Noise\n\nThe gizmo, the gizmo, the gizmo and the gizmo again.\n");
        store("idf/answer.md", "# Answer\n\nTighten the sprocket by hand before the first run.\n");

        List<Passage> found = jdbcKnowledgeBase.search("how do I adjust the gizmo sprocket?", TOP_5);

        assertThat(found).extracting(Passage::url).startsWith(BASE + "/idf/answer");
    }

    @Test
    void aWordCommonerThanTheCandidateBudget_addsToScoresButFindsNoCandidates() {
        RetrievalPolicy top50 = new RetrievalPolicy(RetrievalPolicy.MAX_TOP_K, 0);
        store("budget/ocelots.md", sections("Ocelots", "Ocelot", "An ocelot naps.", JdbcKnowledgeBase.CANDIDATE_BUDGET + 1));

        // the rarer word's chunks number one fewer than the budget: the commoner word still brings its chunks
        store("budget/lynxes.md", sections("Lynxes", "Part", "The lynx prowls.", JdbcKnowledgeBase.CANDIDATE_BUDGET - 1));
        assertThat(jdbcKnowledgeBase.search("lynx ocelot", top50)).extracting(Passage::url).contains(BASE + "/budget/ocelots");

        // as many as the budget: only the rarer word's chunks are candidates
        store("budget/lynxes.md", sections("Lynxes", "Part", "The lynx prowls.", JdbcKnowledgeBase.CANDIDATE_BUDGET));
        assertThat(jdbcKnowledgeBase.search("lynx ocelot", top50)).extracting(Passage::url).containsOnly(BASE + "/budget/lynxes");
        // the rarest word always counts, however common
        assertThat(jdbcKnowledgeBase.search("ocelot", TOP_5)).extracting(Passage::url).containsOnly(BASE + "/budget/ocelots");
    }

    @Test
    void onlyTheRarestWordsOfALongQuestionCount() {
        List<String> rare = new ArrayList<>();
        for (int i = 0; i < JdbcKnowledgeBase.MAX_WORDS; i++) {
            rare.add("a" + (char) ('a' + i / 26) + (char) ('a' + i % 26) + "krumbo"); // one chunk each: rarer than tapir
        }
        store("words/rare.md", "# Rare\n\n" + String.join(" ", rare) + "\n");
        store("words/tapir-1.md", "# One\n\nA tapir grazes.\n");
        store("words/tapir-2.md", "# Two\n\nA tapir sleeps.\n");
        RetrievalPolicy top50 = new RetrievalPolicy(RetrievalPolicy.MAX_TOP_K, 0);

        String justEnough = String.join(" ", rare.subList(1, rare.size())) + " tapir";
        assertThat(jdbcKnowledgeBase.search(justEnough, top50)).extracting(Passage::url).contains(BASE + "/words/tapir-1");
        String oneTooMany = String.join(" ", rare) + " tapir";
        assertThat(jdbcKnowledgeBase.search(oneTooMany, top50)).extracting(Passage::url).containsOnly(BASE + "/words/rare");
    }

    private static String sections(String title, String heading, String text, int count) {
        StringBuilder markdown = new StringBuilder("# " + title + "\n\n");
        for (int i = 0; i < count; i++) {
            markdown.append("## ").append(heading).append(' ').append(i).append("\n\n").append(text).append("\n\n");
        }
        return markdown.toString();
    }

    @Test
    void theWordCounts_followEveryStoreReplaceAndRemove() throws Exception {
        store("counts/a.md", "# Alpha\n\nThe quokka naps.\n\n## More\n\nA quokka and a wombat.\n");
        store("counts/b.md", "# Beta\n\nA wombat digs.\n");
        assertThat(chunksHolding("quokka")).isEqualTo(2);
        assertThat(chunksHolding("wombat")).isEqualTo(2);

        store("counts/a.md", "# Alpha\n\nOnly a wombat now.\n");
        assertThat(chunksHolding("quokka")).isZero();
        assertThat(chunksHolding("wombat")).isEqualTo(2);

        jdbcKnowledgeBase.replace(Document.parse("counts/b.md", "", BASE), List.of());
        assertThat(chunksHolding("wombat")).isEqualTo(1);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT (SELECT count(*) FROM knowledge_lexemes WHERE chunks = 0), "
                     + "(SELECT sum(chunks) FROM knowledge_lexemes) = (SELECT sum(length(search)) FROM knowledge_chunks)")) {
            rows.next();
            assertThat(rows.getInt(1)).as("words held by no chunk are forgotten").isZero();
            assertThat(rows.getBoolean(2)).as("the counts add up to the chunks' words").isTrue();
        }
    }

    @Test
    void twoIngestionsAtOnce_takeTurns_insteadOfDeadlockingOnTheWordCounts() throws Exception {
        store("turns/one.md", "# One\n\nfirst\n");
        store("turns/two.md", "# Two\n\nsecond\n");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection first = database.connect(); Connection second = database.connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            insertChunk(first, "/turns/one", 10, "emu koala");
            int secondPid = backendPid(second);
            Future<?> other = executor.submit(() -> {
                insertChunk(second, "/turns/two", 10, "dingo");
                insertChunk(second, "/turns/two", 11, "koala"); // the first holds koala's count
                second.commit();
                return null;
            });
            awaitLockWait(secondPid);
            insertChunk(first, "/turns/one", 11, "dingo"); // without turns, the second holds dingo's count: a deadlock

            first.commit();
            other.get(60, TimeUnit.SECONDS);
        } finally {
            executor.shutdownNow();
        }
        assertThat(chunksHolding("dingo")).isEqualTo(2);
        assertThat(chunksHolding("koala")).isEqualTo(2);
        assertThat(chunksHolding("emu")).isEqualTo(1);
    }

    private void insertChunk(Connection connection, String path, int ordinal, String content) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO knowledge_chunks (document_id, ordinal, title, "
                + "content) SELECT id, ?, 'T', ? FROM knowledge_documents WHERE url = ?")) {
            insert.setInt(1, ordinal);
            insert.setString(2, content);
            insert.setString(3, BASE + path);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private static int backendPid(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }

    /** Returns once the backend waits for a lock: a point of order between two connections, not a timing. */
    private void awaitLockWait(int pid) throws Exception {
        try (Connection watcher = database.connect();
             PreparedStatement waiting = watcher.prepareStatement("SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = ?")) {
            waiting.setInt(1, pid);
            for (int attempt = 0; attempt < 3000; attempt++) {
                try (ResultSet row = waiting.executeQuery()) {
                    if (row.next() && row.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError("backend " + pid + " never waited for a lock");
    }

    @Test
    void aFailedReplace_leavesTheDocumentAsItWas() throws Exception {
        store("tx/page.md", "# Page\n\nThe original cormorant text.\n");
        Document document = Document.parse("tx/page.md", "# Page\n\nnew", BASE);
        List<Document.Chunk> broken = List.of(new Document.Chunk(0, "Page", "fine cormorant"),
                new Document.Chunk(1, "Page", "a NUL \u0000 PostgreSQL refuses"));

        assertThatThrownBy(() -> jdbcKnowledgeBase.replace(document, broken)).isInstanceOf(RuntimeException.class);

        assertThat(jdbcKnowledgeBase.search("cormorant", TOP_5)).extracting(Passage::text).containsExactly("The original cormorant text.");
    }

    @Test
    void questionSyntax_neverFails_andStopWordsAloneFindNothing() {
        store("syntax/a.md", "# A\n\nThe heron gateway.\n");

        assertThat(jdbcKnowledgeBase.search("\"heron gateway\" OR -x & | ! ( ) ' :*", TOP_5)).isNotEmpty();
        assertThat(jdbcKnowledgeBase.search("the and of it", TOP_5)).isEmpty();
    }

    @Test
    void aReplacedDocument_keepsOneRow() throws Exception {
        store("rows/a.md", "# A\n\none\n");
        store("rows/a.md", "# A\n\ntwo\n\n## B\n\nthree\n");

        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(DISTINCT d.id), count(*) FROM knowledge_documents d "
                     + "JOIN knowledge_chunks c ON c.document_id = d.id WHERE d.url = '" + BASE + "/rows/a'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
            assertThat(rows.getInt(2)).isEqualTo(2);
        }
    }

    private int chunksHolding(String lexeme) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT coalesce(max(chunks), 0) FROM knowledge_lexemes WHERE lexeme = '" + lexeme + "'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private void store(String path, String markdown) {
        Document document = Document.parse(path, markdown, BASE);
        jdbcKnowledgeBase.replace(document, document.chunks(ChunkingPolicy.standard()));
    }
}
