package org.polyproto.jakarta.spi.storage.memory;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polyproto.jakarta.spi.ServerKey;
import org.polyproto.jakarta.spi.ServerKeyCustody;
import org.polyproto.jakarta.spi.ServerSigningKey;

/**
 * A {@link ServerKeyCustody} in a list, oldest generation first, as a host whose keys live outside the module's
 * tables (a vault, an HSM-backed store) would keep them: thread-safe, one node only, nothing persisted. It hands
 * back exactly the keys it was given.
 */
public class InMemoryServerKeyCustody implements ServerKeyCustody {

    private final List<ServerSigningKey> generations = new ArrayList<>();

    @Override
    public synchronized Optional<ServerSigningKey> current() {
        return generations.isEmpty() ? Optional.empty() : Optional.of(generations.get(generations.size() - 1));
    }

    @Override
    public synchronized List<ServerKey> history() {
        return generations.stream().map(ServerSigningKey::key).toList();
    }

    @Override
    public synchronized ServerSigningKey initialize(ServerSigningKey first) {
        if (generations.isEmpty()) {
            generations.add(first);
        }
        return generations.get(generations.size() - 1);
    }

    @Override
    public synchronized boolean rotate(ServerSigningKey next, BigInteger expectedCurrentSerial, Instant at) {
        Optional<ServerSigningKey> current = current();
        if (current.isEmpty() || !current.get().key().serial().equals(expectedCurrentSerial)) {
            return false;
        }
        ServerKey old = current.get().key();
        generations.set(generations.size() - 1, new ServerSigningKey(new ServerKey(old.serial(),
                old.certificatePem(), old.notBefore(), old.notAfter(), Optional.of(at)),
                current.get().privateKeySeed()));
        generations.add(next);
        return true;
    }
}
