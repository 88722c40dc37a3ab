package org.polyproto.jakarta.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

/** Argon2id hashes on kept workspaces: the same bytes as a hash on fresh memory, at most one workspace per permit. */
class PasswordHasherTest {

    @Test
    void hashesOnAKeptWorkspaceEqualHashesOnFreshMemory() {
        PasswordHasher hasher = new PasswordHasher(new SecureRandom(), new Bulkhead(1, Duration.ofSeconds(5)));
        for (String password : List.of("correct horse", "battery staple", "correct horse")) {
            String stored = hasher.hash(password);
            assertEquals(stored, reference(password, stored), "a reused block carries nothing over");
            assertTrue(hasher.verify(password, stored));
            assertFalse(hasher.verify(password + "!", stored));
        }
        assertEquals(1, hasher.workspaces(), "one hash at a time: one workspace, reused");
    }

    @Test
    void noMoreWorkspacesThanPermitsUnderConcurrentHashes() throws Exception {
        PasswordHasher hasher = new PasswordHasher(new SecureRandom(), new Bulkhead(2, Duration.ofSeconds(30)));
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String password = "password " + i;
                checks.add(pool.submit(() -> {
                    start.await();
                    String stored = hasher.hash(password);
                    return stored.equals(reference(password, stored)) && hasher.verify(password, stored);
                }));
            }
            for (Future<Boolean> check : checks) {
                assertTrue(check.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(hasher.workspaces() >= 1 && hasher.workspaces() <= 2, "workspaces: " + hasher.workspaces());
    }

    @Test
    void aWorkspaceKeepsOneHashsBlocksAndNoMore() {
        Argon2Workspace workspace = new Argon2Workspace(3);
        List<Argon2BytesGenerator.Block> blocks = List.of(workspace.allocate(), workspace.allocate(),
                workspace.allocate(), workspace.allocate());
        blocks.forEach(workspace::deallocate);
        assertEquals(3, workspace.kept());
        assertEquals(blocks.get(2), workspace.allocate(), "the last block handed back comes out first");
    }

    /** The PHC string BouncyCastle computes for {@code stored}'s salt on fresh memory, without a pool. */
    private static String reference(String password, String stored) {
        String[] parts = stored.split("\\$");
        byte[] salt = Base64.getDecoder().decode(parts[4]);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(PasswordHasher.MEMORY_KIB)
                .withIterations(PasswordHasher.ITERATIONS).withParallelism(PasswordHasher.PARALLELISM)
                .withSalt(salt).build());
        byte[] out = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return String.join("$", parts[0], parts[1], parts[2], parts[3], parts[4],
                Base64.getEncoder().withoutPadding().encodeToString(out));
    }
}
