package dev.authrag.application.auth;

class InMemoryUsersTest extends UsersContract {

    private final InMemoryUsers users = new InMemoryUsers();

    @Override
    protected Users users() {
        return users;
    }
}
