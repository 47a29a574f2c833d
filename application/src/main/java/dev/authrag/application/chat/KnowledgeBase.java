package dev.authrag.application.chat;

import dev.authrag.domain.chat.Document;
import dev.authrag.domain.chat.Passage;
import dev.authrag.domain.chat.RetrievalPolicy;

import java.util.List;

/** Driven port: the searchable passages of the ingested documentation. */
public interface KnowledgeBase {

    /** The passages most relevant to a question, best first: at most the policy's top-k, none scoring below its minimum. */
    List<Passage> search(String question, RetrievalPolicy policy);

    /**
     * Stores a document's chunks in place of those it had, all or nothing. A document is its {@link Document#url()}: two
     * files served at one URL are one page. No chunks removes the document.
     */
    void replace(Document document, List<Document.Chunk> chunks);
}
