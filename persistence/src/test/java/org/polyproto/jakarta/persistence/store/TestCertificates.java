package org.polyproto.jakarta.persistence.store;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.polyproto.jakarta.spi.ServerKey;
import org.polyproto.jakarta.spi.ServerSigningKey;

/** Self-signed Ed25519 server certificates for custody tests (bcprov only). */
final class TestCertificates {

    static final Instant NOT_BEFORE = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant NOT_AFTER = Instant.parse("2035-01-01T00:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestCertificates() {
    }

    static ServerSigningKey serverKey(BigInteger serial) {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        return new ServerSigningKey(new ServerKey(serial, pem(seed, serial), NOT_BEFORE, NOT_AFTER, Optional.empty()),
                seed);
    }

    static String pem(byte[] seed, BigInteger serial) {
        try {
            AlgorithmIdentifier ed25519 = new AlgorithmIdentifier(StoredServerCertificate.ED25519);
            Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(seed, 0);
            X500Name name = new X500Name("DC=example,DC=com");
            V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
            tbs.setSerialNumber(new ASN1Integer(serial));
            tbs.setSignature(ed25519);
            tbs.setIssuer(name);
            tbs.setSubject(name);
            tbs.setStartDate(new Time(Date.from(NOT_BEFORE)));
            tbs.setEndDate(new Time(Date.from(NOT_AFTER)));
            tbs.setSubjectPublicKeyInfo(new SubjectPublicKeyInfo(ed25519, key.generatePublicKey().getEncoded()));
            TBSCertificate certificate = tbs.generateTBSCertificate();
            byte[] toSign = certificate.getEncoded(ASN1Encoding.DER);
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, key);
            signer.update(toSign, 0, toSign.length);
            ASN1EncodableVector v = new ASN1EncodableVector();
            v.add(certificate);
            v.add(ed25519);
            v.add(new DERBitString(signer.generateSignature()));
            byte[] der = new DERSequence(v).getEncoded(ASN1Encoding.DER);
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(der) + "\n-----END CERTIFICATE-----\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
