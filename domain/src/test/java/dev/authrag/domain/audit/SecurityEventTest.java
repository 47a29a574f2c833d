package dev.authrag.domain.audit;

import dev.authrag.domain.audit.SecurityEvent.Outcome;
import dev.authrag.domain.audit.SecurityEvent.Type;
import dev.authrag.domain.ratelimit.Bucket;
import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityEventTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final ClientInfo CLIENT = new ClientInfo("203.0.113.7", "curl/8.5.0");

    @Test
    void theTypeCodes_areTheStableSnakeCaseNamesThatLogsAndTheApiUse() {
        assertThat(Type.values()).extracting(Type::code).containsExactly(
                "registration_success", "registration_failed", "signin_success", "signin_failed", "signin_locked",
                "signout", "session_revoked", "rate_limited", "password_changed", "password_change_failed");
    }

    @ParameterizedTest
    @EnumSource(Type.class)
    void everyTypeCode_readsBackAsItsType(Type type) {
        assertThat(Type.fromCode(type.code())).contains(type);
    }

    @Test
    void anUnknownTypeCode_readsAsNothing() {
        assertThat(Type.fromCode("SIGNIN_SUCCESS")).isEmpty();
        assertThat(Type.fromCode("coffee_break")).isEmpty();
    }

    @Test
    void theOutcome_followsFromTheType() {
        assertThat(SecurityEvent.of(Type.SIGNIN_SUCCESS, T0, CLIENT).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(SecurityEvent.of(Type.SIGNIN_FAILED, T0, CLIENT, "wrong_password").outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(SecurityEvent.of(Type.RATE_LIMITED, T0, CLIENT, "signin_per_ip").outcome().code()).isEqualTo("failure");
    }

    @ParameterizedTest
    @EnumSource(value = Type.class, names = {"REGISTRATION_FAILED", "SIGNIN_FAILED", "SIGNIN_LOCKED", "RATE_LIMITED"})
    void aFailure_withoutAReason_isRejected(Type type) {
        assertThatThrownBy(() -> SecurityEvent.of(type, T0, CLIENT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(type.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Wrong Password", "wrong-password", "password=hunter2",
            "a_reason_that_is_far_too_long_to_be_a_stable_code_for_anything_at_all"})
    void aReason_thatIsNotASnakeCaseCode_isRejected(String reason) {
        assertThatThrownBy(() -> SecurityEvent.of(Type.SIGNIN_FAILED, T0, CLIENT, reason))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRequestId_longerThan128Characters_isRejected() {
        SecurityEvent event = SecurityEvent.of(Type.SIGNOUT, T0, CLIENT);

        assertThat(event.withRequestId("r".repeat(128)).requestId()).hasSize(128);
        assertThatThrownBy(() -> event.withRequestId("r".repeat(129))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> event.withRequestId("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWithMethods_addWhatIsKnownAndKeepTheRest() {
        UserId user = UserId.random();
        SessionId session = SessionId.random();
        SecurityEvent anonymous = SecurityEvent.of(Type.SIGNIN_SUCCESS, T0, CLIENT);

        SecurityEvent full = anonymous.withUser(user).withSession(session).withRequestId("req-1");

        assertThat(anonymous.userId()).isNull();
        assertThat(full.id()).isEqualTo(anonymous.id());
        assertThat(full.occurredAt()).isEqualTo(T0);
        assertThat(full.type()).isEqualTo(Type.SIGNIN_SUCCESS);
        assertThat(full.userId()).isEqualTo(user);
        assertThat(full.sessionId()).isEqualTo(session);
        assertThat(full.client()).isEqualTo(CLIENT);
        assertThat(full.requestId()).isEqualTo("req-1");
    }

    @Test
    void twoNewEvents_haveDifferentIds() {
        assertThat(SecurityEvent.of(Type.SIGNOUT, T0, CLIENT).id()).isNotEqualTo(SecurityEvent.of(Type.SIGNOUT, T0, CLIENT).id());
    }

    @Test
    void aMissingClient_isUnknown() {
        assertThat(SecurityEvent.of(Type.SIGNOUT, T0, null).client()).isEqualTo(ClientInfo.unknown());
    }

    @ParameterizedTest
    @EnumSource(RevokeReason.class)
    void aRevokedSession_isASuccessOfTheUserAndSession_withTheRevokeReasonAsItsCode(RevokeReason why) {
        UserId user = UserId.random();
        SessionId session = SessionId.random();

        SecurityEvent event = SecurityEvent.sessionRevoked(user, session, why, T0, CLIENT);

        assertThat(event.type()).isEqualTo(Type.SESSION_REVOKED);
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.reason()).isEqualTo(why.name().toLowerCase());
        assertThat(event.userId()).isEqualTo(user);
        assertThat(event.sessionId()).isEqualTo(session);
        assertThat(event.client()).isEqualTo(CLIENT);
        assertThat(event.occurredAt()).isEqualTo(T0);
    }

    @Test
    void aRateLimitedRequest_isAnAnonymousFailure_namingThePolicy() {
        assertThat(Bucket.values()).extracting(bucket -> SecurityEvent.rateLimited(bucket, T0, CLIENT).reason())
                .containsExactly("signin_ip", "signin_email", "register_ip", "chat_user", "change_password_user",
                        "token_session");
        SecurityEvent event = SecurityEvent.rateLimited(Bucket.SIGNIN_EMAIL, T0, CLIENT);
        assertThat(event.type()).isEqualTo(Type.RATE_LIMITED);
        assertThat(event.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(event.userId()).isNull();
        assertThat(event.client()).isEqualTo(CLIENT);
    }
}
