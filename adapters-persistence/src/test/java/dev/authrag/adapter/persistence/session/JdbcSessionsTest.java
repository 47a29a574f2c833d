package dev.authrag.adapter.persistence.session;

import dev.authrag.adapter.persistence.testing.OnTestDatabase;
import dev.authrag.adapter.persistence.testing.TestDatabase;
import dev.authrag.adapter.persistence.user.JdbcUsers;
import dev.authrag.application.auth.Sessions;
import dev.authrag.application.auth.SessionsContract;
import dev.authrag.application.auth.Users;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;


/** The {@link Sessions} contract against PostgreSQL with the real migrations (inet addresses, timestamptz). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcSessionsTest extends SessionsContract implements OnTestDatabase {

    private final TestDatabase database = TestDatabase.create("sessions");

    @Inject
    JdbcUsers jdbcUsers;

    @Inject
    JdbcSessions jdbcSessions;

    @Override
    public TestDatabase database() {
        return database;
    }

    @Override
    protected Users users() {
        return jdbcUsers;
    }

    @Override
    protected Sessions sessions() {
        return jdbcSessions;
    }
}
