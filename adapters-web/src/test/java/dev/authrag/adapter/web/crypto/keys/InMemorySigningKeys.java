package dev.authrag.adapter.web.crypto.keys;

import dev.authrag.application.token.SigningKeys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Test fake of {@link SigningKeys}: a list with the table's unique kid and generation. */
final class InMemorySigningKeys implements SigningKeys {

    private final List<Stored> keys = new ArrayList<>();
    private Runnable beforeNextAdd = () -> { };

    @Override
    public synchronized List<Stored> all() {
        return keys.stream().sorted(Comparator.comparingInt(key -> key.info().generation())).toList();
    }

    @Override
    public boolean add(Stored key) {
        Runnable hook;
        synchronized (this) {
            hook = beforeNextAdd;
            beforeNextAdd = () -> { };
        }
        hook.run();
        synchronized (this) {
            boolean taken = keys.stream().anyMatch(existing -> existing.info().generation() == key.info().generation()
                    || existing.info().keyId().equals(key.info().keyId()));
            if (taken) {
                return false;
            }
            keys.add(key);
            return true;
        }
    }

    /** Runs once, just before the next add: lets another "instance" win a race. */
    synchronized void beforeNextAdd(Runnable hook) {
        beforeNextAdd = hook;
    }

    synchronized int size() {
        return keys.size();
    }
}
