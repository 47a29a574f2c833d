package dev.authrag.bootstrap;

import dev.authrag.bootstrap.settings.Setting;

import java.util.Locale;
import java.util.Set;

/**
 * LOG_LEVEL sets the root logger's level in logback.xml (default {@code info}). Logback reads an unknown value as
 * DEBUG without a word, so start-up checks it first.
 */
public final class LogLevel {

    public static final String VARIABLE = "LOG_LEVEL";
    private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");

    private LogLevel() {
    }

    /** The level to use: {@code info} when unset. */
    public static String check(String value) {
        if (value == null) {
            return "info";
        }
        if (!LEVELS.contains(value.toLowerCase(Locale.ROOT))) {
            throw new Setting.InvalidSettingException(VARIABLE + " must be trace, debug, info, warn, error or off; got '"
                    + value + "'");
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
