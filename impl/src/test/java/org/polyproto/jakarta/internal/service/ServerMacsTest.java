package org.polyproto.jakarta.internal.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The MACs of {@link ServerMacs}: HMAC-SHA256 under a key per purpose, derived from the server key in force. */
class ServerMacsTest {

    private final ServiceFixture f = new ServiceFixture(Map.of());

    @Test
    void aMacIsHmacSha256UnderTheKeyDerivedForItsPurpose() throws Exception {
        byte[] data = "challenge body".getBytes(StandardCharsets.US_ASCII);
        byte[] expected = hmac(hmac(f.serverKeys.current().privateKeySeed(),
                "polyproto-jakarta challenge v1".getBytes(StandardCharsets.US_ASCII)), data);

        assertArrayEquals(expected, f.macs.mac(ServerMacs.Purpose.CHALLENGE, data));
        assertFalse(Arrays.equals(expected, f.macs.mac(ServerMacs.Purpose.LOGIN_GRANT, data)));
    }

    @Test
    void concurrentCallsEachGetTheMacOfTheirOwnData() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                byte[] data = ("data " + i).getBytes(StandardCharsets.US_ASCII);
                byte[] alone = f.macs.mac(ServerMacs.Purpose.CHALLENGE, data);
                results.add(threads.submit(() -> Arrays.equals(alone, f.macs.mac(ServerMacs.Purpose.CHALLENGE, data))));
            }
            for (Future<Boolean> result : results) {
                assertEquals(true, result.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aRotationChangesEveryMac() {
        byte[] data = "body".getBytes(StandardCharsets.US_ASCII);
        byte[] before = f.macs.mac(ServerMacs.Purpose.CHALLENGE, data);
        f.advance(Duration.ofSeconds(1));
        f.serverKeys.rotate();

        assertFalse(Arrays.equals(before, f.macs.mac(ServerMacs.Purpose.CHALLENGE, data)));
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }
}
