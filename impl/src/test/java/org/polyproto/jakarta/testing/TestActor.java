package org.polyproto.jakarta.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;

/**
 * A client as a test sees it: an Ed25519 key pair that makes ID-CSRs and signs challenges, written with
 * BouncyCastle's lightweight API independently of the module's own signing code.
 */
public final class TestActor {

    public static final ASN1ObjectIdentifier CN = new ASN1ObjectIdentifier("2.5.4.3");
    public static final ASN1ObjectIdentifier DC = new ASN1ObjectIdentifier("0.9.2342.19200300.100.1.25");
    public static final ASN1ObjectIdentifier UID = new ASN1ObjectIdentifier("0.9.2342.19200300.100.1.1");
    public static final ASN1ObjectIdentifier SESSION_ID = new ASN1ObjectIdentifier("0.9.2342.19200300.100.1.44");
    private static final AlgorithmIdentifier ED25519 = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Ed25519PrivateKeyParameters privateKey;

    private TestActor(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
    }

    public static TestActor generate() {
        return new TestActor(new Ed25519PrivateKeyParameters(RANDOM));
    }

    public byte[] publicKey() {
        return privateKey.generatePublicKey().getEncoded();
    }

    /** An actor's pDN: CN, DCs (top-level domain first), UID, uniqueIdentifier. */
    public static X500Name subject(String localName, String domain, String sessionId) {
        X500NameBuilder name = new X500NameBuilder();
        name.addRDN(CN, new DERUTF8String(localName));
        String[] labels = domain.split("\\.");
        for (int i = labels.length - 1; i >= 0; i--) {
            name.addRDN(DC, new DERIA5String(labels[i]));
        }
        name.addRDN(UID, new DERUTF8String(localName + "@" + domain));
        name.addRDN(SESSION_ID, new DERUTF8String(sessionId));
        return name.build();
    }

    public String csrPem(String localName, String domain, String sessionId) {
        return pem(csrDer(subject(localName, domain, sessionId)));
    }

    /** A CSR for any subject, with extra attributes given as (type, value) pairs. */
    public byte[] csrDer(X500Name subject, ASN1Encodable... attributeTypesAndValues) {
        PKCS10CertificationRequestBuilder builder = new PKCS10CertificationRequestBuilder(subject,
                new SubjectPublicKeyInfo(ED25519, publicKey()));
        for (int i = 0; i + 1 < attributeTypesAndValues.length; i += 2) {
            builder.addAttribute((ASN1ObjectIdentifier) attributeTypesAndValues[i], attributeTypesAndValues[i + 1]);
        }
        try {
            return builder.build(signer()).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A self-signed X.509 v3 certificate with BasicConstraints and KeyUsage as given (both critical), for tests
     * that need certificates the module would never issue.
     */
    public byte[] selfSignedCertificate(X500Name name, boolean ca, int keyUsage, java.time.Instant notBefore,
                                        java.time.Instant notAfter) {
        org.bouncycastle.cert.X509v3CertificateBuilder builder = new org.bouncycastle.cert.X509v3CertificateBuilder(
                name, java.math.BigInteger.valueOf(RANDOM.nextInt(Integer.MAX_VALUE) + 1L),
                java.util.Date.from(notBefore), java.util.Date.from(notAfter), name,
                new SubjectPublicKeyInfo(ED25519, publicKey()));
        try {
            builder.addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true,
                    new org.bouncycastle.asn1.x509.BasicConstraints(ca));
            builder.addExtension(org.bouncycastle.asn1.x509.Extension.keyUsage, true,
                    new org.bouncycastle.asn1.x509.KeyUsage(keyUsage));
            return builder.build(signer()).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Any X.509 certificate signed by this key: v3 with the given extensions, or v1 when {@code extensions} is
     * {@code null}. For tests that need certificates a server would never issue.
     */
    public byte[] certificate(X500Name issuer, X500Name subject, SubjectPublicKeyInfo subjectKey,
                              java.time.Instant notBefore, java.time.Instant notAfter,
                              org.bouncycastle.asn1.x509.Extension... extensions) {
        java.math.BigInteger serial = java.math.BigInteger.valueOf(RANDOM.nextInt(Integer.MAX_VALUE) + 1L);
        try {
            if (extensions == null) {
                return new org.bouncycastle.cert.X509v1CertificateBuilder(issuer, serial, java.util.Date.from(notBefore),
                        java.util.Date.from(notAfter), subject, subjectKey).build(signer()).getEncoded();
            }
            org.bouncycastle.cert.X509v3CertificateBuilder builder = new org.bouncycastle.cert.X509v3CertificateBuilder(
                    issuer, serial, java.util.Date.from(notBefore), java.util.Date.from(notAfter), subject, subjectKey);
            for (org.bouncycastle.asn1.x509.Extension extension : extensions) {
                builder.addExtension(extension);
            }
            return builder.build(signer()).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This key as an Ed25519 SubjectPublicKeyInfo. */
    public SubjectPublicKeyInfo subjectPublicKeyInfo() {
        return new SubjectPublicKeyInfo(ED25519, publicKey());
    }

    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** The challenge's signature, base64. */
    public String signChallenge(String challenge) {
        return Base64.getEncoder().encodeToString(sign(challenge.getBytes(StandardCharsets.UTF_8)));
    }

    public static String pem(byte[] csrDer) {
        return "-----BEGIN CERTIFICATE REQUEST-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(csrDer)
                + "\n-----END CERTIFICATE REQUEST-----\n";
    }

    private ContentSigner signer() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        return new ContentSigner() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return ED25519;
            }

            @Override
            public OutputStream getOutputStream() {
                return buffer;
            }

            @Override
            public byte[] getSignature() {
                return sign(buffer.toByteArray());
            }
        };
    }
}
