package dev.authrag.application.ratelimit;

class InMemoryRateLimiterTest extends RateLimiterContract {

    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter();

    @Override
    protected RateLimiter limiter() {
        return limiter;
    }
}
