package dev.authrag.application.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A map that holds at most {@code capacity} entries, dropping the least recently used first. A large one is striped:
 * each key belongs to one of several access-ordered maps with a lock of its own, so concurrent requests rarely wait on
 * each other, and "least recently used" holds within a stripe. {@link #compute} runs under the key's stripe lock,
 * which is what makes check-then-write atomic for callers.
 */
public final class BoundedMap<K, V> {

    private static final int STRIPES = 16;
    /** Below this capacity one stripe: exact LRU, and no stripe so small that it churns. */
    private static final int STRIPED_FROM = 1024;

    private final Stripe<K, V>[] stripes;
    private final int capacity;

    @SuppressWarnings("unchecked")
    public BoundedMap(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        int stripeCount = capacity < STRIPED_FROM ? 1 : STRIPES;
        this.stripes = new Stripe[stripeCount];
        for (int i = 0; i < stripeCount; i++) {
            // the remainder goes to the first stripes, so the stripes together hold exactly capacity entries
            stripes[i] = new Stripe<>(capacity / stripeCount + (i < capacity % stripeCount ? 1 : 0));
        }
    }

    public V get(K key) {
        Stripe<K, V> stripe = stripe(key);
        synchronized (stripe) {
            return stripe.get(key);
        }
    }

    public void put(K key, V value) {
        Stripe<K, V> stripe = stripe(key);
        synchronized (stripe) {
            stripe.put(key, value);
        }
    }

    public void remove(K key) {
        Stripe<K, V> stripe = stripe(key);
        synchronized (stripe) {
            stripe.remove(key);
        }
    }

    /** Like {@link Map#compute}, atomically for the key: a null result removes the entry. */
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
        Stripe<K, V> stripe = stripe(key);
        synchronized (stripe) {
            return stripe.compute(key, remapping);
        }
    }

    public int size() {
        int size = 0;
        for (Stripe<K, V> stripe : stripes) {
            synchronized (stripe) {
                size += stripe.size();
            }
        }
        return size;
    }

    public int capacity() {
        return capacity;
    }

    private Stripe<K, V> stripe(K key) {
        int h = key.hashCode();
        return stripes[Math.floorMod(h ^ (h >>> 16), stripes.length)];
    }

    private static final class Stripe<K, V> extends LinkedHashMap<K, V> {

        private final int limit;

        Stripe(int limit) {
            super(16, 0.75f, true);
            this.limit = limit;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > limit;
        }
    }
}
