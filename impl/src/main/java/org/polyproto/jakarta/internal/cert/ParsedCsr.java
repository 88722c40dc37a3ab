package org.polyproto.jakarta.internal.cert;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.CertificationRequestInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.crypto.StrictEd25519;

/**
 * A PKCS#10 ID-CSR that passed the checks of contract §4.2: self-signature (strict Ed25519), actor name, no CA rights.
 * Requested capabilities are read from a PKCS#9 extensionRequest or from polyproto-rs-style attributes whose type is
 * the extension's OID.
 *
 * @param subject the requested subject, copied into the ID-Cert as it is
 * @param actor what the subject states
 * @param publicKey the raw 32-byte Ed25519 key
 */
public record ParsedCsr(X500Name subject, PolyprotoNames.ActorName actor, byte[] publicKey) {

    /**
     * Parses and checks a CSR.
     *
     * @throws PolyprotoException {@code CSR_INVALID} or {@code UNSUPPORTED_ALGORITHM}
     */
    public static ParsedCsr parse(byte[] der) {
        try {
            return LenientAsn1.parse(() -> parseLeniently(der));
        } catch (PolyprotoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw invalid("The CSR is not a readable PKCS#10 request.");
        }
    }

    private static ParsedCsr parseLeniently(byte[] der) {
        SignedStructure signed;
        CertificationRequestInfo info;
        AlgorithmIdentifier algorithm;
        try {
            signed = SignedStructure.parse(der);
            info = CertificationRequestInfo.getInstance(ASN1Primitive.fromByteArray(signed.signedBytes()));
            algorithm = AlgorithmIdentifier.getInstance(ASN1Primitive.fromByteArray(signed.algorithmBytes()));
        } catch (RuntimeException | java.io.IOException e) {
            throw invalid("The CSR is not a readable PKCS#10 request.");
        }
        ParsedIdCert.requireEd25519(algorithm, "signature");
        byte[] key = ParsedIdCert.ed25519Key(info.getSubjectPublicKeyInfo(), ErrorCode.CSR_INVALID, ErrorCode.CSR_INVALID);
        if (!StrictEd25519.verify(key, signed.signedBytes(), signed.signature())) {
            throw invalid("The CSR's self-signature does not verify.");
        }
        PolyprotoNames.ActorName actor;
        try {
            actor = PolyprotoNames.requireActorName(info.getSubject(), ErrorCode.CSR_INVALID);
        } catch (IllegalArgumentException e) {
            throw invalid("The CSR's subject cannot be read.");
        }
        Capabilities requested = requestedCapabilities(info.getAttributes());
        if (requested.ca() || requested.has(Capabilities.KEY_CERT_SIGN) || requested.has(Capabilities.CRL_SIGN)) {
            throw invalid("An actor's CSR must not ask for CA rights.");
        }
        return new ParsedCsr(info.getSubject(), actor, key);
    }

    /** Checks that the CSR is for {@code expected}; the domain check also binds it to this server. */
    public ParsedCsr requireActor(FederationId expected) {
        if (!actor.fid().equals(expected)) {
            throw invalid("The CSR's subject does not name " + expected + ".");
        }
        if (!PolyprotoNames.isPlainActorName(subject)) {
            throw invalid("The CSR's subject may only hold CN, DC, UID and the session ID, in at most "
                    + PolyprotoNames.MAX_SUBJECT_BYTES + " bytes.");
        }
        return this;
    }

    private static Capabilities requestedCapabilities(ASN1Set attributes) {
        boolean ca = false;
        int keyUsage = 0;
        if (attributes == null) {
            return new Capabilities(false, 0);
        }
        try {
            for (ASN1Encodable element : attributes) {
                Attribute attribute = Attribute.getInstance(element);
                ASN1ObjectIdentifier type = attribute.getAttrType();
                ASN1Encodable value = attribute.getAttrValues().size() == 0 ? null
                        : attribute.getAttrValues().getObjectAt(0);
                if (value == null) {
                    continue;
                }
                if (type.equals(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
                    Extensions extensions = Extensions.getInstance(value);
                    Extension bc = extensions.getExtension(Extension.basicConstraints);
                    Extension ku = extensions.getExtension(Extension.keyUsage);
                    ca |= bc != null && Capabilities.readCa(bc.getParsedValue());
                    keyUsage |= ku == null ? 0 : Capabilities.readKeyUsage(ku.getParsedValue());
                } else if (type.equals(Extension.basicConstraints)) {
                    ca |= Capabilities.readCa(value);
                } else if (type.equals(Extension.keyUsage)) {
                    keyUsage |= Capabilities.readKeyUsage(value);
                }
            }
        } catch (RuntimeException e) {
            throw invalid("The CSR's requested capabilities cannot be read.");
        }
        return new Capabilities(ca, keyUsage);
    }

    private static PolyprotoException invalid(String message) {
        return new PolyprotoException(ErrorCode.CSR_INVALID, message);
    }
}
