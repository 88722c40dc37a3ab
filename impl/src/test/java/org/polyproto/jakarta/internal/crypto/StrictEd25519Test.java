package org.polyproto.jakarta.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class StrictEd25519Test {

    private static final BigInteger L =
            BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
    private final byte[] privateKey = StrictEd25519.generatePrivateKey(new SecureRandom());
    private final byte[] publicKey = StrictEd25519.publicKey(privateKey);
    private final byte[] message = "challenge-string".getBytes(StandardCharsets.UTF_8);

    @Test
    void verifiesItsOwnSignaturesAndNothingElse() {
        byte[] sig = StrictEd25519.sign(privateKey, message);
        assertTrue(StrictEd25519.verify(publicKey, message, sig));
        byte[] other = "challenge-strinG".getBytes(StandardCharsets.UTF_8);
        assertFalse(StrictEd25519.verify(publicKey, other, sig));
        assertFalse(StrictEd25519.verify(publicKey, message, java.util.Arrays.copyOf(sig, 63)));
        assertFalse(StrictEd25519.verify(java.util.Arrays.copyOf(publicKey, 31), message, sig));
    }

    @Test
    void refusesTheMalleatedSignatureWithSPlusL() {
        byte[] sig = StrictEd25519.sign(privateKey, message);
        byte[] s = java.util.Arrays.copyOfRange(sig, 32, 64);
        BigInteger malleated = littleEndian(s).add(L);
        byte[] forged = sig.clone();
        System.arraycopy(toLittleEndian(malleated), 0, forged, 32, 32);
        assertFalse(StrictEd25519.verify(publicKey, message, forged));
    }

    @Test
    void refusesSmallOrderKeysWithTheForgedIdentitySignature() {
        byte[] identity = HexFormat.of().parseHex("0100000000000000000000000000000000000000000000000000000000000000");
        byte[] forged = new byte[64];
        System.arraycopy(identity, 0, forged, 0, 32);
        assertFalse(StrictEd25519.isAcceptablePublicKey(identity));
        assertFalse(StrictEd25519.verify(identity, message, forged));
        for (String smallOrder : new String[] {
                "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                "0000000000000000000000000000000000000000000000000000000000000080",
                "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
                "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85"}) {
            assertFalse(StrictEd25519.isAcceptablePublicKey(HexFormat.of().parseHex(smallOrder)), smallOrder);
        }
    }

    @Test
    void refusesNonCanonicalEncodingsOfKeysAndR() {
        byte[] yEqualsP = HexFormat.of().parseHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        assertFalse(StrictEd25519.isAcceptablePublicKey(yEqualsP));
        byte[] sig = StrictEd25519.sign(privateKey, message);
        byte[] smallOrderR = sig.clone();
        System.arraycopy(HexFormat.of().parseHex(
                "0100000000000000000000000000000000000000000000000000000000000000"), 0, smallOrderR, 0, 32);
        assertFalse(StrictEd25519.verify(publicKey, message, smallOrderR));
    }

    private static BigInteger littleEndian(byte[] b) {
        byte[] be = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            be[i] = b[b.length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    private static byte[] toLittleEndian(BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] le = new byte[32];
        for (int i = 0; i < Math.min(32, be.length); i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }
}
