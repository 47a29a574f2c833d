package dev.authrag.domain.ratelimit;

/**
 * A kind of rate-limit bucket: what is counted and against whom. The policy name is what clients see in the
 * {@code RateLimit} headers and what a bucket's stored key is derived from.
 */
public enum Bucket {
    SIGNIN_IP("signin-ip", "Too many sign-in attempts from your network"),
    SIGNIN_EMAIL("signin-email", "Too many sign-in attempts for this email address"),
    REGISTER_IP("register-ip", "Too many registrations from your network"),
    CHAT_USER("chat-user", "Too many messages"),
    CHANGE_PASSWORD_USER("change-password-user", "Too many password change attempts"),
    TOKEN_SESSION("token-session", "Too many access tokens requested for this session");

    private final String policyName;
    private final String refusal;

    Bucket(String policyName, String refusal) {
        this.policyName = policyName;
        this.refusal = refusal;
    }

    public String policyName() {
        return policyName;
    }

    /** The sentence a refused client reads, without the wait. */
    String refusal() {
        return refusal;
    }
}
