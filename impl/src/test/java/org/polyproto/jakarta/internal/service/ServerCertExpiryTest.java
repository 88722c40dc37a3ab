package org.polyproto.jakarta.internal.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.spi.ServerKey;

/** I4: no ID-Cert is issued under an expired server certificate. */
class ServerCertExpiryTest {

    private static final Instant END = Instant.parse("2030-01-01T00:00:00Z");
    private static final ServerKey SERVER = new ServerKey(BigInteger.ONE, "PEM", END.minusSeconds(86_400 * 365), END,
            Optional.empty());

    @Test
    void issuingIsRefusedWith503OnceTheServerCertificateHasExpired() {
        ServerCertExpiry expiry = new ServerCertExpiry();
        assertDoesNotThrow(() -> expiry.requireUnexpired(SERVER, END.minusSeconds(86_400 * 10)), "close: a warning");
        assertDoesNotThrow(() -> expiry.requireUnexpired(SERVER, END));
        PolyprotoException e = assertThrows(PolyprotoException.class,
                () -> expiry.requireUnexpired(SERVER, END.plusSeconds(1)));
        assertEquals(503, e.status());
        assertEquals("P2CORE_UNAVAILABLE", e.code());
    }
}
