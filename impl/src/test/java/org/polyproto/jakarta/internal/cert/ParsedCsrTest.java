package org.polyproto.jakarta.internal.cert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.testing.TestActor;

class ParsedCsrTest {

    private final TestActor actor = TestActor.generate();

    @Test
    void readsAValidCsr() {
        ParsedCsr csr = ParsedCsr.parse(actor.csrDer(TestActor.subject("alice", "example.com", "laptop-1")))
                .requireActor(FederationId.parse("alice@example.com"));
        assertEquals(FederationId.parse("alice@example.com"), csr.actor().fid());
        assertEquals("laptop-1", csr.actor().sessionId());
        assertEquals(java.util.List.of("com", "example"), csr.actor().domainComponents());
        assertArrayEquals(actor.publicKey(), csr.publicKey());
    }

    @Test
    void acceptsActorCapabilitiesInBothForms() throws Exception {
        X500Name subject = TestActor.subject("alice", "example.com", "s");
        ParsedCsr.parse(actor.csrDer(subject, PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, new Extensions(
                new Extension[] {new Extension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature).getEncoded())})));
        ParsedCsr.parse(actor.csrDer(subject, Extension.keyUsage, new DERBitString(new byte[] {(byte) 0x80}, 0),
                Extension.basicConstraints, new DERSequence(ASN1Boolean.FALSE)));
    }

    @Test
    void refusesCaRequestsInBothForms() throws Exception {
        X500Name subject = TestActor.subject("alice", "example.com", "s");
        assertInvalid(actor.csrDer(subject, Extension.basicConstraints, new DERSequence(ASN1Boolean.TRUE)));
        assertInvalid(actor.csrDer(subject, Extension.keyUsage, new KeyUsage(KeyUsage.keyCertSign)));
        assertInvalid(actor.csrDer(subject, PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, new Extensions(
                new Extension(Extension.basicConstraints, true, new BasicConstraints(true).getEncoded()))));
    }

    @Test
    void refusesWrongSubjects() {
        assertThrows(PolyprotoException.class, () -> ParsedCsr.parse(actor.csrDer(
                TestActor.subject("alice", "example.com", "s"))).requireActor(FederationId.parse("bob@example.com")));
        assertInvalid(actor.csrDer(TestActor.subject("alice", "example.com", "")));
        assertInvalid(actor.csrDer(TestActor.subject("alice", "example.com", "é")));
        X500NameBuilder cnMismatch = new X500NameBuilder();
        cnMismatch.addRDN(TestActor.CN, new DERUTF8String("mallory"));
        cnMismatch.addRDN(TestActor.DC, new DERIA5String("com"));
        cnMismatch.addRDN(TestActor.DC, new DERIA5String("example"));
        cnMismatch.addRDN(TestActor.UID, new DERUTF8String("alice@example.com"));
        cnMismatch.addRDN(TestActor.SESSION_ID, new DERUTF8String("s"));
        assertInvalid(actor.csrDer(cnMismatch.build()));
        X500NameBuilder dcOrder = new X500NameBuilder();
        dcOrder.addRDN(TestActor.CN, new DERUTF8String("alice"));
        dcOrder.addRDN(TestActor.DC, new DERIA5String("example"));
        dcOrder.addRDN(TestActor.DC, new DERIA5String("com"));
        dcOrder.addRDN(TestActor.UID, new DERUTF8String("alice@example.com"));
        dcOrder.addRDN(TestActor.SESSION_ID, new DERUTF8String("s"));
        assertInvalid(actor.csrDer(dcOrder.build()));
    }

    @Test
    void refusesBadSignaturesAndGarbage() {
        byte[] der = actor.csrDer(TestActor.subject("alice", "example.com", "s"));
        der[der.length - 5] ^= 0x20;
        assertInvalid(der);
        assertInvalid(new byte[] {0x30, 0x00});
        assertInvalid(new byte[0]);
        byte[] trailing = java.util.Arrays.copyOf(actor.csrDer(TestActor.subject("alice", "example.com", "s")),
                300);
        assertInvalid(trailing);
    }

    private static void assertInvalid(byte[] der) {
        PolyprotoException e = assertThrows(PolyprotoException.class, () -> ParsedCsr.parse(der));
        assertEquals("P2CORE_CSR_INVALID", e.code(), e.getMessage());
    }

    @Test
    void refusesSubjectsThatSayMoreThanTheActor() {
        FederationId alice = FederationId.parse("alice@example.com");
        for (X500Name subject : new X500Name[] {withExtra("O", "x"), withExtra("OU", "u".repeat(9_000)),
                withExtra("T", "Administrator")}) {
            ParsedCsr csr = ParsedCsr.parse(actor.csrDer(subject));
            PolyprotoException e = assertThrows(PolyprotoException.class, () -> csr.requireActor(alice));
            assertEquals("P2CORE_CSR_INVALID", e.code());
        }
    }

    @Test
    void refusesSessionIdsWithOuterSpaces() {
        for (String sessionId : new String[] {" s1", "s1 "}) {
            assertThrows(PolyprotoException.class, () -> ParsedCsr.parse(actor.csrDer(TestActor.subject("alice",
                    "example.com", sessionId))));
        }
    }

    private static X500Name withExtra(String type, String value) {
        X500NameBuilder name = new X500NameBuilder();
        for (org.bouncycastle.asn1.x500.RDN rdn : TestActor.subject("alice", "example.com", "s").getRDNs()) {
            name.addMultiValuedRDN(rdn.getTypesAndValues());
        }
        name.addRDN(org.bouncycastle.asn1.x500.style.BCStyle.INSTANCE.attrNameToOID(type), value);
        return name.build();
    }
}
