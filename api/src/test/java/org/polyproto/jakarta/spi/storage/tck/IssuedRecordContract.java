package org.polyproto.jakarta.spi.storage.tck;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.storage.IdCertRecord;

/**
 * What the contracts of the optional capabilities over the issued ID-Certs and the server keys share
 * ({@link IssuedIdCertLookupContract}, {@link IssuedChallengeUseContract}): the hooks that issue, invalidate and
 * retire the signer behind the capability's back, and the records they issue.
 * <p>
 * {@link #createStore()} returns the capability over an empty ID-Cert store and a custody whose key in force has the
 * serial {@link #SIGNER}; each hook commits before it returns.
 *
 * @param <S> the capability
 */
public abstract class IssuedRecordContract<S> extends StoreContract<S> {

    /** The serial of the server key in force when each test begins: 20 octets, as a real serial may have. */
    protected static final BigInteger SIGNER = SessionStoreContract.LARGE_SERIALS.get(1);
    protected static final Instant T = Instant.ofEpochSecond(1_800_000_000L);
    protected static final FederationId ALICE = FederationId.parse("alice@example.com");

    /** Stores {@code cert} as issued, through the ID-Cert store the capability reads ({@code IdCertStore.save}). */
    protected abstract void issue(IdCertRecord cert);

    /** Invalidates an issued certificate, as {@code IdCertStore.invalidate} does. */
    protected abstract void invalidate(BigInteger serial, Instant at);

    /** Retires the key {@link #SIGNER}, as a rotation committed on any node does. */
    protected abstract void retireSigner();

    protected static IdCertRecord cert(BigInteger serial) {
        return new IdCertRecord(serial, ALICE, "s-" + serial.bitLength(), "PEM " + serial, T, T.plusSeconds(3600),
                Optional.empty());
    }
}
