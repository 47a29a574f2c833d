package dev.authrag.application.chat;

import java.time.Duration;

/** Use case: say whether questions can be answered now. */
public interface AnsweringStatus {

    /** How long a failed language model is reported unavailable; clients are told to retry after it. */
    Duration RECOVERY = Duration.ofSeconds(30);

    Availability availability();

    enum Availability {
        AVAILABLE,
        UNAVAILABLE
    }
}
