package org.polyproto.jakarta.internal.cert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PemCodecTest {

    private final byte[] der = {0x30, 0x03, 0x02, 0x01, 0x05};

    @Test
    void readsPemBase64DerAndBase64Pem() {
        String pem = PemCodec.encode(PemCodec.CERTIFICATE, der);
        assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----\n") && pem.endsWith("-----END CERTIFICATE-----\n"));
        assertArrayEquals(der, PemCodec.decode(pem).orElseThrow());
        assertArrayEquals(der, PemCodec.decode(pem.replace("\n", "\r\n")).orElseThrow());
        assertArrayEquals(der, PemCodec.decode(Base64.getEncoder().encodeToString(der)).orElseThrow());
        assertArrayEquals(der, PemCodec.decode(Base64.getEncoder().encodeToString(
                pem.getBytes(StandardCharsets.US_ASCII))).orElseThrow());
        assertArrayEquals(der, PemCodec.decode(PemCodec.encode("NEW CERTIFICATE REQUEST", der)).orElseThrow());
    }

    @Test
    void refusesEverythingElse() {
        assertTrue(PemCodec.decode("!!garbage!!").isEmpty());
        assertTrue(PemCodec.decode("").isEmpty());
        assertTrue(PemCodec.decode(null).isEmpty());
        assertTrue(PemCodec.decode("-----BEGIN PRIVATE KEY-----\nMAMCAQU=\n-----END PRIVATE KEY-----").isEmpty());
        assertTrue(PemCodec.decode("-----BEGIN CERTIFICATE-----\nMAMCAQU=").isEmpty());
        assertTrue(PemCodec.decode(Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xfb, (byte) 0xff}))
                .isEmpty());
        assertTrue(PemCodec.decode("A".repeat(100_000)).isEmpty());
    }
}
