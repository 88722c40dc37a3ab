package org.polyproto.jakarta.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.polyproto.jakarta.api.PolyprotoException;

/**
 * Argon2id password hashes in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}), so the parameters travel with every hash. Every
 * derivation, the dummy one for unknown names included, runs inside the {@link Bulkhead}, so a busy server answers
 * 503 {@code UNAVAILABLE} instead of allocating 19 MiB per concurrent request. Each derivation borrows an
 * {@link Argon2Workspace}; as many are made as derivations ever ran at once, at most the bulkhead's permits, and
 * they are kept: 19 MiB each.
 */
public final class PasswordHasher {

    public static final int MEMORY_KIB = 19 * 1024;
    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    private static final int BLOCKS = Argon2BytesGenerator.getBlockCount(MEMORY_KIB, PARALLELISM);
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final SecureRandom random;
    private final Bulkhead bulkhead;
    private final String dummyHash;
    private final Queue<Argon2Workspace> workspaces = new ConcurrentLinkedQueue<>();

    public PasswordHasher(SecureRandom random, Bulkhead bulkhead) {
        this.random = random;
        this.bulkhead = bulkhead;
        this.dummyHash = hash("timing-equaliser-" + random.nextLong());
    }

    /** @throws PolyprotoException {@code UNAVAILABLE} if no turn to hash comes within the bulkhead's wait */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] out = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
    }

    /**
     * Checks {@code password} against an encoded hash in constant time; false for a malformed hash.
     *
     * @throws PolyprotoException {@code UNAVAILABLE} if no turn to hash comes within the bulkhead's wait
     */
    public boolean verify(String password, String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
            return false;
        }
        int m = 0, t = 0, p = 0;
        byte[] salt;
        byte[] expected;
        try {
            for (String kv : parts[3].split(",")) {
                int v = Integer.parseInt(kv.substring(2));
                switch (kv.charAt(0)) {
                    case 'm' -> m = v;
                    case 't' -> t = v;
                    case 'p' -> p = v;
                    default -> {
                        return false;
                    }
                }
            }
            salt = B64D.decode(parts[4]);
            expected = B64D.decode(parts[5]);
        } catch (RuntimeException e) {
            return false;
        }
        try {
            return MessageDigest.isEqual(expected, derive(password, salt, m, t, p, expected.length));
        } catch (PolyprotoException e) {
            throw e;
        } catch (RuntimeException e) {
            return false; // parameters Argon2 refuses
        }
    }

    /** Spends the time of one verification without a stored hash, so unknown names cost what known ones do. */
    public void verifyAgainstDummy(String password) {
        verify(password == null ? "" : password, dummyHash);
    }

    private byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        return bulkhead.run(() -> argon2(password, salt, memoryKib, iterations, parallelism, length));
    }

    private byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2Workspace workspace = workspaces.poll();
        if (workspace == null) {
            workspace = new Argon2Workspace(BLOCKS);
        }
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(memoryKib)
                    .withIterations(iterations)
                    .withParallelism(parallelism)
                    .withSalt(salt)
                    .withBlockPool(workspace)
                    .build());
            byte[] out = new byte[length];
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
            return out;
        } finally {
            workspaces.offer(workspace);
        }
    }

    /** The workspaces made so far (tests). */
    int workspaces() {
        return workspaces.size();
    }
}
