package dev.authrag.adapter.persistence.testing;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;

import java.util.Map;

/**
 * Puts an adapter test on its own throw-away database: the Micronaut context gets its datasource, and the database
 * is dropped after the class. An interface, because adapter tests already extend their port's contract class.
 * The implementing class needs {@code @TestInstance(PER_CLASS)} (one database per class).
 */
public interface OnTestDatabase extends TestPropertyProvider {

    TestDatabase database();

    @Override
    default Map<String, String> getProperties() {
        return database().properties();
    }

    @AfterAll
    default void dropDatabase() {
        database().close();
    }
}
