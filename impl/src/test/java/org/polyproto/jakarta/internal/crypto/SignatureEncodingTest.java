package org.polyproto.jakarta.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SignatureEncodingTest {

    private final byte[] signature = new byte[64];

    {
        for (int i = 0; i < 64; i++) {
            signature[i] = (byte) (i * 37 + 250);
        }
    }

    @Test
    void decodesHexInEitherCase() {
        assertArrayEquals(signature, SignatureEncoding.decode(HexFormat.of().formatHex(signature)).orElseThrow());
        assertArrayEquals(signature, SignatureEncoding.decode(HexFormat.of().withUpperCase().formatHex(signature))
                .orElseThrow());
    }

    @Test
    void decodesBase64AndBase64UrlWithAndWithoutPadding() {
        assertArrayEquals(signature, SignatureEncoding.decode(Base64.getEncoder().encodeToString(signature))
                .orElseThrow());
        assertArrayEquals(signature, SignatureEncoding.decode(Base64.getEncoder().withoutPadding()
                .encodeToString(signature)).orElseThrow());
        assertArrayEquals(signature, SignatureEncoding.decode(Base64.getUrlEncoder().encodeToString(signature))
                .orElseThrow());
        assertArrayEquals(signature, SignatureEncoding.decode(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(signature)).orElseThrow());
    }

    @Test
    void refusesWrongLengthsAndGarbage() {
        assertTrue(SignatureEncoding.decode(Base64.getEncoder().encodeToString(new byte[63])).isEmpty());
        assertTrue(SignatureEncoding.decode(Base64.getEncoder().encodeToString(new byte[65])).isEmpty());
        assertTrue(SignatureEncoding.decode(HexFormat.of().formatHex(new byte[63])).isEmpty());
        assertTrue(SignatureEncoding.decode("!!not base64!!").isEmpty());
        assertTrue(SignatureEncoding.decode("").isEmpty());
        assertTrue(SignatureEncoding.decode(null).isEmpty());
        assertTrue(SignatureEncoding.decode("A".repeat(10_000)).isEmpty());
    }
}
