package org.polyproto.jakarta.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FederationIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"xenia@example", "flori@polyphony.chat", "a@localhost", "xenia@xn--grn-ioaaa.de",
            "example@xn--638h.com", "really-long.domain.with-at-least-4-subdomains.or-something@example.com",
            "a.b_c%d+e-f@sub.example.com"})
    void acceptsThePolyprotoRsValidVectors(String fid) {
        assertEquals(fid, FederationId.parse(fid).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {" xenia@examle", "xenia@example ", "xenia@", "@example.com", "xenia.example.com",
            "xenia@example.com/", "xenia@example.com/1", "xenia@_example.com", "\\@example.com", "example.com",
            "examplecom", "⾆@example.com", "example@⾆.com", "example@😿.com", "a@b@c", "xenia@example..com",
            "xenia@.example.com", "ａｌｉｃｅ@example.com", "al ice@example.com", "alice@exa mple.com"})
    void refusesThePolyprotoRsInvalidVectorsAndMore(String fid) {
        PolyprotoException e = assertThrows(InvalidFederationIdException.class, () -> FederationId.parse(fid));
        assertEquals(400, e.status());
        assertEquals("P2CORE_INVALID_FEDERATION_ID", e.code());
    }

    @Test
    void foldsCaseSoComparisonIsCaseInsensitive() {
        FederationId upper = FederationId.parse("Alice@Example.COM");
        assertEquals(FederationId.parse("alice@example.com"), upper);
        assertEquals("alice", upper.localName());
        assertEquals("example.com", upper.domain());
        assertEquals(List.of("example", "com"), upper.domainLabels());
    }

    @Test
    void enforcesLengthLimits() {
        assertEquals(64, FederationId.requireLocalName("a".repeat(64)).length());
        assertThrows(InvalidFederationIdException.class, () -> FederationId.requireLocalName("a".repeat(65)));
        assertThrows(InvalidFederationIdException.class, () -> FederationId.requireLocalName(""));
        String label = "a".repeat(63);
        String domain253 = String.join(".", label, label, label, "a".repeat(61));
        assertEquals(253, FederationId.requireDomain(domain253).length());
        assertThrows(InvalidFederationIdException.class, () -> FederationId.requireDomain(domain253 + "a"));
        assertThrows(InvalidFederationIdException.class, () -> FederationId.parse(null));
    }

    @Test
    void refusesTheKelvinSignInsteadOfFoldingIt() {
        assertThrows(InvalidFederationIdException.class, () -> FederationId.requireLocalName("\u212Aim"));
        assertThrows(InvalidFederationIdException.class, () -> FederationId.requireDomain("\u212A.example"));
        assertEquals("kim", FederationId.requireLocalName("KIM"));
    }
}
