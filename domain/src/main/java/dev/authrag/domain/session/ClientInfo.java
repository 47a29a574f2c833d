package dev.authrag.domain.session;

/**
 * Where a request came from, as shown to the user in their session list and audit trail.
 *
 * @param ipAddress the client address (may be null when unknown)
 * @param userAgent the User-Agent header, cut to 512 characters and stripped of control characters
 */
public record ClientInfo(String ipAddress, String userAgent) {

    public static final int MAX_USER_AGENT = 512;

    public ClientInfo {
        if (userAgent != null) {
            String cleaned = userAgent.codePoints()
                    .filter(c -> !Character.isISOControl(c))
                    .limit(MAX_USER_AGENT)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString()
                    .strip();
            userAgent = cleaned.isEmpty() ? null : cleaned;
        }
    }

    public static ClientInfo unknown() {
        return new ClientInfo(null, null);
    }
}
