package org.polyproto.jakarta.internal.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 with strict verification (ed25519-dalek's {@code verify_strict}): S must be below the group order,
 * public keys and R must be canonical encodings of points that are not of small order. Uses BouncyCastle's
 * lightweight implementation; no JCA provider is involved.
 */
public final class StrictEd25519 {

    public static final int KEY_SIZE = 32;
    public static final int SIGNATURE_SIZE = 64;

    private static final BigInteger ORDER =
            BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

    /** y coordinates (little endian, sign bit cleared) of the eight small-order points. */
    private static final byte[][] SMALL_ORDER_Y = {
            hex("0100000000000000000000000000000000000000000000000000000000000000"),
            hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
            hex("0000000000000000000000000000000000000000000000000000000000000000"),
            hex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
            hex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
    };

    private StrictEd25519() {
    }

    /** A new private key (32-byte seed) from {@code random}. */
    public static byte[] generatePrivateKey(SecureRandom random) {
        byte[] seed = new byte[KEY_SIZE];
        Ed25519.generatePrivateKey(random, seed);
        return seed;
    }

    public static byte[] publicKey(byte[] privateKey) {
        byte[] pk = new byte[KEY_SIZE];
        Ed25519.generatePublicKey(privateKey, 0, pk, 0);
        return pk;
    }

    public static byte[] sign(byte[] privateKey, byte[] message) {
        byte[] sig = new byte[SIGNATURE_SIZE];
        Ed25519.sign(privateKey, 0, message, 0, message.length, sig, 0);
        return sig;
    }

    /**
     * Whether {@code publicKey} is acceptable as an identity key: canonical, on the curve, not one of the eight
     * small-order points (what ed25519-dalek's {@code verify_strict} refuses). The curve check is BouncyCastle's
     * partial validation; the full one multiplies by the group order and would double the cost of a verify.
     */
    public static boolean isAcceptablePublicKey(byte[] publicKey) {
        return publicKey != null && publicKey.length == KEY_SIZE && isCanonicalLargeOrder(publicKey, 0)
                && Ed25519.validatePublicKeyPartial(publicKey, 0);
    }

    /** Strict verification; false for any malformed input, never an exception. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_SIZE || message == null) {
            return false;
        }
        if (!isAcceptablePublicKey(publicKey) || !isCanonicalLargeOrder(signature, 0) || !isReducedScalar(signature)) {
            return false;
        }
        return Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
    }

    private static boolean isReducedScalar(byte[] signature) {
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = signature[SIGNATURE_SIZE - 1 - i];
        }
        return new BigInteger(1, be).compareTo(ORDER) < 0;
    }

    private static boolean isCanonicalLargeOrder(byte[] buf, int off) {
        byte[] y = Arrays.copyOfRange(buf, off, off + KEY_SIZE);
        y[31] &= 0x7f;
        if (isAtLeastFieldPrime(y)) {
            return false;
        }
        for (byte[] small : SMALL_ORDER_Y) {
            if (Arrays.equals(small, y)) {
                return false;
            }
        }
        return true;
    }

    /** y ≥ p = 2^255 - 19: bytes 1..30 all 0xff, byte 31 0x7f, byte 0 ≥ 0xed. */
    private static boolean isAtLeastFieldPrime(byte[] y) {
        if ((y[31] & 0xff) != 0x7f || (y[0] & 0xff) < 0xed) {
            return false;
        }
        for (int i = 1; i < 31; i++) {
            if ((y[i] & 0xff) != 0xff) {
                return false;
            }
        }
        return true;
    }

    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }
}
