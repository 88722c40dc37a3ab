package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.internal.crypto.ChallengeStrings;
import org.polyproto.jakarta.spi.storage.Challenge;

/**
 * Challenge strings that carry their expiry and a MAC ({@link ChallengeStrings}, {@link ServerMacs.Purpose#CHALLENGE}):
 * issuing one stores nothing and asks nothing, and every node of the server checks one without a store. That a
 * challenge is used once is the {@link org.polyproto.jakarta.spi.storage.ChallengeStore}'s part, at its use.
 */
@ApplicationScoped
public class Challenges {

    @Inject
    PolyprotoConfig config;
    @Inject
    Secrets secrets;
    @Inject
    PolyprotoClock clock;
    @Inject
    ServerMacs macs;

    public Challenge issue() {
        long expiresAt = clock.now().plus(config.sessions().challengeTtl()).getEpochSecond();
        return new Challenge(ChallengeStrings.issue(expiresAt, secrets.random(), this::mac),
                Instant.ofEpochSecond(expiresAt));
    }

    /**
     * The challenge, if this server issued it (its MAC verifies under the server key in force) and it has not
     * expired; empty for anything else. Asks no store: whether it was used is decided where it is used.
     */
    public Optional<Challenge> verify(String value) {
        var expiresAt = ChallengeStrings.verifiedExpiry(value, this::mac);
        if (expiresAt.isEmpty() || clock.now().getEpochSecond() > expiresAt.getAsLong()) {
            return Optional.empty();
        }
        return Optional.of(new Challenge(value, Instant.ofEpochSecond(expiresAt.getAsLong())));
    }

    private byte[] mac(byte[] data) {
        return macs.mac(ServerMacs.Purpose.CHALLENGE, data);
    }
}
