package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.spi.storage.EncryptedKeyMaterial;
import org.polyproto.jakarta.spi.storage.KeyMaterialStore;
import org.polyproto.jakarta.spi.storage.SessionStore;

/**
 * Encrypted private key material of this server's actors ({@code .p2/core/v1/session/keymaterial}): at most one item
 * per ID-Cert serial, {@value #MAX_ITEM_LENGTH} characters per item, {@value #MAX_SERIALS} serials per request, and
 * {@code polyproto.keymaterial.max-bytes-per-actor} in all. An upload is checked and stored whole or not at all,
 * under the actor's lock, so concurrent uploads on any node never pass the cap together.
 */
@ApplicationScoped
public class KeyMaterials {

    public static final int MAX_ITEM_LENGTH = 16384;
    public static final int MAX_SERIALS = 256;

    @Inject
    KeyMaterialStore store;
    @Inject
    SessionStore sessions;
    @Inject
    PolyprotoConfig config;
    @Inject
    LocalActors localActors;

    @Transactional
    public void upload(FederationId fid, List<EncryptedKeyMaterial> items) {
        localActors.requireLocal(fid, "keep key material");
        requireCount(items.size());
        Set<BigInteger> serials = new HashSet<>();
        long added = 0;
        for (EncryptedKeyMaterial item : items) {
            if (item.keyData().isEmpty() || item.keyData().length() > MAX_ITEM_LENGTH) {
                throw new PolyprotoException(ErrorCode.BAD_REQUEST, "Key data has 1 to " + MAX_ITEM_LENGTH
                        + " characters.");
            }
            if (!serials.add(item.serial())) {
                throw duplicate();
            }
            added += item.keyData().length();
        }
        sessions.lockActor(fid);
        if (!store.find(fid, serials).isEmpty()) {
            throw duplicate();
        }
        if (store.size(fid) + added > config.protocol().keyMaterialPerActor()) {
            throw new PolyprotoException(ErrorCode.PAYLOAD_TOO_LARGE, "An actor keeps at most "
                    + config.protocol().keyMaterialPerActor() + " characters of key material here.");
        }
        for (EncryptedKeyMaterial item : items) {
            if (!store.add(fid, item)) {
                throw duplicate();
            }
        }
    }

    /** The actor's items of these serials, or all of them when none are named. */
    @Transactional
    public List<EncryptedKeyMaterial> find(FederationId fid, Set<BigInteger> serials) {
        localActors.requireLocal(fid, "keep key material");
        requireCount(serials.size());
        return store.find(fid, serials);
    }

    @Transactional
    public int delete(FederationId fid, Set<BigInteger> serials) {
        localActors.requireLocal(fid, "keep key material");
        requireCount(serials.size());
        if (serials.isEmpty()) {
            throw new PolyprotoException(ErrorCode.BAD_REQUEST, "Name the serials whose key material goes.");
        }
        return store.remove(fid, serials);
    }

    private static void requireCount(int count) {
        if (count > MAX_SERIALS) {
            throw new PolyprotoException(ErrorCode.BAD_REQUEST, "At most " + MAX_SERIALS + " items per request.");
        }
    }

    private static PolyprotoException duplicate() {
        return new PolyprotoException(ErrorCode.DUPLICATE, "The actor holds key material of this serial already.");
    }
}
