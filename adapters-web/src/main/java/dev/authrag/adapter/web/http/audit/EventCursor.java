package dev.authrag.adapter.web.http.audit;

import dev.authrag.application.audit.AuditTrail.Position;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code before} / {@code next_before} cursor: base64url of the last listed event's time and id. Opaque to
 * clients, so the keyset behind it can change without breaking them; it reveals nothing they were not shown.
 */
final class EventCursor {

    private static final int MAX_LENGTH = 128;

    private EventCursor() {
    }

    static String encode(Position position) {
        String plain = position.occurredAt() + "_" + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** Empty when the text is not a cursor this service issued. */
    static Optional<Position> decode(String cursor) {
        if (cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            int separator = plain.lastIndexOf('_');
            if (separator < 0) {
                return Optional.empty();
            }
            return Optional.of(new Position(Instant.parse(plain.substring(0, separator)),
                    UUID.fromString(plain.substring(separator + 1))));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
