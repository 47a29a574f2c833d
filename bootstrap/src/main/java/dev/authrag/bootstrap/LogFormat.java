package dev.authrag.bootstrap;

import dev.authrag.bootstrap.settings.Setting;

import java.util.Set;

/**
 * LOG_FORMAT chooses the logback include that logback.xml loads ({@code logback-json.xml} or
 * {@code logback-text.xml}). An unknown value would make that include find nothing and leave the service without
 * any log output, so start-up checks it first.
 */
public final class LogFormat {

    public static final String VARIABLE = "LOG_FORMAT";
    private static final Set<String> FORMATS = Set.of("json", "text");

    private LogFormat() {
    }

    /** The format to use: {@code json} when unset. */
    public static String check(String value) {
        if (value == null) {
            return "json";
        }
        if (!FORMATS.contains(value)) {
            throw new Setting.InvalidSettingException(VARIABLE + " must be json or text; got '" + value + "'");
        }
        return value;
    }
}
