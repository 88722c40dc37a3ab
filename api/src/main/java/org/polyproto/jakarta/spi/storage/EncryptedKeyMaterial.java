package org.polyproto.jakarta.spi.storage;

import java.math.BigInteger;
import java.util.Objects;
import org.polyproto.jakarta.api.Incubating;

/**
 * A private identity key that its actor encrypted for itself and keeps on its home server (polyproto-core v1,
 * "encrypted private key material"), so that its other clients can fetch it. The server never sees the key.
 *
 * @param serial  serial of the ID-Cert whose private key this is
 * @param keyData the encrypted key as the client uploaded it (a PEM text)
 * @since 0.4
 */
@Incubating
public record EncryptedKeyMaterial(BigInteger serial, String keyData) {
    public EncryptedKeyMaterial {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(keyData, "keyData");
    }
}
