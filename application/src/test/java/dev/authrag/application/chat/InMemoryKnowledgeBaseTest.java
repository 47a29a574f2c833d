package dev.authrag.application.chat;

class InMemoryKnowledgeBaseTest extends KnowledgeBaseContract {

    private final InMemoryKnowledgeBase knowledgeBase = new InMemoryKnowledgeBase();

    @Override
    protected KnowledgeBase knowledgeBase() {
        return knowledgeBase;
    }
}
