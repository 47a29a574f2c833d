package dev.authrag.bootstrap.auth;

import dev.authrag.adapter.web.http.session.SessionCookie;
import dev.authrag.adapter.web.crypto.password.Argon2PasswordHasher;
import dev.authrag.adapter.web.crypto.password.Argon2id;
import dev.authrag.adapter.web.crypto.password.BouncyCastleArgon2;
import dev.authrag.adapter.web.crypto.password.CommonPasswords;
import dev.authrag.adapter.web.crypto.password.NativeArgon2;
import dev.authrag.application.audit.AuditTrail;
import dev.authrag.application.auth.AccountLockouts;
import dev.authrag.application.auth.ChangePassword;
import dev.authrag.application.auth.ChangePasswordService;
import dev.authrag.application.auth.ListSessions;
import dev.authrag.application.auth.ListSessionsService;
import dev.authrag.application.auth.PasswordHasher;
import dev.authrag.application.auth.PurgeEndedSessions;
import dev.authrag.application.auth.PurgeEndedSessionsService;
import dev.authrag.application.auth.RegisterUser;
import dev.authrag.application.auth.RegisterUserService;
import dev.authrag.application.auth.RevokeOtherSessions;
import dev.authrag.application.auth.RevokeOtherSessionsService;
import dev.authrag.application.auth.RevokeSession;
import dev.authrag.application.auth.RevokeSessionService;
import dev.authrag.application.auth.SessionEnding;
import dev.authrag.application.auth.SessionMemory;
import dev.authrag.application.auth.Sessions;
import dev.authrag.application.auth.SignIn;
import dev.authrag.application.auth.SignInService;
import dev.authrag.application.auth.SignOut;
import dev.authrag.application.auth.SignOutService;
import dev.authrag.application.auth.Transactions;
import dev.authrag.application.auth.Users;
import dev.authrag.application.auth.VerifySession;
import dev.authrag.application.auth.VerifySessionService;
import dev.authrag.bootstrap.settings.Setting;
import dev.authrag.domain.lockout.LockoutPolicy;
import dev.authrag.domain.session.SessionLimit;
import dev.authrag.domain.session.SessionPolicy;
import dev.authrag.domain.user.PasswordPolicy;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/** Wires the auth use cases to their adapters and turns settings into policies. */
@Factory
class AuthFactory {

    /** How long a lookup of an unknown credential waits for a place before the request is told to retry (503). */
    static final Duration CREDENTIAL_LOOKUP_WAIT = Duration.ofMillis(250);

    private static final Logger LOG = LoggerFactory.getLogger(AuthFactory.class);

    /** Rows one purge statement deletes: small enough for short locks, large enough to keep up. */
    private static final int PURGE_BATCH = 1000;

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Singleton
    SessionPolicy sessionPolicy(AuthSettings settings) {
        try {
            return new SessionPolicy(
                    Setting.duration("SESSION_IDLE_TIMEOUT", settings.sessionIdleTimeout()),
                    Setting.duration("SESSION_ABSOLUTE_LIFETIME", settings.sessionAbsoluteLifetime()),
                    Setting.duration("SESSION_UPDATE_AGE", settings.sessionUpdateAge()));
        } catch (IllegalArgumentException e) {
            throw new Setting.InvalidSettingException("SESSION_IDLE_TIMEOUT, SESSION_ABSOLUTE_LIFETIME and SESSION_UPDATE_AGE: "
                    + e.getMessage());
        }
    }

    @Singleton
    SessionLimit sessionLimit(AuthSettings settings) {
        return new SessionLimit(Setting.integer("MAX_SESSIONS_PER_USER", settings.maxSessionsPerUser(), 1,
                SessionLimit.CEILING));
    }

    @Singleton
    LockoutPolicy lockoutPolicy(LockoutSettings settings) {
        int threshold = Setting.integer("LOCKOUT_THRESHOLD", settings.threshold(), 1, 1_000);
        Duration duration = Setting.duration("LOCKOUT_DURATION", settings.duration());
        Duration max = Setting.duration("LOCKOUT_MAX_DURATION", settings.maxDuration());
        if (max.compareTo(duration) < 0) {
            throw new Setting.InvalidSettingException("LOCKOUT_MAX_DURATION must be at least LOCKOUT_DURATION ("
                    + settings.duration() + "); got '" + settings.maxDuration() + "'");
        }
        return LockoutPolicy.of(threshold, duration, max);
    }

    @Singleton
    CommonPasswords commonPasswords() {
        return CommonPasswords.zxcvbn();
    }

    @Singleton
    PasswordPolicy passwordPolicy(AuthSettings settings, CommonPasswords commonPasswords) {
        int min = Setting.integer("PASSWORD_MIN_LENGTH", settings.passwordMinLength(),
                PasswordPolicy.ABSOLUTE_MIN, PasswordPolicy.ABSOLUTE_MAX);
        return new PasswordPolicy(min, PasswordPolicy.ABSOLUTE_MAX, commonPasswords);
    }

