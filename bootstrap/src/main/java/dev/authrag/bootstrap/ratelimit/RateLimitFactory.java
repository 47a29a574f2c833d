package dev.authrag.bootstrap.ratelimit;

import dev.authrag.application.audit.AuditTrail;
import dev.authrag.application.ratelimit.AdmitAttempt;
import dev.authrag.application.ratelimit.AdmitAttemptService;
import dev.authrag.application.ratelimit.RateLimiter;
import dev.authrag.bootstrap.settings.Setting;
import dev.authrag.bootstrap.metrics.AuthMetrics;
import dev.authrag.bootstrap.metrics.CountedAdmitAttempt;
import dev.authrag.domain.ratelimit.Bucket;
import dev.authrag.domain.ratelimit.Quota;
import dev.authrag.domain.ratelimit.RateLimits;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/** Wires the rate limiter and turns its settings into the quota of every bucket. */
@Factory
class RateLimitFactory {

    /**
     * Created at start-up ({@code @Context}), so a malformed value stops it; every quota is parsed even when
     * limiting is off, so that a typo does not wait for the day it is switched on.
     */
    @Context
    RateLimits rateLimits(RateLimitSettings settings) {
        Map<Bucket, Quota> quotas = new EnumMap<>(Bucket.class);
        quotas.put(Bucket.SIGNIN_IP, Setting.quota("RATE_LIMIT_SIGNIN_PER_IP", settings.signinPerIp()));
        quotas.put(Bucket.SIGNIN_EMAIL, Setting.quota("RATE_LIMIT_SIGNIN_PER_EMAIL", settings.signinPerEmail()));
        quotas.put(Bucket.REGISTER_IP, Setting.quota("RATE_LIMIT_REGISTER_PER_IP", settings.registerPerIp()));
        quotas.put(Bucket.CHAT_USER, Setting.quota("RATE_LIMIT_CHAT_PER_USER", settings.chatPerUser()));
        quotas.put(Bucket.CHANGE_PASSWORD_USER, Setting.quota("RATE_LIMIT_CHANGE_PASSWORD_PER_USER", settings.changePasswordPerUser()));
        quotas.put(Bucket.TOKEN_SESSION, Setting.quota("RATE_LIMIT_TOKEN_PER_SESSION", settings.tokenPerSession()));
        return new RateLimits(Setting.flag("RATE_LIMIT_ENABLED", settings.enabled()), quotas);
    }

    @Singleton
    AdmitAttempt admitAttempt(RateLimiter limiter, RateLimits limits, Clock clock, AuditTrail audit, AuthMetrics metrics) {
        return new CountedAdmitAttempt(new AdmitAttemptService(limiter, limits, clock, audit), metrics);
    }
}
