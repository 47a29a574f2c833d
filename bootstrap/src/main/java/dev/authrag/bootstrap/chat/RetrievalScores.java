package dev.authrag.bootstrap.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The retrieval benchmark's arithmetic over the questions asked: the rank of each question's first right passage
 * (1-based, 0 when none of the passages returned is from a right page) and the time each search took.
 */
final class RetrievalScores {

    private final List<Integer> ranks = new ArrayList<>();
    private final List<Duration> latencies = new ArrayList<>();

    void rank(int rank) {
        if (rank < 0) {
            throw new IllegalArgumentException("a rank is 1-based, 0 for not found; got " + rank);
        }
        ranks.add(rank);
    }

    void latency(Duration latency) {
        latencies.add(latency);
    }

    int questions() {
        return ranks.size();
    }

    /** The share of questions whose first right passage is among the first k. */
    double hitAt(int k) {
        if (ranks.isEmpty()) {
            return 0;
        }
        return (double) ranks.stream().filter(rank -> rank > 0 && rank <= k).count() / ranks.size();
    }

    /** Mean reciprocal rank: 1 for a right first passage, 1/2 for a right second, ..., 0 for none. */
    double meanReciprocalRank() {
        if (ranks.isEmpty()) {
            return 0;
        }
        return ranks.stream().mapToDouble(rank -> rank == 0 ? 0 : 1.0 / rank).sum() / ranks.size();
    }

    /** The nearest-rank percentile (0 < p <= 100) of the search latencies, in milliseconds; 0 with none measured. */
    double latencyMillis(double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("a percentile lies in (0, 100]; got " + percentile);
        }
        if (latencies.isEmpty()) {
            return 0;
        }
        List<Duration> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)).toNanos() / 1_000_000.0;
    }
}
