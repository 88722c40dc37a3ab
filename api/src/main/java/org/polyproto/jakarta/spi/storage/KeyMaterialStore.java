package org.polyproto.jakarta.spi.storage;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.Incubating;

/**
 * Encrypted private key material per actor of this server, at most one item per ID-Cert serial.
 * <p>
 * The module checks an upload against its caps and then stores it in one transaction, after
 * {@link SessionStore#lockActor}: calls for one actor never overlap, so a store need not be atomic beyond each
 * call. Called inside the module's transactions, concurrently for different actors.
 *
 * @since 0.4
 */
@Incubating
public interface KeyMaterialStore {

    /** Stores {@code material} for {@code fid}; false, storing nothing, if {@code fid} holds its serial already. */
    boolean add(FederationId fid, EncryptedKeyMaterial material);

    /** How many characters of key data {@code fid} holds. */
    long size(FederationId fid);

    /** {@code fid}'s material of these serials, or all of it when {@code serials} is empty; by ascending serial. */
    List<EncryptedKeyMaterial> find(FederationId fid, Set<BigInteger> serials);

    /** Removes {@code fid}'s material of these serials; returns how many items. */
    int remove(FederationId fid, Set<BigInteger> serials);
}
