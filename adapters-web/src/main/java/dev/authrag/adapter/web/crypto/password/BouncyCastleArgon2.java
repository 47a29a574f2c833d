package dev.authrag.adapter.web.crypto.password;

import dev.authrag.adapter.web.crypto.password.Argon2PasswordHasher.Cost;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** {@link Argon2id} in pure Java (BouncyCastle's {@code Argon2BytesGenerator}): runs on any JVM. */
public final class BouncyCastleArgon2 implements Argon2id {

    /**
     * Each hashing thread keeps its own pool of Argon2 memory blocks (m KiB), zeroed and returned after every hash:
     * without it every hash allocates m KiB afresh, which on a small heap makes the collector, not Argon2, the
     * bottleneck (measured here: 37 hashes/s with fresh blocks, see ADR 0005 for the figures with the pool). A pool
     * keeps at most the blocks of the largest cost its thread has hashed with, and never more than
     * {@link #MAX_RETAINED_KIB}: a stored hash of a larger cost (verifying accepts up to 256 MiB) gets blocks of its
     * own, released after the hash.
     */
    private static final ThreadLocal<Blocks> BLOCKS = new ThreadLocal<>();
    private static final int MAX_RETAINED_KIB = 64 * 1024;
    /** Beyond the blocks: the generator, its buffers and the collector's headroom, per hash. */
    private static final long SLACK_BYTES = 1L << 20;

    private record Blocks(int count, Argon2BytesGenerator.BlockPool pool) {
    }

    @Override
    public byte[] hash(byte[] password, byte[] salt, Cost cost, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withBlockPool(blocksFor(cost))
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    @Override
    public String description() {
        return "Argon2id BouncyCastle (Java)";
    }

    /**
     * The heap one hashing thread holds at this cost: its retained blocks (m KiB) and a little more. Hashing threads
     * times this must fit the heap with room to spare, or the collector, not Argon2, runs the show.
     */
    public static long heapBytesPerThread(Cost cost) {
        return cost.memoryKiB() * 1024L + SLACK_BYTES;
    }

    private static Argon2BytesGenerator.BlockPool blocksFor(Cost cost) {
        int count = Argon2BytesGenerator.getBlockCount(cost.memoryKiB(), cost.parallelism());
        if (count > MAX_RETAINED_KIB) {
            return new Argon2BytesGenerator.FixedBlockPool(count);
        }
        Blocks blocks = BLOCKS.get();
        if (blocks == null || blocks.count() < count) {
            blocks = new Blocks(count, new Argon2BytesGenerator.FixedBlockPool(count));
            BLOCKS.set(blocks);
        }
        return blocks.pool();
    }
}
