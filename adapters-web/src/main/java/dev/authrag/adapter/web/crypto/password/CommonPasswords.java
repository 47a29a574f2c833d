package dev.authrag.adapter.web.crypto.password;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The blocklist behind the password policy's {@code common} check: zxcvbn's 30,000 most frequent passwords (from
 * Mark Burnett's leaked-password corpus, as shipped in the MIT-licensed zxcvbn4j jar), read once into memory,
 * lower-cased. It answers whether a lower-cased password is on the list.
 */
public final class CommonPasswords implements Predicate<String> {

    /** Where zxcvbn4j keeps the list: one password a line, most frequent first. */
    static final String ZXCVBN_PASSWORDS = "com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";
    /** Fewer entries means the resource changed shape in a new zxcvbn4j; better to stop than to block nothing. */
    static final int MINIMUM_ENTRIES = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(CommonPasswords.class);

    private final Set<String> passwords;

    private CommonPasswords(Set<String> passwords) {
        // The immutable copy keeps zxcvbn's list in ~1.6 MiB of heap instead of the loading HashSet's ~2.6 MiB.
        this.passwords = Set.copyOf(passwords);
    }

    /** Loads zxcvbn4j's list from the class path; fails when it is missing or suspiciously short. */
    public static CommonPasswords zxcvbn() {
        long started = System.nanoTime();
        try (InputStream in = CommonPasswords.class.getClassLoader().getResourceAsStream(ZXCVBN_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("the common-passwords list " + ZXCVBN_PASSWORDS + " is not on the class path");
            }
            CommonPasswords list = read(in);
            if (list.size() < MINIMUM_ENTRIES) {
                throw new IllegalStateException("the common-passwords list has only " + list.size() + " entries");
            }
            LOG.info("Loaded {} common passwords in {} ms", list.size(), (System.nanoTime() - started) / 1_000_000);
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the common-passwords list", e);
        }
    }

    /** Reads a list of one password a line; blank lines are skipped. */
    static CommonPasswords read(InputStream in) throws IOException {
        // Sized for zxcvbn's 30,000 entries, so the set never rehashes while loading.
        Set<String> passwords = new HashSet<>(65_536);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String entry = line.strip();
            if (!entry.isEmpty()) {
                passwords.add(entry.toLowerCase(Locale.ROOT));
            }
        }
        return new CommonPasswords(passwords);
    }

    @Override
    public boolean test(String password) {
        return passwords.contains(password.toLowerCase(Locale.ROOT));
    }

    public int size() {
        return passwords.size();
    }
}
