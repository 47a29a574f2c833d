package dev.authrag.domain.user;

import dev.authrag.domain.auth.AuthException;
import dev.authrag.domain.auth.AuthException.Reason;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What makes a password acceptable: a length range and no composition rules (NIST SP 800-63B),
 * not one of the commonly used passwords, and not the account's own email name.
 *
 * @param minLength   fewest characters (code points), at least 8
 * @param maxLength   most characters; bounded so hashing cost cannot be abused
 * @param commonPasswords tells whether a (lower-cased) password is on the common-passwords list
 */
public record PasswordPolicy(int minLength, int maxLength, Predicate<String> commonPasswords) {

    public static final int ABSOLUTE_MIN = 8;
    public static final int ABSOLUTE_MAX = 128;

    public PasswordPolicy {
        if (minLength < ABSOLUTE_MIN || maxLength > ABSOLUTE_MAX || minLength > maxLength) {
            throw new IllegalArgumentException(
                    "password length must lie within " + ABSOLUTE_MIN + ".." + ABSOLUTE_MAX + ", got " + minLength + ".." + maxLength);
        }
        if (commonPasswords == null) {
            commonPasswords = candidate -> false;
        }
    }

    /** The default policy: 8..128 characters and no blocklist. */
    public static PasswordPolicy standard() {
        return new PasswordPolicy(ABSOLUTE_MIN, ABSOLUTE_MAX, candidate -> false);
    }

    /** Throws {@code WEAK_PASSWORD} naming every failed check; returns quietly when the password is acceptable. */
    public void check(Password password, Email email) {
        List<String> reasons = new ArrayList<>();
        int length = password.length();
        if (length < minLength) {
            reasons.add("too_short");
        }
        if (length > maxLength) {
            reasons.add("too_long");
        }
        String lowered = password.reveal().toLowerCase(Locale.ROOT);
        if (commonPasswords.test(lowered)) {
            reasons.add("common");
        }
        String local = email.localPart();
        if (local.length() >= 3 && lowered.contains(local)) {
            reasons.add("contains_email");
        }
        if (!reasons.isEmpty()) {
            throw new AuthException(Reason.WEAK_PASSWORD, describe(reasons), reasons);
        }
    }

    private String describe(List<String> reasons) {
        List<String> sentences = new ArrayList<>();
        for (String reason : reasons) {
            sentences.add(switch (reason) {
                case "too_short" -> "Use at least " + minLength + " characters.";
                case "too_long" -> "Use at most " + maxLength + " characters.";
                case "common" -> "This password is too common; choose another.";
                case "contains_email" -> "The password must not contain your email name.";
                default -> reason;
            });
        }
        return String.join(" ", sentences);
    }
}
