package org.polyproto.jakarta.spi.storage;

import java.math.BigInteger;
import java.util.Optional;
import org.polyproto.jakarta.api.Incubating;

/**
 * A capability of a store that keeps both this server's issued ID-Certs ({@link IdCertStore}) and its server keys
 * ({@link org.polyproto.jakarta.spi.ServerKeyCustody}): a home actor's issued record and the standing of the key
 * that signed it, in one read. Identify asks it once per home actor, inside its transaction, instead of
 * {@link org.polyproto.jakarta.spi.ServerKeyCustody#inForce} followed by {@link IdCertStore#find}.
 * <p>
 * Optional. The persistence jar's default answers with one query over its two tables and steps aside when the
 * application replaces either of those two SPIs, since it would then read rows they do not keep. Without a bean of
 * this type the module makes the two calls. An application that implements both SPIs over one database may
 * implement this one too; its answers must be the two calls' answers in the same transaction.
 * <p>
 * Thread-safe; called concurrently, inside the caller's transaction, whose view it must read: a rotation or an
 * invalidation committed before that transaction began is seen.
 *
 * @since 0.5
 */
@Incubating
public interface IssuedIdCertLookup {

    /**
     * The record {@link IdCertStore#find find(certSerial)} answers, if the server key with {@code signerSerial} is
     * in force ({@link org.polyproto.jakarta.spi.ServerKeyCustody#inForce inForce(signerSerial)}); empty if there
     * is no such record or that key is not in force. An invalidated record is answered as stored: the caller
     * judges {@link IdCertRecord#invalidatedAt()}.
     */
    Optional<IdCertRecord> findSignedByKeyInForce(BigInteger certSerial, BigInteger signerSerial);
}
