package dev.authrag.adapter.web.crypto.password;

import dev.authrag.adapter.web.crypto.password.Argon2PasswordHasher.Cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link Argon2id} by the reference C implementation (phc-winner-argon2, {@code src/main/c}), two to three times
 * faster than BouncyCastle. The build compiles it for Linux x86-64 into two JNI libraries on the class path: a
 * baseline one (SSE2, any x86-64) and one for AVX2; {@link #load()} picks the best this CPU runs.
 */
public final class NativeArgon2 implements Argon2id {

    /** Where the build puts the libraries, relative to the class-path root. */
    static final String RESOURCE_DIRECTORY = "native/linux-x86-64/";
    static final String BASELINE_LIBRARY = "libauthrag-argon2.so";
    static final String AVX2_LIBRARY = "libauthrag-argon2-avx2.so";

    private static final int ARGON2_OK = 0;

    /** The native library could not be loaded here; the message says why. */
    public static final class UnavailableException extends Exception {
        UnavailableException(String reason) {
            super(reason, null, false, false);
        }
    }

    private final String variant;

    private NativeArgon2(String variant) {
        this.variant = variant;
    }

    /**
     * The native Argon2id, loaded once per process: AVX2 when the CPU has it, else baseline x86-64; it must
     * reproduce BouncyCastle's bytes for a small cost before it is used.
     *
     * @throws UnavailableException when this platform has none, the libraries are not on the class path (the
     *                              build left them out), or they do not load or do not agree with BouncyCastle
     */
    public static NativeArgon2 load() throws UnavailableException {
        return Loading.ONCE.result();
    }

    /** Loads a library file into the process: {@link System#load}, or a stand-in in tests. */
    @FunctionalInterface
    interface LibraryLoader {
        void load(String path);
    }

    /** A fresh attempt (not the process's cached one) with this loader: for tests of the failure paths. */
    static NativeArgon2 load(LibraryLoader loader) throws UnavailableException {
        return Loading.attempt(loader).result();
    }

    @Override
    public byte[] hash(byte[] password, byte[] salt, Cost cost, int length) {
        byte[] out = new byte[length];
        int code = hashRaw(password, salt, cost.iterations(), cost.memoryKiB(), cost.parallelism(), out);
        if (code != ARGON2_OK) {
            throw new IllegalStateException("native Argon2id failed with error " + code + ": " + errorMessage(code));
        }
        return out;
    }

    @Override
    public String description() {
        return "Argon2id native (" + variant + ")";
    }

    /** Argon2id (version 1.3) of password and salt into {@code out}; 0, or one of argon2.h's negative error codes. */
    private static native int hashRaw(byte[] password, byte[] salt, int iterations, int memoryKiB, int parallelism, byte[] out);

    private static native String errorMessage(int code);

    /** Only in the baseline library: whether CPU and kernel support AVX2. */
    private static native boolean avx2Supported();

    /** The outcome of loading, computed once: {@code System.load} binds a library to the process for good. */
    private record Loading(NativeArgon2 argon2, String reason) {

        static final Loading ONCE = attempt(System::load);

        NativeArgon2 result() throws UnavailableException {
            if (argon2 == null) {
                throw new UnavailableException(reason);
            }
            return argon2;
        }

        /**
         * Any failure to load (an {@code UnsatisfiedLinkError}, a {@code NoClassDefFoundError} or any other
         * {@code LinkageError}, an I/O or runtime failure) is a reason, never a thrown error: {@code auto} then hashes
         * in Java instead of failing start-up.
         */
        private static Loading attempt(LibraryLoader loader) {
            String os = System.getProperty("os.name", "");
            String arch = System.getProperty("os.arch", "");
            if (!os.toLowerCase(Locale.ROOT).startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
                return new Loading(null, "no native Argon2id is built for " + os + " " + arch + " (only Linux x86-64)");
            }
            if (NativeArgon2.class.getClassLoader().getResource(RESOURCE_DIRECTORY + BASELINE_LIBRARY) == null) {
                return new Loading(null, RESOURCE_DIRECTORY + BASELINE_LIBRARY
                        + " is not on the class path (the build left it out: no gcc, or -Dargon2.native.skip=true)");
            }
            Path directory = null;
            try {
                // owner-only, so no other local user can swap the library between writing and loading it
                directory = Files.createTempDirectory("authrag-argon2-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                loader.load(extract(BASELINE_LIBRARY, directory).toString());
                String variant = "baseline x86-64";
                if (avx2Supported()) {
                    try {
                        loader.load(extract(AVX2_LIBRARY, directory).toString());
                        variant = "avx2";
                    } catch (IOException | LinkageError e) {
                        variant = "baseline x86-64, as the AVX2 library did not load: " + e.getMessage();
                    }
                }
                NativeArgon2 argon2 = new NativeArgon2(variant);
                String disagreement = disagreementWithBouncyCastle(argon2);
                if (disagreement != null) {
                    return new Loading(null, "the native library (" + variant + ") " + disagreement);
                }
                return new Loading(argon2, null);
            } catch (IOException | LinkageError | RuntimeException e) {
                return new Loading(null, "the native library did not load from " + System.getProperty("java.io.tmpdir")
                        + " (java.io.tmpdir; it must be writable and not mounted noexec): " + e);
            } finally {
                deleteQuietly(directory);
            }
        }

        private static Path extract(String library, Path directory) throws IOException {
            Path file = directory.resolve(library);
            try (InputStream in = NativeArgon2.class.getClassLoader().getResourceAsStream(RESOURCE_DIRECTORY + library)) {
                if (in == null) {
                    throw new IOException(RESOURCE_DIRECTORY + library + " is not on the class path");
                }
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                    in.transferTo(out);
                }
            }
            return file;
        }

        /** A loaded library stays mapped after its file is gone, so nothing is left behind in the temp directory. */
        private static void deleteQuietly(Path directory) {
            if (directory == null) {
                return;
            }
            try {
                Files.deleteIfExists(directory.resolve(BASELINE_LIBRARY));
                Files.deleteIfExists(directory.resolve(AVX2_LIBRARY));
                Files.deleteIfExists(directory);
            } catch (IOException ignored) {
                // a leftover owner-only directory holds no secret
            }
        }

        /** Null when the native code reproduces BouncyCastle's bytes on a cheap cost with two lanes; else what differs. */
        private static String disagreementWithBouncyCastle(NativeArgon2 argon2) {
            byte[] password = "authrag native self-test".getBytes(StandardCharsets.UTF_8);
            byte[] salt = "authrag-selftest".getBytes(StandardCharsets.UTF_8);
            Cost cost = new Cost(64, 2, 2);
            try {
                byte[] expected = new BouncyCastleArgon2().hash(password, salt, cost, 32);
                if (!Arrays.equals(argon2.hash(password, salt, cost, 32), expected)) {
                    return "gives other bytes than BouncyCastle in its self-test";
                }
                return null;
            } catch (RuntimeException | LinkageError e) {
                return "failed its self-test: " + e;
            }
        }
    }
}