    @Singleton
    SessionCookie sessionCookie(AuthSettings settings, SessionPolicy policy) {
        try {
            return new SessionCookie(SessionCookie.SameSite.parse(settings.cookieSameSite()), policy.idleTimeout());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Setting.InvalidSettingException("COOKIE_SAMESITE must be Strict, Lax or None; got '"
                    + settings.cookieSameSite() + "'");
        }
    }

    /** Created at start-up ({@code @Context}): a bad setting stops it, and the log names the implementation at once. */
    @Context
    @Bean(typed = {PasswordHasher.class, Argon2PasswordHasher.class}, preDestroy = "close")
    Argon2PasswordHasher passwordHasher(AuthSettings settings) {
        int cores = Runtime.getRuntime().availableProcessors();
        int queue = Setting.integer("PASSWORD_HASH_QUEUE", settings.hashQueue(), 1, 10_000);
        Argon2id argon2 = argon2id(settings.hashImplementation(), NativeArgon2::load);
        Argon2PasswordHasher.Cost cost = Argon2PasswordHasher.Cost.owasp();
        int threads = hashThreads(settings.hashThreads(), cores, argon2, cost, Runtime.getRuntime().maxMemory());
        Duration maxWait = Setting.duration("PASSWORD_HASH_MAX_WAIT", settings.hashMaxWait());
        LOG.info("password hashing: {}, {} threads, queue {}, max wait {} ms", argon2.description(), threads, queue,
                maxWait.toMillis());
        return new Argon2PasswordHasher(argon2, cost, threads, queue, maxWait);
    }

    /**
     * PASSWORD_HASH_THREADS, bounded by the heap when hashing in Java: each Java hashing thread keeps about m KiB of
     * Argon2 blocks on the heap (BouncyCastleArgon2), and together they may take at most half of it. The default
     * (one thread per core) is lowered to what fits, with a warning; a value set explicitly that does not fit, or a
     * heap too small for even one thread, stops start-up naming both PASSWORD_HASH_THREADS and the heap. The native
     * implementation hashes outside the heap and is not bounded here.
     */
    static int hashThreads(String setting, int cores, Argon2id argon2, Argon2PasswordHasher.Cost cost, long maxHeapBytes) {
        boolean explicit = setting != null && !setting.isBlank();
        int threads = Setting.integer("PASSWORD_HASH_THREADS", explicit ? setting : String.valueOf(cores), 1, 64);
        if (!(argon2 instanceof BouncyCastleArgon2)) {
            return threads;
        }
        long perThread = BouncyCastleArgon2.heapBytesPerThread(cost);
        long fitting = maxHeapBytes / 2 / perThread;
        if (threads <= fitting) {
            return threads;
        }
        String heap = (maxHeapBytes >> 20) + " MiB";
        if (explicit || fitting < 1) {
            throw new Setting.InvalidSettingException("PASSWORD_HASH_THREADS=" + threads + " needs about "
                    + (threads * perThread >> 20) + " MiB of heap to hash in Java (" + (perThread >> 20) + " MiB a thread), "
                    + "more than half the " + heap + " heap: lower PASSWORD_HASH_THREADS to at most " + Math.max(1, fitting)
                    + " or raise the heap (-Xmx in JAVA_OPTS)" + (fitting < 1 ? " to at least " + (4 * perThread >> 20) + " MiB" : ""));
        }
        LOG.warn("password hashing: {} threads (one per core) would need about {} MiB of heap to hash in Java, more than half "
                + "the {} heap; hashing with {} threads (raise the heap with -Xmx in JAVA_OPTS, or set PASSWORD_HASH_THREADS)",
                threads, threads * perThread >> 20, heap, fitting);
        return (int) fitting;
    }

    /** How the native Argon2id is loaded: {@link NativeArgon2#load()}, or a stand-in in tests. */
    @FunctionalInterface
    interface NativeLoader {
        Argon2id load() throws NativeArgon2.UnavailableException;
    }

