package dev.authrag.application.auth;

import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionId;
import dev.authrag.domain.session.SessionPolicy;
import dev.authrag.domain.session.SessionToken;
import dev.authrag.domain.session.TokenHash;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Resolves a token to its active session and user, and slides the idle expiry on use. {@link SessionMemory} answers
 * what it can, accepting or refusing: a revoked session, or a token storage did not know, is refused from memory after
 * the first lookup, so a flood of bad tokens does not reach storage. Anything memory cannot vouch for, and every
 * sliding-expiry write, goes to storage. Concurrent lookups of one token (or one session id) share a single query, so
 * a burst of one bad or not-yet-remembered credential costs one pooled connection, not one per request.
 */
public final class VerifySessionService implements VerifySession {

    private final Users users;
    private final Sessions sessions;
    private final SessionPolicy policy;
    private final Clock clock;
    private final SessionMemory memory;
    /** Lookups running now, one per key: at most one entry per request in flight, removed when its query ends. */
    private final Map<Object, CompletableFuture<Lookup>> inFlight = new ConcurrentHashMap<>();

    /** A storage answer with the memory's counters read before the query, which every sharer of the answer uses. */
    private record Lookup(Optional<Session> found, long generation, long starts) {
    }

    public VerifySessionService(Users users, Sessions sessions, SessionPolicy policy, Clock clock, SessionMemory memory) {
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
            long generation = memory.generation();
            long starts = memory.starts();
            Lookup lookup = new Lookup(query.get(), generation, starts);
            mine.complete(lookup);
            return lookup;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
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
