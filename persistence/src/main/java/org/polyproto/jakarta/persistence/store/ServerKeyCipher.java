package org.polyproto.jakarta.persistence.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the server's private key at rest: AES-256-GCM under a key derived with PBKDF2-HMAC-SHA256 from the
 * configured secret. The stored form is base64(nonce ‖ ciphertext ‖ tag); the serial is the associated data, so a
 * ciphertext cannot be moved to another row.
 */
final class ServerKeyCipher {

    static final int MIN_SECRET_LENGTH = 16;
    private static final int ITERATIONS = 210_000;
    private static final byte[] SALT = "polyproto-jakarta server key v1".getBytes(StandardCharsets.UTF_8);
    private static final int NONCE_BYTES = 12;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    ServerKeyCipher(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("polyproto: polyproto.server-key.secret is required (at least "
                    + MIN_SECRET_LENGTH + " characters); it encrypts the server's private key in the database");
        }
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), SALT, ITERATIONS, 256);
            byte[] raw = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            key = new SecretKeySpec(raw, "AES");
            Arrays.fill(raw, (byte) 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("polyproto: PBKDF2WithHmacSHA256 is not available", e);
        }
    }

    String encrypt(byte[] privateKey, long serial) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, serial);
            byte[] sealed = cipher.doFinal(privateKey);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("polyproto: the server key cannot be encrypted", e);
        }
    }

    byte[] decrypt(String stored, long serial) {
        try {
            byte[] in = Base64.getDecoder().decode(stored);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(in, NONCE_BYTES), serial);
            return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("polyproto: the stored server key cannot be decrypted; "
                    + "is polyproto.server-key.secret the one it was stored with?");
        }
    }

    private Cipher cipher(int mode, byte[] nonce, long serial) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(Long.toString(serial).getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
