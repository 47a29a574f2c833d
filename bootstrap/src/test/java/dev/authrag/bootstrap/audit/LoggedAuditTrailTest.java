package dev.authrag.bootstrap.audit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.authrag.application.audit.AuditTrail;
import dev.authrag.domain.audit.SecurityEvent;
import dev.authrag.domain.audit.SecurityEvent.Type;
import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class LoggedAuditTrailTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final ClientInfo CLIENT = new ClientInfo("203.0.113.7", "curl/8.5.0");

    private final Logger logger = (Logger) LoggerFactory.getLogger(LoggedAuditTrail.LOGGER);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final List<SecurityEvent> stored = new ArrayList<>();
    private final UserId alice = UserId.random();

    @BeforeEach
    void captureTheAuditLogger() {
        lines.start();
        logger.addAppender(lines);
        MDC.clear();
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
        MDC.clear();
    }

    @Test
    void record_stampsTheRequestIdFromTheLoggingContext_logsOneLine_andStoresTheEvent() {
        MDC.put("request_id", "req-42");
        SessionId session = SessionId.random();
        SecurityEvent event = SecurityEvent.of(Type.SIGNIN_FAILED, T0, CLIENT, "wrong_password").withUser(alice).withSession(session);

        new LoggedAuditTrail(storing()).record(event);

        assertThat(stored).singleElement().satisfies(row -> {
            assertThat(row.requestId()).isEqualTo("req-42");
            assertThat(row.id()).isEqualTo(event.id());
        });
        ILoggingEvent line = lines.list.get(0);
        assertThat(lines.list).hasSize(1);
        assertThat(line.getLevel()).isEqualTo(Level.INFO);
        assertThat(line.getFormattedMessage()).isEqualTo("security event signin_failed");
        assertThat(fields(line)).containsEntry("event", "signin_failed").containsEntry("outcome", "failure")
                .containsEntry("reason", "wrong_password").containsEntry("session_id", session.toString())
                .containsEntry("client_ip", "203.0.113.7").containsEntry("event_id", event.id().toString());
        assertThat(line.getMDCPropertyMap()).containsEntry("request_id", "req-42").containsEntry("user_id", alice.toString());
        assertThat(MDC.get("user_id")).as("the event's user is lent to its line only").isNull();
    }

    @Test
    void record_whenTheStoreFails_logsTheEventAtErrorAndLetsTheRequestGoOn() {
        AuditTrail failing = new AuditTrail() {
            @Override
            public void record(SecurityEvent event) {
                throw new IllegalStateException("database is down");
            }

            @Override
            public List<SecurityEvent> newestFirst(UserId owner, Position after, int limit) {
                return List.of();
            }

            @Override
            public int forgetBefore(Instant cutoff, int batch) {
                return 0;
            }
        };

        assertThatCode(() -> new LoggedAuditTrail(failing).record(SecurityEvent.of(Type.SIGNOUT, T0, CLIENT).withUser(alice)))
                .doesNotThrowAnyException();

        assertThat(lines.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO, Level.ERROR);
        ILoggingEvent error = lines.list.get(1);
        assertThat(error.getFormattedMessage()).startsWith("audit_write_failed");
        assertThat(fields(error)).containsEntry("event", "signout");
        assertThat(error.getThrowableProxy().getMessage()).isEqualTo("database is down");
    }

    @Test
    void record_ofAnEventAboutAnotherUser_keepsTheCallerAsUserAndNamesTheSubject() {
        UserId bob = UserId.random();
        MDC.put("user_id", alice.toString());

        new LoggedAuditTrail(storing()).record(SecurityEvent.of(Type.SESSION_REVOKED, T0, CLIENT).withUser(bob));

        assertThat(lines.list.get(0).getMDCPropertyMap()).containsEntry("user_id", alice.toString());
        assertThat(fields(lines.list.get(0))).containsEntry("subject_user_id", bob.toString());
        assertThat(MDC.get("user_id")).isEqualTo(alice.toString());
    }

    @Test
    void record_outsideARequest_storesNoRequestId() {
        new LoggedAuditTrail(storing()).record(SecurityEvent.of(Type.SIGNOUT, T0, CLIENT).withUser(alice));

        assertThat(stored).singleElement().satisfies(row -> assertThat(row.requestId()).isNull());
    }

    private AuditTrail storing() {
        return new AuditTrail() {
            @Override
            public void record(SecurityEvent event) {
                stored.add(event);
            }

            @Override
            public List<SecurityEvent> newestFirst(UserId owner, Position after, int limit) {
                return List.of();
            }

            @Override
            public int forgetBefore(Instant cutoff, int batch) {
                return 0;
            }
        };
    }

    private static Map<String, Object> fields(ILoggingEvent line) {
        return line.getKeyValuePairs().stream().collect(Collectors.toMap(pair -> pair.key, pair -> pair.value));
    }
}
