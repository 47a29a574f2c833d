package dev.authrag.domain.session;

import java.util.regex.Pattern;

/** The SHA-256 of a session token, lower-case hex: what storage keeps and looks up by. */
public record TokenHash(String hex) {

    private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

    public TokenHash {
        if (hex == null || !HEX_256.matcher(hex).matches()) {
            throw new IllegalArgumentException("a token hash is 64 lower-case hex digits");
        }
    }

    @Override
    public String toString() {
        return "TokenHash[" + hex.substring(0, 8) + "...]";
    }
}
