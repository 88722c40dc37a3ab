package org.polyproto.jakarta.spi.storage;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import org.polyproto.jakarta.api.Incubating;

/**
 * A key trial that an actor of this server completed (polyproto-core v1, {@code POST keytrial}): the trial this
 * server issued, when it expired, and the actor's answer. Kept so that anyone in contact with the actor can later
 * check that the actor itself, not its home server, took a step such as a redirect ({@code GET keytrial/{fid}}).
 *
 * @param trial       the trial string, as issued
 * @param expires     when the trial expired
 * @param signature   the actor's Ed25519 signature over the trial's UTF-8 bytes (64 bytes)
 * @param serial      serial of the ID-Cert whose key signed it
 * @param completedAt when the completion was accepted
 * @since 0.4
 */
@Incubating
public record CompletedKeyTrial(String trial, Instant expires, byte[] signature, BigInteger serial,
                                Instant completedAt) {
    public CompletedKeyTrial {
        Objects.requireNonNull(trial, "trial");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(completedAt, "completedAt");
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompletedKeyTrial other && trial.equals(other.trial) && expires.equals(other.expires)
                && java.util.Arrays.equals(signature, other.signature) && serial.equals(other.serial)
                && completedAt.equals(other.completedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(trial, expires, java.util.Arrays.hashCode(signature), serial, completedAt);
    }

    @Override
    public String toString() {
        return "CompletedKeyTrial[trial=" + trial + ", serial=" + serial + ", completedAt=" + completedAt + "]";
    }
}
