package dev.authrag.adapter.web.http.session;

import dev.authrag.domain.session.Session;
import dev.authrag.domain.session.SessionToken;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code session_token} cookie: HttpOnly, Secure, Path=/, SameSite from configuration. With SameSite=None
 * (a front end on another site) it is also Partitioned (CHIPS), which browsers that block third-party cookies
 * still keep. Written by hand because the framework's cookie type has no Partitioned attribute.
 */
public record SessionCookie(SameSite sameSite, Duration maxAge) {

    public static final String NAME = "session_token";

    /** The cookie's SameSite attribute. */
    public enum SameSite {
        STRICT, LAX, NONE;

        /** Parses Strict, Lax or None in any letter case. */
        public static SameSite parse(String value) {
            return valueOf(Objects.requireNonNull(value).strip().toUpperCase(Locale.ROOT));
        }

        String attribute() {
            return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
        }
    }

    public SessionCookie {
        Objects.requireNonNull(sameSite, "same-site");
        Objects.requireNonNull(maxAge, "max-age");
    }

    /** The Set-Cookie value that hands a new session to a browser. */
    public String issue(SessionToken token) {
        return issue(token, maxAge);
    }

    /**
     * The Set-Cookie value that renews a session's cookie when its idle expiry slid: the cookie lives exactly as long
     * as the session now can if unused ({@code session.expiresAt() - session.lastUsedAt()}), never longer.
     */
    public String renew(SessionToken token, Session session) {
        Duration left = Duration.between(session.lastUsedAt(), session.expiresAt());
        return issue(token, left.isNegative() ? Duration.ZERO : left);
    }

    private String issue(SessionToken token, Duration maxAge) {
        return NAME + "=" + token.reveal() + "; Max-Age=" + maxAge.toSeconds() + attributes();
    }

    /** The Set-Cookie value that makes the browser drop the cookie. */
    public String clear() {
        return NAME + "=; Max-Age=0" + attributes();
    }

    private String attributes() {
        return "; Path=/; Secure; HttpOnly; SameSite=" + sameSite.attribute()
                + (sameSite == SameSite.NONE ? "; Partitioned" : "");
    }
}
