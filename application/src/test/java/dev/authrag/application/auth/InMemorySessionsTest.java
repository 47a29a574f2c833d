package dev.authrag.application.auth;

class InMemorySessionsTest extends SessionsContract {

    private final InMemorySessions sessions = new InMemorySessions();
    private final InMemoryUsers users = new InMemoryUsers();

    @Override
    protected Users users() {
        return users;
    }

    @Override
    protected Sessions sessions() {
        return sessions;
    }
}
