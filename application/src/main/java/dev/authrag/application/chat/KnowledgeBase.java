package dev.authrag.application.chat;

import dev.authrag.domain.chat.Document;
import dev.authrag.domain.chat.Passage;
import dev.authrag.domain.chat.RetrievalPolicy;

import java.util.List;

/** Driven port: the searchable passages of the ingested documentation. */
public interface KnowledgeBase {

    /** The passages most relevant to a question, best first: at most the policy's top-k, none scoring below its minimum. */
    List<Passage> search(String question, RetrievalPolicy policy);

    /** Stores a document's chunks in place of those it had (the same {@link Document#path()}), all or nothing. */
    void replace(Document document, List<Document.Chunk> chunks);
}
