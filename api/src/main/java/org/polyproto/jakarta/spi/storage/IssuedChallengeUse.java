package org.polyproto.jakarta.spi.storage;

import java.math.BigInteger;
import java.time.Instant;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.Incubating;

/**
 * A capability of a store that keeps the used challenges ({@link ChallengeStore}), this server's issued ID-Certs
 * ({@link IdCertStore}) and its server keys ({@link org.polyproto.jakarta.spi.ServerKeyCustody}) in one database:
 * a home actor's identify records its challenge as used and checks the actor's issued record and its signer in one
 * statement, in place of {@link ChallengeStore#use} followed by {@link IssuedIdCertLookup} (or
 * {@code ServerKeyCustody.inForce} and {@link IdCertStore#find}).
 * <p>
 * Optional. The persistence jar's default is one conditional insert over its three tables, and steps aside when the
 * application replaces any of those three SPIs, since it would then read or write rows they do not keep. Without a
 * bean of this type the module makes the separate calls. When this one answers false, the module makes them too, and
 * they decide why: the challenge was used, or the ID-Cert is not (or no longer) on record. A false answer therefore
 * never refuses anything by itself, and an implementation may answer false whenever it cannot decide cheaply.
 * <p>
 * Thread-safe; called concurrently, inside the caller's transaction, whose view it must read: a rotation or an
 * invalidation committed before that transaction began is seen, and of concurrent callers with one challenge at most
 * one gets true, as {@link ChallengeStore#use} requires.
 *
 * @since 0.5
 */
@Incubating
public interface IssuedChallengeUse {

    /**
     * Records {@code challenge} as used, exactly as {@link ChallengeStore#use} does, if and only if all of these hold
     * in the caller's transaction: the challenge was not used before; the record {@link IdCertStore#find
     * find(certSerial)} exists, belongs to {@code fid}, holds exactly {@code certPem} and has no invalidation at or
     * before {@code now}; and the server key with {@code signerSerial} is in force. When any of them fails, nothing is
     * recorded.
     *
     * @return true if the use was recorded; false if it was not, for whichever reason
     */
    boolean useForIssued(Challenge challenge, FederationId fid, BigInteger certSerial, String certPem,
                         BigInteger signerSerial, Instant now);
}
