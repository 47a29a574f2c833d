package dev.authrag.application.chat;

import dev.authrag.application.auth.InMemoryUsers;
import dev.authrag.application.auth.Users;

class InMemoryConversationsTest extends ConversationsContract {

    private final InMemoryUsers users = new InMemoryUsers();
    private final InMemoryConversations conversations = new InMemoryConversations();

    @Override
    protected Users users() {
        return users;
    }

    @Override
    protected Conversations conversations() {
        return conversations;
    }
}