    /**
     * PASSWORD_HASH_IMPLEMENTATION: {@code auto} (the default) hashes natively where the native library loads and
     * in Java elsewhere, saying why; {@code native} stops start-up where it cannot load; {@code java} never tries.
     * Both give the same bytes, so the choice never affects stored hashes.
     */
    static Argon2id argon2id(String implementation, NativeLoader nativeLoader) {
        String choice = implementation == null || implementation.isBlank() ? "auto" : implementation.strip().toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "java" -> new BouncyCastleArgon2();
            case "native" -> {
                try {
                    yield nativeLoader.load();
                } catch (NativeArgon2.UnavailableException | LinkageError e) {
                    throw new Setting.InvalidSettingException("PASSWORD_HASH_IMPLEMENTATION is native, but the native Argon2id "
                            + "cannot be used here: " + reason(e) + ". Set PASSWORD_HASH_IMPLEMENTATION=auto or java to hash in Java");
                }
            }
            case "auto" -> {
                try {
                    yield nativeLoader.load();
                } catch (NativeArgon2.UnavailableException | LinkageError e) {
                    LOG.warn("password hashing: the native Argon2id cannot be used here, hashing in Java (2-3 times slower; "
                            + "PASSWORD_HASH_IMPLEMENTATION=java silences this): {}", reason(e));
                    yield new BouncyCastleArgon2();
                }
            }
            default -> throw new Setting.InvalidSettingException("PASSWORD_HASH_IMPLEMENTATION must be auto, native or java; got '"
                    + implementation + "'");
        };
    }

    /** A loading failure's reason; a LinkageError (the class itself failed to link) by its kind as well. */
    private static String reason(Throwable failure) {
        return failure instanceof NativeArgon2.UnavailableException ? failure.getMessage() : failure.toString();
    }

    @Singleton
    RegisterUser registerUser(Users users, PasswordHasher hasher, PasswordPolicy policy, Clock clock, AuditTrail audit) {
        return new RegisterUserService(users, hasher, policy, clock, audit);
    }

    /**
     * Sessions, and token hashes, this instance remembers (least recently used dropped first): about 1 KB a session
     * with its user, so some 100 MB at most.
     */
    static final int SESSION_MEMORY = 100_000;
    /** How far back each poll re-reads revocations made elsewhere, on the database's clock (late commits). */
    static final Duration REVOCATION_LOOK_BACK = Duration.ofMinutes(1);
    /** How long a refused token, or an ended session, is answered from memory before storage is asked again. */
    static final Duration REFUSAL_MEMORY = Duration.ofMinutes(10);

    @Singleton
    SessionMemory sessionMemory(Sessions sessions, SessionPolicy policy) {
        return new SessionMemory(sessions, policy, REVOCATION_LOOK_BACK, REFUSAL_MEMORY, SESSION_MEMORY);
    }

    /** The one way a session ends: store, audit trail and this instance's memory. */
    @Singleton
    SessionEnding sessionEnding(Sessions sessions, SessionMemory memory, AuditTrail audit, Transactions transactions) {
        return new SessionEnding(sessions, memory, audit, transactions);
    }

    @Singleton
    SignIn signIn(Users users, SessionEnding sessionEnding, Transactions transactions, AccountLockouts lockouts,
                  PasswordHasher hasher, SessionPolicy policy, SessionLimit limit, LockoutPolicy lockoutPolicy, Clock clock,
                  SecureRandom random, AuditTrail audit) {
        return new SignInService(users, sessionEnding, transactions, lockouts, hasher, policy, limit, lockoutPolicy, clock,
                random, audit);
    }

    @Singleton
    SignOut signOut(Sessions sessions, SessionEnding sessionEnding, Clock clock) {
        return new SignOutService(sessions, sessionEnding, clock);
    }

    /**
     * Lookups of credentials memory does not know may hold at most half the pool (at least one), so a flood of random
     * tokens leaves connections for everything else; a lookup waits up to {@link #CREDENTIAL_LOOKUP_WAIT} for a place.
     */
    @Singleton
    VerifySession verifySession(Users users, Sessions sessions, SessionPolicy policy, Clock clock, SessionMemory memory,
                                @Value("${datasources.default.maximum-pool-size:10}") int poolSize) {
        return new VerifySessionService(users, sessions, policy, clock, memory, Math.max(1, poolSize / 2),
                CREDENTIAL_LOOKUP_WAIT);
    }

    @Singleton
    ListSessions listSessions(Sessions sessions, Clock clock) {
        return new ListSessionsService(sessions, clock);
    }

    @Singleton
    RevokeSession revokeSession(Sessions sessions, SessionEnding sessionEnding, Clock clock) {
        return new RevokeSessionService(sessions, sessionEnding, clock);
    }

    @Singleton
    RevokeOtherSessions revokeOtherSessions(SessionEnding sessionEnding, Clock clock) {
        return new RevokeOtherSessionsService(sessionEnding, clock);
    }

    /**
     * No {@code @Transactional} here: around the whole use case it would hold a pooled connection while Argon2 verifies
     * and hashes. The service hashes first, then stores the hash and ends the other sessions in one {@link Transactions}.
     */
    @Singleton
    ChangePassword changePassword(Users users, SessionEnding sessionEnding, Transactions transactions,
                                  AccountLockouts lockouts, PasswordHasher hasher, PasswordPolicy policy,
                                  LockoutPolicy lockoutPolicy, Clock clock, AuditTrail audit) {
        return new ChangePasswordService(users, sessionEnding, transactions, lockouts, hasher, policy, lockoutPolicy,
                clock, audit);
    }

    @Singleton
    PurgeEndedSessions purgeEndedSessions(Sessions sessions, AuthSettings settings, Clock clock) {
        return new PurgeEndedSessionsService(sessions, Setting.duration("SESSION_PURGE_AFTER", settings.sessionPurgeAfter()),
                PURGE_BATCH, clock);
    }
}
