package dev.authrag.domain.chat;

/**
 * How many passages a question may bring back, and how relevant each must be.
 *
 * @param topK     1..50 passages at most
 * @param minScore 0..1; a passage scoring lower is left out
 */
public record RetrievalPolicy(int topK, double minScore) {

    public static final int MAX_TOP_K = 50;

    public RetrievalPolicy {
        if (topK < 1 || topK > MAX_TOP_K) {
            throw new IllegalArgumentException("top-k must lie between 1 and " + MAX_TOP_K + "; got " + topK);
        }
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new IllegalArgumentException("the minimum score must lie between 0 and 1; got " + minScore);
        }
    }
}
