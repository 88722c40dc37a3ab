package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.internal.crypto.ChallengeStrings;
import org.polyproto.jakarta.spi.storage.Challenge;
import org.polyproto.jakarta.spi.storage.ChallengeStore;

/** Hands out challenge strings. */
@ApplicationScoped
public class Challenges {

    @Inject
    ChallengeStore store;
    @Inject
    PolyprotoConfig config;
    @Inject
    Secrets secrets;
    @Inject
    PolyprotoClock clock;
    @Inject
    Housekeeping housekeeping;

    @Transactional
    public Challenge issue() {
        if (housekeeping.due()) {
            housekeeping.sweep();
        }
        Challenge challenge = new Challenge(ChallengeStrings.next(secrets.random()),
                clock.now().plus(config.sessions().challengeTtl()));
        store.save(challenge);
        return challenge;
    }
}
