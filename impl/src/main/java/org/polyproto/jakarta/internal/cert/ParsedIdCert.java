package org.polyproto.jakarta.internal.cert;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.crypto.StrictEd25519;

/**
 * An X.509 certificate read the polyproto way: Ed25519 only, the signature kept over the original to-be-signed
 * bytes, and the polyproto profile checked for an actor's or a home server's certificate.
 *
 * @param der the certificate as it was received
 * @param serial its serial number
 * @param subject its subject
 * @param issuer its issuer
 * @param publicKey the raw 32-byte Ed25519 subject key
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param capabilities BasicConstraints and KeyUsage
 * @param signed the signed parts, for signature checks
 */
public record ParsedIdCert(byte[] der, BigInteger serial, X500Name subject, X500Name issuer, byte[] publicKey,
                           Instant notBefore, Instant notAfter, Capabilities capabilities, SignedStructure signed) {

    static final AlgorithmIdentifier ED25519 = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);

    /**
     * Parses a certificate and checks what every polyproto certificate must be: v3, Ed25519 key and signature,
     * BasicConstraints and KeyUsage critical, no unknown critical extension.
     *
     * @throws PolyprotoException {@code IDCERT_MALFORMED} or {@code UNSUPPORTED_ALGORITHM}
     */
    /** RFC 5280 §4.1.2.2: a serial is at most 20 octets, so a positive one has at most 159 bits. */
    public static final int MAX_SERIAL_BITS = 159;

    public static ParsedIdCert parse(byte[] der) {
        try {
            return LenientAsn1.parse(() -> parseLeniently(der));
        } catch (PolyprotoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw malformed("The ID-Cert is not a readable X.509 certificate.");
        }
    }

    private static ParsedIdCert parseLeniently(byte[] der) {
        SignedStructure signed;
        TBSCertificate tbs;
        AlgorithmIdentifier outerAlgorithm;
        try {
            signed = SignedStructure.parse(der);
            tbs = TBSCertificate.getInstance(ASN1Primitive.fromByteArray(signed.signedBytes()));
            outerAlgorithm = AlgorithmIdentifier.getInstance(ASN1Primitive.fromByteArray(signed.algorithmBytes()));
        } catch (RuntimeException | java.io.IOException e) {
            throw malformed("The ID-Cert is not a readable X.509 certificate.");
        }
        if (tbs.getVersionNumber() != 3) {
            throw malformed("An ID-Cert must be an X.509 v3 certificate.");
        }
        if (tbs.getSerialNumber().getValue().bitLength() > MAX_SERIAL_BITS) {
            throw malformed("A serial number has at most 20 octets.");
        }
        if (!outerAlgorithm.equals(tbs.getSignature())) {
            throw malformed("The certificate's two signature algorithm fields differ.");
        }
        requireEd25519(outerAlgorithm, "signature");
        byte[] key = ed25519Key(tbs.getSubjectPublicKeyInfo(), ErrorCode.IDCERT_MALFORMED, ErrorCode.IDCERT_INVALID);
        if (signed.signature().length != StrictEd25519.SIGNATURE_SIZE) {
            throw malformed("An Ed25519 signature has 64 bytes.");
        }
        Capabilities capabilities = capabilities(tbs.getExtensions());
        try {
            return new ParsedIdCert(der.clone(), tbs.getSerialNumber().getValue(), tbs.getSubject(), tbs.getIssuer(),
                    key, tbs.getStartDate().getDate().toInstant(), tbs.getEndDate().getDate().toInstant(),
                    capabilities, signed);
        } catch (RuntimeException e) {
            throw malformed("The certificate's fields cannot be read.");
        }
    }

    /**
     * The raw key of an Ed25519 SubjectPublicKeyInfo (no parameters, 32 bytes, acceptable point). A key of the
     * wrong size is {@code malformedCode}; a small-order or non-canonical point, which no signature can be trusted
     * under, is {@code weakKeyCode}.
     */
    static byte[] ed25519Key(SubjectPublicKeyInfo spki, ErrorCode malformedCode, ErrorCode weakKeyCode) {
        requireEd25519(spki.getAlgorithm(), "key");
        byte[] key = spki.getPublicKeyData().getOctets();
        if (key.length != StrictEd25519.KEY_SIZE) {
            throw new PolyprotoException(malformedCode, "An Ed25519 public key has 32 bytes.");
        }
        if (!StrictEd25519.isAcceptablePublicKey(key)) {
            throw new PolyprotoException(weakKeyCode, "The Ed25519 public key is not acceptable.");
        }
        return key;
    }

    static void requireEd25519(AlgorithmIdentifier algorithm, String what) {
        if (!algorithm.getAlgorithm().equals(EdECObjectIdentifiers.id_Ed25519)) {
            throw new PolyprotoException(ErrorCode.UNSUPPORTED_ALGORITHM, "Only Ed25519 is supported as " + what
                    + " algorithm.");
        }
        if (algorithm.getParameters() != null) {
            throw malformed("An Ed25519 algorithm identifier has no parameters.");
        }
    }

    private static Capabilities capabilities(Extensions extensions) {
        if (extensions == null) {
            throw malformed("An ID-Cert needs the BasicConstraints and KeyUsage extensions.");
        }
        boolean ca = false;
        Integer keyUsage = null;
        for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
            Extension extension = extensions.getExtension(oid);
            try {
                if (oid.equals(Extension.basicConstraints)) {
                    ca = Capabilities.readCa(extension.getParsedValue());
                } else if (oid.equals(Extension.keyUsage)) {
                    keyUsage = Capabilities.readKeyUsage(extension.getParsedValue());
                } else if (extension.isCritical()) {
                    throw malformed("The certificate has an unknown critical extension.");
                } else {
                    continue;
                }
            } catch (IllegalArgumentException e) {
                throw malformed("The certificate's extensions cannot be read.");
            }
            if (!extension.isCritical()) {
                throw malformed("BasicConstraints and KeyUsage must be critical.");
            }
        }
        if (keyUsage == null) {
            throw malformed("An ID-Cert needs the KeyUsage extension.");
        }
        return new Capabilities(ca, keyUsage);
    }

    /** Checks the actor profile: actor name, issuer a home server's name with the same DCs, actor capabilities. */
    public PolyprotoNames.ActorName requireActorProfile() {
        PolyprotoNames.ActorName actor;
        try {
            actor = PolyprotoNames.requireActorName(subject, ErrorCode.IDCERT_MALFORMED);
            PolyprotoNames.requireServerName(issuer, ErrorCode.IDCERT_MALFORMED);
            if (!actor.domainComponents().equals(PolyprotoNames.domainComponents(issuer))) {
                throw malformed("The issuer's DC attributes must equal the subject's.");
            }
        } catch (IllegalArgumentException e) {
            throw malformed("The certificate's names cannot be read.");
        }
        if (!capabilities.fitsActor()) {
            throw malformed("An actor's ID-Cert must not be a CA and must allow digital signatures.");
        }
        return actor;
    }

    /** Whether {@code issuerKey} signed this certificate (strict Ed25519 over the original TBS bytes). */
    public boolean isSignedBy(byte[] issuerKey) {
        return StrictEd25519.verify(issuerKey, signed.signedBytes(), signed.signature());
    }

    /** Whether {@code t} lies within the validity widened by {@code leeway} at both ends, bounds inclusive. */
    public boolean isValidAt(Instant t, java.time.Duration leeway) {
        return !t.isBefore(notBefore.minus(leeway)) && !t.isAfter(notAfter.plus(leeway));
    }

    public String toPem() {
        return PemCodec.encode(PemCodec.CERTIFICATE, der);
    }

    private static PolyprotoException malformed(String message) {
        return new PolyprotoException(ErrorCode.IDCERT_MALFORMED, message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParsedIdCert other && Arrays.equals(der, other.der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return "ParsedIdCert[serial=" + serial + ", subject=" + subject + "]";
    }
}
