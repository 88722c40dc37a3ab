package org.polyproto.jakarta.persistence.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.polyproto.jakarta.persistence.config.ServerKeySecret;

/**
 * AES-256-GCM for the server's private key at rest. The stored form is base64(nonce ‖ ciphertext ‖ tag); the
 * associated data ({@link ServerKeyAad}) binds it to its row. The key is either given (a raw 32-byte key) or
 * derived with PBKDF2-HMAC-SHA256 from a passphrase and the installation's salt ({@value #ITERATIONS} iterations).
 */
final class ServerKeyCipher {

    static final int ITERATIONS = 600_000;
    /** The derivation of rows written before schema version 3: a fixed salt and 210,000 iterations. */
    private static final byte[] LEGACY_SALT = "polyproto-jakarta server key v1".getBytes(StandardCharsets.UTF_8);
    private static final int LEGACY_ITERATIONS = 210_000;
    private static final int NONCE_BYTES = 12;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    private ServerKeyCipher(byte[] raw) {
        key = new SecretKeySpec(raw, "AES");
        Arrays.fill(raw, (byte) 0);
    }

    static ServerKeyCipher of(ServerKeySecret secret, byte[] salt) {
        return secret.isRawKey() ? new ServerKeyCipher(secret.rawKey())
                : new ServerKeyCipher(pbkdf2(secret.passphrase(), salt, ITERATIONS));
    }

    /** The key rows with {@code custody_version} 1 were encrypted under. */
    static ServerKeyCipher legacy(String passphrase) {
        return new ServerKeyCipher(pbkdf2(passphrase, LEGACY_SALT, LEGACY_ITERATIONS));
    }

    String encrypt(byte[] plain, byte[] aad) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, aad).doFinal(plain);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("polyproto: the server key cannot be encrypted", e);
        }
    }

    /** The plaintext, or empty if {@code stored} is absent, malformed, or not sealed under this key and AAD. */
    Optional<byte[]> decrypt(String stored, byte[] aad) {
        try {
            byte[] in = Base64.getDecoder().decode(stored);
            if (in.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            return Optional.of(cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(in, NONCE_BYTES), aad)
                    .doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private Cipher cipher(int mode, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(aad);
        return cipher;
    }

    private static byte[] pbkdf2(String passphrase, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(passphrase.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("polyproto: PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}
