package org.polyproto.jakarta.internal.cert;

import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1BitString;

/**
 * What a certificate or request asks to be allowed: the BasicConstraints {@code cA} flag and the KeyUsage bits.
 * KeyUsage is read from the raw bits, ignoring the unused-bits count (polyproto-rs writes a wrong one).
 *
 * @param ca the cA flag
 * @param keyUsage the first two KeyUsage octets as an int, digitalSignature = 0x8000; 0 when absent
 */
public record Capabilities(boolean ca, int keyUsage) {

    public static final int DIGITAL_SIGNATURE = 0x8000;
    public static final int CONTENT_COMMITMENT = 0x4000;
    public static final int KEY_CERT_SIGN = 0x0400;
    public static final int CRL_SIGN = 0x0200;

    public boolean has(int bit) {
        return (keyUsage & bit) != 0;
    }

    /** An actor's: no CA, no certificate or CRL signing, and digitalSignature or contentCommitment. */
    public boolean fitsActor() {
        return !ca && !has(KEY_CERT_SIGN) && !has(CRL_SIGN) && (has(DIGITAL_SIGNATURE) || has(CONTENT_COMMITMENT));
    }

    /** A home server's: CA and keyCertSign. */
    public boolean fitsHomeServer() {
        return ca && has(KEY_CERT_SIGN);
    }

    /** The cA flag of a BasicConstraints value: SEQUENCE { [BOOLEAN], [INTEGER] }, lenient on encodings. */
    public static boolean readCa(ASN1Encodable basicConstraints) {
        ASN1Primitive value = basicConstraints.toASN1Primitive();
        if (value instanceof ASN1Sequence seq) {
            return seq.size() > 0 && seq.getObjectAt(0) instanceof ASN1Boolean b && b.isTrue();
        }
        throw new IllegalArgumentException("BasicConstraints is not a SEQUENCE");
    }

    /** KeyUsage bits from the raw content octets of a BIT STRING, ignoring its unused-bits count. */
    public static int readKeyUsage(ASN1Encodable keyUsage) {
        if (!(keyUsage.toASN1Primitive() instanceof ASN1BitString bits)) {
            throw new IllegalArgumentException("KeyUsage is not a BIT STRING");
        }
        byte[] octets = rawOctets(bits);
        int value = 0;
        for (int i = 0; i < Math.min(2, octets.length); i++) {
            value |= (octets[i] & 0xff) << (8 * (1 - i));
        }
        return value;
    }

    private static byte[] rawOctets(ASN1BitString bits) {
        try {
            byte[] encoded = bits.getEncoded();
            int lenByte = encoded[1] & 0xff;
            int header = lenByte < 0x80 ? 2 : 2 + (lenByte & 0x7f);
            return Arrays.copyOfRange(encoded, header + 1, encoded.length);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("KeyUsage cannot be encoded", e);
        }
    }
}
