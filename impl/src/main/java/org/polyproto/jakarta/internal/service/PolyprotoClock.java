package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/** The module's time source; one place to move time for tests. */
@ApplicationScoped
public class PolyprotoClock {

    private volatile Clock clock = Clock.systemUTC();

    public Instant now() {
        return clock.instant();
    }

    void use(Clock replacement) {
        this.clock = replacement;
    }
}
