package org.polyproto.jakarta.internal.cert;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.polyproto.jakarta.internal.crypto.StrictEd25519;

/**
 * Makes the two kinds of ID-Cert of contract §4: a home server's self-signed certificate and an actor's certificate
 * from a checked CSR. Each carries exactly BasicConstraints and KeyUsage, both critical (polyproto-rs refuses
 * certificates with any other extension).
 */
public final class IdCertFactory {


    private IdCertFactory() {
    }

    /** A random serial number: positive, below 2^63. */
    public static BigInteger newSerial(SecureRandom random) {
        BigInteger serial;
        do {
            serial = new BigInteger(ParsedIdCert.MAX_SERIAL_BITS, random);
        } while (serial.signum() == 0);
        return serial;
    }

    /** The self-signed ID-Cert of the home server of {@code domain}: CA, pathLen 0, keyCertSign. */
    public static byte[] serverCertificate(byte[] privateKey, String domain, BigInteger serial, Instant notBefore,
                                           Instant notAfter) {
        X500Name name = PolyprotoNames.serverName(domain);
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, serial, Date.from(notBefore),
                Date.from(notAfter), name, subjectKey(StrictEd25519.publicKey(privateKey)));
        return build(builder, new BasicConstraints(0), new KeyUsage(KeyUsage.keyCertSign), privateKey);
    }

    /** An actor's ID-Cert: the CSR's subject and key, issued by the server, digitalSignature only. */
    public static byte[] actorCertificate(ParsedCsr csr, byte[] serverPrivateKey, X500Name serverName,
                                          BigInteger serial, Instant notBefore, Instant notAfter) {
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(serverName, serial, Date.from(notBefore),
                Date.from(notAfter), csr.subject(), subjectKey(csr.publicKey()));
        return build(builder, new BasicConstraints(false), new KeyUsage(KeyUsage.digitalSignature), serverPrivateKey);
    }

    private static SubjectPublicKeyInfo subjectKey(byte[] rawKey) {
        return new SubjectPublicKeyInfo(ParsedIdCert.ED25519, rawKey);
    }

    private static byte[] build(X509v3CertificateBuilder builder, BasicConstraints basicConstraints,
                                KeyUsage keyUsage, byte[] privateKey) {
        try {
            builder.addExtension(Extension.basicConstraints, true, basicConstraints);
            builder.addExtension(Extension.keyUsage, true, keyUsage);
            return builder.build(new Ed25519ContentSigner(privateKey)).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("Certificate encoding failed", e);
        }
    }

    /** Signs with BouncyCastle's lightweight Ed25519; no JCA provider is involved. */
    private static final class Ed25519ContentSigner implements ContentSigner {
        private final byte[] privateKey;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);

        Ed25519ContentSigner(byte[] privateKey) {
            this.privateKey = privateKey;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return ParsedIdCert.ED25519;
        }

        @Override
        public OutputStream getOutputStream() {
            return buffer;
        }

        @Override
        public byte[] getSignature() {
            return StrictEd25519.sign(privateKey, buffer.toByteArray());
        }
    }
}
