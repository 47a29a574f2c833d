package dev.authrag.domain.audit;

import dev.authrag.domain.ratelimit.Bucket;
import dev.authrag.domain.session.ClientInfo;
import dev.authrag.domain.session.RevokeReason;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.user.UserId;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Something security-relevant that happened to an account or a sign-in attempt, as the audit trail keeps it and
 * its owner sees it. It never holds a secret: no password, token, hash or cookie has a place here, and the
 * reason is a stable code rather than free text so that no submitted value can slip in.
 *
 * @param userId    the account concerned, when known (a sign-in for an unknown email has none)
 * @param sessionId the session concerned, when there is one
 * @param reason    a snake_case code saying why (required for failures), such as {@code wrong_password}
 * @param requestId the id of the HTTP request that caused it, for finding its log lines (may be null)
 */
public record SecurityEvent(UUID id,
                            Instant occurredAt,
                            Type type,
                            String reason,
                            UserId userId,
                            SessionId sessionId,
                            ClientInfo client,
                            String requestId) {

    public static final int MAX_REQUEST_ID = 128;
    private static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,64}");

    /** What happened. The snake_case {@link #code()} is stable: log queries, the table and the API use it. */
    public enum Type {
        REGISTRATION_SUCCESS(Outcome.SUCCESS),
        REGISTRATION_FAILED(Outcome.FAILURE),
        SIGNIN_SUCCESS(Outcome.SUCCESS),
        SIGNIN_FAILED(Outcome.FAILURE),
        SIGNIN_LOCKED(Outcome.FAILURE),
        SIGNOUT(Outcome.SUCCESS),
        SESSION_REVOKED(Outcome.SUCCESS),
        RATE_LIMITED(Outcome.FAILURE),
        PASSWORD_CHANGED(Outcome.SUCCESS),
        PASSWORD_CHANGE_FAILED(Outcome.FAILURE);

        private final Outcome outcome;

        Type(Outcome outcome) {
            this.outcome = outcome;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether an event of this type reports something that was done or something that was refused. */
        public Outcome outcome() {
            return outcome;
        }

        public static Optional<Type> fromCode(String code) {
            return Arrays.stream(values()).filter(type -> type.code().equals(code)).findFirst();
        }
    }

    /** Done or refused; follows from the type, so a row can never claim a refused sign-in succeeded. */
    public enum Outcome {
        SUCCESS, FAILURE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SecurityEvent {
        Objects.requireNonNull(id, "event id");
        Objects.requireNonNull(occurredAt, "occurred at");
        Objects.requireNonNull(type, "event type");
        client = client == null ? ClientInfo.unknown() : client;
        if (reason != null && !CODE.matcher(reason).matches()) {
            throw new IllegalArgumentException("an event reason is a snake_case code of at most 64 characters");
        }
        if (reason == null && type.outcome() == Outcome.FAILURE) {
            throw new IllegalArgumentException("a " + type.code() + " event needs a reason");
        }
        if (requestId != null && (requestId.isEmpty() || requestId.length() > MAX_REQUEST_ID)) {
            throw new IllegalArgumentException("a request id has 1.." + MAX_REQUEST_ID + " characters");
        }
    }

    /** A new event of an anonymous caller; add what is known with the {@code with...} methods. */
    public static SecurityEvent of(Type type, Instant occurredAt, ClientInfo client, String reason) {
        return new SecurityEvent(UUID.randomUUID(), occurredAt, type, reason, null, null, client, null);
    }

    /** A new event with no reason to give (only successes may omit it). */
    public static SecurityEvent of(Type type, Instant occurredAt, ClientInfo client) {
        return of(type, occurredAt, client, null);
    }

    /**
     * A session of {@code user} ended before it expired, for {@code why}; {@code client} is where the request that
     * ended it came from (which is not where the session began, for any reason but a sign-out).
     */
    public static SecurityEvent sessionRevoked(UserId user, SessionId session, RevokeReason why, Instant at, ClientInfo client) {
        return of(Type.SESSION_REVOKED, at, client, why.code()).withUser(user).withSession(session);
    }

    /**
     * A request refused by {@code bucket}'s limit, with the policy as the reason ({@code signin_ip}, {@code signin_email},
     * {@code register_ip}, {@code chat_user},
     * {@code change_password_user}, {@code token_session}). Anonymous: finding the account behind a flood would cost a lookup per request.
     */
    public static SecurityEvent rateLimited(Bucket bucket, Instant at, ClientInfo client) {
        return of(Type.RATE_LIMITED, at, client, bucket.policyName().replace('-', '_'));
    }

    public SecurityEvent withUser(UserId user) {
        return new SecurityEvent(id, occurredAt, type, reason, Objects.requireNonNull(user, "user id"), sessionId, client, requestId);
    }

    public SecurityEvent withSession(SessionId session) {
        return new SecurityEvent(id, occurredAt, type, reason, userId, Objects.requireNonNull(session, "session id"), client, requestId);
    }

    public SecurityEvent withRequestId(String request) {
        return new SecurityEvent(id, occurredAt, type, reason, userId, sessionId, client, request);
    }

    public Outcome outcome() {
        return type.outcome();
    }
}
