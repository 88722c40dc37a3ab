package org.polyproto.jakarta.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.PolyprotoException;

/** JSON bodies: the hostile shapes of the reliability cases, then seeded mutations; only 400s come out. */
class JsonBodyFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261129L);

    @Test
    void hostileShapesAreBadRequests() {
        for (String body : new String[] {"hello", "{", "{\"a\":1}{\"b\":2}", "[1,2]", "{\"a\":1,\"a\":2}",
                "[".repeat(100_000), "{\"x\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}", "\"str\"",
                "{\"timestamp\":1e1000000}"}) {
            PolyprotoException e = assertThrows(PolyprotoException.class, () -> {
                JsonBody json = JsonBody.parse(body.getBytes(StandardCharsets.UTF_8));
                json.unixTime("timestamp");
            }, body.length() > 40 ? body.substring(0, 40) : body);
            assertEquals("P2CORE_BAD_REQUEST", e.code());
        }
        assertThrows(PolyprotoException.class, () -> JsonBody.parse(new byte[] {(byte) 0xc3, 0x28}));
    }

    @Test
    void mutatedBodiesNeverThrowAnythingElse() {
        Random random = new Random(SEED);
        byte[] valid = ("{\"completed_challenge\":{\"challenge\":\"abc\",\"signature\":\"AAAA\"},"
                + "\"id_cert\":\"-----BEGIN CERTIFICATE-----\",\"auth_payload\":{\"k\":[1,2.5,true,null]},"
                + "\"timestamp\":\"17\"}").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 5000; i++) {
            byte[] body = valid.clone();
            for (int m = 0; m < 1 + random.nextInt(3); m++) {
                String alphabet = "{}[]\",:0e-+ \\ta\u0000";
                body[random.nextInt(body.length)] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            }
            try {
                JsonBody json = JsonBody.parse(body);
                json.string("id_cert");
                json.object("auth_payload");
                json.unixTime("timestamp");
                json.value("completed_challenge");
            } catch (PolyprotoException expected) {
                // refused in the contract's terms
            } catch (RuntimeException | StackOverflowError e) {
                fail("seed " + SEED + ", round " + i + ": " + e + " for " + new String(body, StandardCharsets.UTF_8));
            }
        }
    }
}
