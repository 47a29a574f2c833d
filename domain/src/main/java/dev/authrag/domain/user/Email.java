package dev.authrag.domain.user;

import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.auth.AuthException.Reason;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address, normalised (trimmed, lower-cased) so that one mailbox is one account.
 * The syntax check follows RFC 5321/5322's dot-atom form, which is what real mail providers
 * accept: quoted local parts and IP-literal domains are refused on purpose.
 */
public record Email(String value) {

    private static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_LENGTH = 64;
    private static final Pattern LOCAL_PART = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("([a-z]{2,63}|xn--[a-z0-9-]{1,59})");

    public Email {
        if (value == null || !isWellFormed(value)) {
            throw new AuthException(Reason.INVALID_EMAIL, "Enter a valid email address");
        }
    }

    /** Normalises raw input, then validates it. */
    public static Email of(String raw) {
        if (raw == null) {
            throw new AuthException(Reason.INVALID_EMAIL, "Enter a valid email address");
        }
        return new Email(normalise(raw));
    }

    /** The normal form of raw input (trimmed, lower-cased), valid or not; null becomes empty. */
    public static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    /** The part before the '@', used by the password policy. */
    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    private static boolean isWellFormed(String value) {
        if (value.length() > MAX_LENGTH || !value.equals(value.toLowerCase(Locale.ROOT))) {
            return false;
        }
        int at = value.lastIndexOf('@');
        if (at <= 0 || at != value.indexOf('@') || at > MAX_LOCAL_LENGTH) {
            return false;
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        if (!LOCAL_PART.matcher(local).matches()) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!DOMAIN_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return TOP_LEVEL.matcher(labels[labels.length - 1]).matches();
    }
}
