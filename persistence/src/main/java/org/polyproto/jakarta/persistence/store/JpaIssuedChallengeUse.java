package org.polyproto.jakarta.persistence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Instant;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.storage.Challenge;
import org.polyproto.jakarta.spi.storage.IssuedChallengeUse;

/**
 * A home actor's identify in one statement: the used challenge's insert ({@link JpaChallengeStore#use}) made on the
 * issued record in {@code p2_id_cert} being the actor's, as presented and not invalidated, and on its signer in
 * {@code p2_server_key} being in force ({@link JpaIssuedIdCertLookup}'s read).
 */
@ApplicationScoped
@StorageOperation
public class JpaIssuedChallengeUse implements IssuedChallengeUse {

    private static final String USE_FOR_ISSUED = UsedOnce.CHALLENGE.insertAlsoIf("exists (select 1 from p2_id_cert c"
            + " where c.serial = ? and c.fid = ? and c.pem = ? and (c.invalidated_at is null or c.invalidated_at > ?)"
            + " and exists (" + JpaServerKeyCustody.IN_FORCE + "))");

    @Inject
    UnitSql sql;
    @Inject
    ServerScope scope;

    @Override
    @Jdbc
    public boolean useForIssued(Challenge challenge, FederationId fid, BigInteger certSerial, String certPem,
                                BigInteger signerSerial, Instant now) {
        if (!Conversions.isStorableSerial(certSerial) || !Conversions.isStorableSerial(signerSerial)) {
            return false;
        }
        return UsedOnce.CHALLENGE.recordIf(sql, USE_FOR_ISSUED, challenge.value(), scope.domain(),
                Conversions.seconds(challenge.expiresAt()), certSerial, fid.toString(), certPem,
                Conversions.seconds(now), signerSerial, scope.domain());
    }
}
