package dev.authrag.adapter.web.http.problem;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class UnexpectedFailureHandlerTest {

    @Test
    void poolTimeouts_connectionStates_andRefusedSockets_meanTheDatabaseIsUnreachable() {
        assertThat(UnexpectedFailureHandler.isDatabaseUnreachable(wrapped(new SQLTransientConnectionException("timeout")))).isTrue();
        assertThat(UnexpectedFailureHandler.isDatabaseUnreachable(wrapped(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(UnexpectedFailureHandler.isDatabaseUnreachable(wrapped(new SQLException("shutting down", "57P01")))).isTrue();
        assertThat(UnexpectedFailureHandler.isDatabaseUnreachable(wrapped(new ConnectException("refused")))).isTrue();
    }

    @Test
    void theConnectionThePoolEvicted_isALostConnection_evenWithoutASqlState() {
        assertThat(UnexpectedFailureHandler.isDatabaseUnreachable(wrapped(new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void aLostConnection_hiddenAsASuppressedException_isFound() {
        RuntimeException cleanUp = new IllegalStateException("could not reset the connection");
        cleanUp.addSuppressed(new SQLException("I/O error", "08006"));
        assertThat(UnexpectedFailureHandler.isDatabaseUnreachable(wrapped(cleanUp))).isTrue();
    }

    @Test
    void otherSqlFailures_andBugs_areNot() {
        assertThat(UnexpectedFailureHandler.isDatabaseUnreachable(wrapped(new SQLException("syntax error", "42601")))).isFalse();
        assertThat(UnexpectedFailureHandler.isDatabaseUnreachable(wrapped(new SQLException("something else")))).isFalse();
        assertThat(UnexpectedFailureHandler.isDatabaseUnreachable(new NullPointerException())).isFalse();
    }

    @Test
    void aCauseChainThatLoops_ends() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(UnexpectedFailureHandler.isDatabaseUnreachable(first)).isFalse();
    }

    private static RuntimeException wrapped(Throwable cause) {
        return new RuntimeException("data access failed", new IllegalStateException("inner", cause));
    }
}
