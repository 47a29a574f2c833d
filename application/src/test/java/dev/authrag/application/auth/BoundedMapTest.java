package dev.authrag.application.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedMapTest {

    @Test
    void atItsCapacity_dropsTheLeastRecentlyUsedEntry() {
        BoundedMap<Integer, String> map = new BoundedMap<>(3);
        map.put(1, "one");
        map.put(2, "two");
        map.put(3, "three");
        map.get(1);

        map.put(4, "four");

        assertThat(map.size()).isEqualTo(3);
        assertThat(map.get(2)).as("least recently used").isNull();
        assertThat(map.get(1)).isEqualTo("one");
        assertThat(map.get(4)).isEqualTo("four");
    }

    @Test
    void manyMoreKeysThanItsCapacity_neverHoldMoreThanTheCapacity() {
        BoundedMap<Integer, Integer> map = new BoundedMap<>(100);

        for (int i = 0; i < 100_000; i++) {
            map.put(i, i);
            map.compute(-i, (key, old) -> key);
        }

        assertThat(map.size()).isLessThanOrEqualTo(100);
        assertThat(map.capacity()).isEqualTo(100);
    }

    @Test
    void compute_returningNull_removesTheEntry() {
        BoundedMap<String, String> map = new BoundedMap<>(10);
        map.put("a", "x");

        map.compute("a", (key, old) -> null);

        assertThat(map.get("a")).isNull();
        assertThat(map.size()).isZero();
    }

    @Test
    void aCapacityBelowOne_isRefused() {
        assertThatThrownBy(() -> new BoundedMap<>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
