package org.polyproto.jakarta.internal.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polyproto.jakarta.api.PolyprotoException;

class FederationTargetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "2130706433", "0", "0x7f.1", "1.0x7f", "127.0x1", "017700000001", "127.1",
            "1.2.3.4.5", "10.0.0.1", "example.0x", "example.0xff", "example.123", "[::1]", "::1", "::ffff:127.0.0.1",
            "localhost", "intranet", "-a", "a-", "x.-y", "x.y-", "-x.example", "a..b", ".example.com",
            "example.com.", "a_b.example", "ex ample.com", "b\u00fccher.example", ""})
    void refusesIpLiteralsSingleLabelsAndNonLdhNames(String domain) {
        assertTrue(FederationTargets.refusal(domain).isPresent(), domain);
        PolyprotoException e = assertThrows(PolyprotoException.class, () -> FederationTargets.require(domain));
        assertEquals("P2CORE_NOT_FEDERATED", e.code());
        assertEquals(FederationRefusal.MESSAGE, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "a-b.example.org", "xn--bcher-kva.example", "EXAMPLE.COM", "a.b.c.d.example",
            "123.example.com", "0x7f.example", "1e1.example", "x.y", "a--b.example"})
    void allowsHostNames(String domain) {
        assertEquals(Optional.empty(), FederationTargets.refusal(domain), domain);
        FederationTargets.require(domain);
    }

    @Test
    void boundsLabelAndNameLength() {
        String label63 = "a".repeat(63);
        assertEquals(Optional.empty(), FederationTargets.refusal(label63 + ".example"));
        assertTrue(FederationTargets.refusal("a".repeat(64) + ".example").isPresent());
        String name253 = (label63 + ".").repeat(3) + "a".repeat(61);
        assertEquals(253, name253.length());
        assertEquals(Optional.empty(), FederationTargets.refusal(name253));
        assertTrue(FederationTargets.refusal(name253 + "a").isPresent());
        assertTrue(FederationTargets.refusal(null).isPresent());
    }
}
