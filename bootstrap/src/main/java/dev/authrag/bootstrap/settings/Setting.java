package dev.authrag.bootstrap.settings;

import dev.authrag.domain.ratelimit.Quota;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a deployer's setting and, when it is malformed, stops start-up with a message that names the
 * environment variable and says what is expected.
 */
public final class Setting {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(b|kib|mib|gib)?");

    /** A setting that cannot be used; its message names the variable. */
    public static final class InvalidSettingException extends RuntimeException {
        public InvalidSettingException(String message) {
            super(message, null, false, false);
        }
    }

    private Setting() {
    }

    /** {@code 30s}, {@code 15m}, {@code 1h}, {@code 7d} or ISO-8601 ({@code PT15M}); positive. */
    public static Duration duration(String variable, String value) {
        String trimmed = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        Matcher simple = SIMPLE_DURATION.matcher(trimmed);
        Duration parsed;
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            parsed = switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                parsed = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new InvalidSettingException(variable + " must be a duration such as 30s, 15m, 1h or 7d; got '" + value + "'");
            }
        }
        if (parsed.isZero() || parsed.isNegative()) {
            throw new InvalidSettingException(variable + " must be a positive duration; got '" + value + "'");
        }
        return parsed;
    }

    /** A whole number within [min, max]. */
    public static int integer(String variable, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value == null ? "" : value.strip());
            if (parsed < min || parsed > max) {
                throw new InvalidSettingException(variable + " must lie between " + min + " and " + max + "; got " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(variable + " must be a whole number; got '" + value + "'");
        }
    }

    /** A size in bytes within [min, max]: {@code 5MiB}, {@code 512KiB}, {@code 1GiB} or a plain number of bytes. */
    public static long bytes(String variable, String value, long min, long max) {
        String trimmed = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        Matcher size = SIZE.matcher(trimmed);
        if (!size.matches()) {
            throw new InvalidSettingException(variable + " must be a size such as 5MiB, 512KiB or a number of bytes; got '" + value + "'");
        }
        long unit = size.group(2) == null ? 1 : switch (size.group(2)) {
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            default -> 1;
        };
        long amount = Long.parseLong(size.group(1));
        if (amount > max / unit || amount * unit < min) {
            throw new InvalidSettingException(variable + " must lie between " + min + " and " + max + " bytes; got '" + value + "'");
        }
        return amount * unit;
    }

    /** {@code true} or {@code false}, in any letter case. */
    public static boolean flag(String variable, String value) {
        String trimmed = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (trimmed) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidSettingException(variable + " must be true or false; got '" + value + "'");
        };
    }

    /** A rate-limit quota, {@code <attempts>/<window>}: {@code 10/5m}, {@code 5/1m}, {@code 100/PT1H}. */
    public static Quota quota(String variable, String value) {
        String trimmed = value == null ? "" : value.strip();
        int slash = trimmed.indexOf('/');
        if (slash <= 0 || slash == trimmed.length() - 1) {
            throw new InvalidSettingException(variable + " must be <attempts>/<window> such as 10/5m; got '" + value + "'");
        }
        int limit = integer(variable, trimmed.substring(0, slash), 1, Quota.MAX_LIMIT);
        Duration window = duration(variable, trimmed.substring(slash + 1));
        try {
            return new Quota(limit, window);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(variable + " must have a window of whole seconds from 1s to 31d; got '" + value + "'");
        }
    }
}
