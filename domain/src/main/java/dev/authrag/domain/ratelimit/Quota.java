package dev.authrag.domain.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How many attempts a bucket admits per window, enforced as GCRA (the generic cell rate algorithm): a bucket is
 * one instant, its theoretical arrival time (TAT). Each admitted attempt pushes the TAT one {@link #interval()}
 * further; an attempt is admitted while that keeps the TAT within {@code limit} intervals of now. So a client
 * gets a burst of {@code limit} attempts, then one more every {@code window / limit}: in any stretch of time d
 * at most {@code limit + d / interval} attempts. Unlike a fixed window there is no boundary at which the count
 * resets so that a second full burst fits right after the first.
 *
 * @param limit  attempts admitted in a burst, 1..{@value #MAX_LIMIT}
 * @param window the time in which a drained bucket refills completely; whole seconds, 1 s..31 days
 */
public record Quota(int limit, Duration window) {

    public static final int MAX_LIMIT = 100_000;
    public static final Duration MAX_WINDOW = Duration.ofDays(31);

    public Quota {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a quota admits between 1 and " + MAX_LIMIT + " attempts; got " + limit);
        }
        if (window == null || window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(MAX_WINDOW) > 0
                || window.getNano() != 0) {
            throw new IllegalArgumentException("a quota's window is a whole number of seconds from 1s to 31d; got " + window);
        }
    }

    /** How long one attempt takes to drain from the bucket, to the microsecond (PostgreSQL's precision). */
    public Duration interval() {
        return Duration.of(window.toNanos() / 1_000 / limit, ChronoUnit.MICROS);
    }

    /** The latest TAT at which one more attempt is still admitted at {@code now}. */
    public Instant horizon(Instant now) {
        return now.plus(interval().multipliedBy(limit - 1L));
    }

    /** Whether a bucket at {@code tat} (null: never used or purged) admits an attempt at {@code now}. */
    public boolean admits(Instant tat, Instant now) {
        return !latest(tat, now).isAfter(horizon(now));
    }

    /** The bucket's TAT after one admitted attempt. */
    public Instant advance(Instant tat, Instant now) {
        return latest(tat, now).plus(interval());
    }

    /**
     * Where a bucket stands after an attempt.
     *
     * @param admitted whether the attempt was admitted
     * @param tat      the bucket's TAT after the attempt (unchanged when refused)
     */
    public Admission admission(Bucket bucket, boolean admitted, Instant tat, Instant now) {
        long interval = micros(interval());
        if (!admitted) {
            long untilAdmitted = micros(Duration.between(now, tat)) - interval * (limit - 1L);
            return new Admission(bucket, this, false, 0, Duration.of(Math.max(1, untilAdmitted), ChronoUnit.MICROS));
        }
        long free = interval * limit - Math.max(0, micros(Duration.between(now, tat)));
        int remaining = (int) Math.max(0, Math.min(limit, free / interval));
        long untilMore = (remaining + 1L) * interval - free;
        return new Admission(bucket, this, true, remaining, Duration.of(Math.max(1, untilMore), ChronoUnit.MICROS));
    }

    private static Instant latest(Instant tat, Instant now) {
        return tat == null || tat.isBefore(now) ? now : tat;
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }

    @Override
    public String toString() {
        return limit + "/" + window.toSeconds() + "s";
    }
}
