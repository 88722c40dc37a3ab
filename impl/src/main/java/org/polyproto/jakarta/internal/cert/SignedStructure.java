package org.polyproto.jakarta.internal.cert;

import java.util.Arrays;

/**
 * The three parts of a signed X.509 structure (certificate or PKCS#10 request) cut from the original bytes, so that
 * the signature is checked over exactly what was signed, even when that was not DER.
 *
 * @param signedBytes the complete encoding of the to-be-signed part (TBSCertificate or CertificationRequestInfo)
 * @param algorithmBytes the complete encoding of the outer AlgorithmIdentifier
 * @param signature the signature value, without the BIT STRING's unused-bits byte
 */
public record SignedStructure(byte[] signedBytes, byte[] algorithmBytes, byte[] signature) {

    /**
     * Cuts {@code der} into its parts.
     *
     * @throws IllegalArgumentException if it is not SEQUENCE { SEQUENCE, SEQUENCE, BIT STRING } with nothing after it
     */
    public static SignedStructure parse(byte[] der) {
        Tlv outer = Tlv.read(der, 0);
        if (outer.tag != 0x30 || outer.end() != der.length) {
            throw new IllegalArgumentException("not a single SEQUENCE");
        }
        Tlv tbs = Tlv.read(der, outer.valueStart);
        Tlv alg = Tlv.read(der, tbs.end());
        Tlv sig = Tlv.read(der, alg.end());
        if (tbs.tag != 0x30 || alg.tag != 0x30 || sig.tag != 0x03 || sig.end() != outer.end() || sig.length < 1
                || der[sig.valueStart] != 0) {
            throw new IllegalArgumentException("not a signed structure");
        }
        return new SignedStructure(Arrays.copyOfRange(der, tbs.start, tbs.end()),
                Arrays.copyOfRange(der, alg.start, alg.end()),
                Arrays.copyOfRange(der, sig.valueStart + 1, sig.end()));
    }

    private record Tlv(int start, int tag, int valueStart, int length) {

        int end() {
            return valueStart + length;
        }

        static Tlv read(byte[] b, int off) {
            if (off + 2 > b.length) {
                throw new IllegalArgumentException("truncated");
            }
            int tag = b[off] & 0xff;
            int first = b[off + 1] & 0xff;
            int pos = off + 2;
            int length;
            if (first < 0x80) {
                length = first;
            } else {
                int n = first & 0x7f;
                if (n == 0 || n > 3 || pos + n > b.length) {
                    throw new IllegalArgumentException("bad length");
                }
                length = 0;
                for (int i = 0; i < n; i++) {
                    length = (length << 8) | (b[pos++] & 0xff);
                }
            }
            if (pos + length > b.length) {
                throw new IllegalArgumentException("truncated");
            }
            return new Tlv(off, tag, pos, length);
        }
    }
}
