package dev.authrag.application.auth;

import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionPolicy;
import dev.authrag.domain.session.SessionToken;
import dev.authrag.domain.session.TokenHash;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Resolves a token to its active session and user, and slides the idle expiry on use. {@link SessionMemory} answers
 * what it can, accepting or refusing: a revoked session, or a token storage did not know, is refused from memory after
 * the first lookup, so a flood of bad tokens does not reach storage. Anything memory cannot vouch for, and every
 * sliding-expiry write, goes to storage. Concurrent lookups of one token (or one session id) share a single query, so
 * a burst of one bad or not-yet-remembered credential costs one pooled connection, not one per request. Lookups of
 * distinct credentials memory does not know (a flood of random tokens) are bounded too: at most
 * {@code maxConcurrentLookups} run at once, a further one waits up to {@code lookupWait} for a place and is then
 * answered {@link AuthException.Reason#BUSY} (503, retry shortly), never refused as invalid; so such a flood holds
 * at most that many pooled connections, and sign-ins and remembered sessions keep theirs.
 */
public final class VerifySessionService implements VerifySession {

    private final Users users;
    private final Sessions sessions;
    private final SessionPolicy policy;
    private final Clock clock;
    private final SessionMemory memory;
    /** Lookups running now, one per key: at most one entry per request in flight, removed when its query ends. */
    private final Map<Object, CompletableFuture<Lookup>> inFlight = new ConcurrentHashMap<>();
    private final Semaphore lookups;
    private final Duration lookupWait;

    /** A storage answer with the memory's counters read before the query, which every sharer of the answer uses. */
    private record Lookup(Optional<Session> found, long generation, long starts) {
    }

    public VerifySessionService(Users users, Sessions sessions, SessionPolicy policy, Clock clock, SessionMemory memory,
                                int maxConcurrentLookups, Duration lookupWait) {
        if (maxConcurrentLookups < 1 || lookupWait.isNegative()) {
            throw new IllegalArgumentException("at least one concurrent lookup, and a wait that is not negative");
        }
        this.lookups = new Semaphore(maxConcurrentLookups);
        this.lookupWait = lookupWait;
        this.users = users;
        this.sessions = sessions;
        this.policy = policy;
        this.clock = clock;
        this.memory = memory;
    }

    @Override
    public Optional<CurrentSession> verify(SessionToken token) {
        Instant now = clock.instant();
        TokenHash hash = token.hash();
        Recalled recalled = memory.recall(hash, now);
        if (recalled.known()) {
            return recalled.accepted();
        }
        Lookup lookup = shared(hash, () -> sessions.findByTokenHash(hash));
        long generation = lookup.generation();
        Optional<Session> found = lookup.found();
        Optional<Session> active = found.filter(session -> session.isActiveAt(now));
        if (active.isEmpty()) {
            memory.refused(hash, found, lookup.starts(), now);
            return Optional.empty();
        }
        Session session = active.get();
        Optional<Session> touched = session.touch(now, policy);
        touched.ifPresent(sessions::recordUse);
        Session current = touched.orElse(session);
        Optional<CurrentSession> resolved = users.findById(current.userId()).map(user -> new CurrentSession(user, current));
        resolved.ifPresent(resolvedSession -> memory.remember(hash, resolvedSession, generation));
        return resolved.map(caller -> new CurrentSession(caller.user(), caller.session(), touched.isPresent()));
    }

    @Override
    public Optional<CurrentSession> current(SessionId id) {
        Instant now = clock.instant();
        Recalled recalled = memory.recall(id, now);
        if (recalled.known()) {
            return recalled.accepted();
        }
        Lookup lookup = shared(id, () -> sessions.findById(id));
        long generation = lookup.generation();
        Optional<Session> found = lookup.found();
        Optional<CurrentSession> resolved = found
                .filter(session -> session.isActiveAt(now))
                .flatMap(session -> users.findById(session.userId()).map(user -> new CurrentSession(user, session)));
        resolved.ifPresentOrElse(active -> memory.remember(null, active, generation), () -> memory.refused(id, found, now));
        return resolved;
    }

    /** Runs the query, or joins the one already running for the same key. */
    private Lookup shared(Object key, Supplier<Optional<Session>> query) {
        CompletableFuture<Lookup> mine = new CompletableFuture<>();
        CompletableFuture<Lookup> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                // the query's own failure (a database outage, say), as the request that ran it saw it
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            acquireLookup();
        } catch (RuntimeException busy) {
            mine.completeExceptionally(busy);
            inFlight.remove(key, mine);
            throw busy;
        }
        try {
            long generation = memory.generation();
            long starts = memory.starts();
            Lookup lookup = new Lookup(query.get(), generation, starts);
            mine.complete(lookup);
            return lookup;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            lookups.release();
            inFlight.remove(key, mine);
        }
    }

    private void acquireLookup() {
        boolean acquired;
        try {
            acquired = lookups.tryAcquire(lookupWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw AuthException.busy("Too many credentials are being looked up; retry in a moment.", Duration.ofSeconds(1));
        }
    }

    @Override
    public Recalled verifyFromMemory(SessionToken token) {
        return memory.recall(token.hash(), clock.instant());
    }

    @Override
    public Recalled currentFromMemory(SessionId id) {
        return memory.recall(id, clock.instant());
    }
}
