package org.polyproto.jakarta.persistence.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * What the custody needs from a stored server certificate: its DER (hashed into the AAD), its Ed25519 public key
 * (which the decrypted private key must match) and its validity (taken from the certificate, not the row's columns).
 */
record StoredServerCertificate(byte[] der, byte[] publicKey, Instant notBefore, Instant notAfter) {

    static final ASN1ObjectIdentifier ED25519 = new ASN1ObjectIdentifier("1.3.101.112");
    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    /** Empty if {@code pem} is not one certificate with an Ed25519 key. */
    static Optional<StoredServerCertificate> parse(String pem) {
        try {
            String body = pem.strip();
            if (!body.startsWith(BEGIN) || !body.endsWith(END)) {
                return Optional.empty();
            }
            byte[] der = Base64.getMimeDecoder().decode(body.substring(BEGIN.length(), body.length() - END.length()));
            Certificate cert = Certificate.getInstance(der);
            SubjectPublicKeyInfo spki = cert.getSubjectPublicKeyInfo();
            if (!ED25519.equals(spki.getAlgorithm().getAlgorithm())
                    || spki.getPublicKeyData().getOctets().length != 32) {
                return Optional.empty();
            }
            return Optional.of(new StoredServerCertificate(der, spki.getPublicKeyData().getOctets(),
                    cert.getStartDate().getDate().toInstant(), cert.getEndDate().getDate().toInstant()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    byte[] sha256() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(der);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code seed} is the private key of this certificate's public key. */
    boolean matches(byte[] seed) {
        if (seed.length != 32) {
            return false;
        }
        byte[] derived = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
        return MessageDigest.isEqual(derived, publicKey);
    }
}
