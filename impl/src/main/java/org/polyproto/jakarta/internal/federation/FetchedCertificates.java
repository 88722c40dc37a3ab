package org.polyproto.jakarta.internal.federation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Certificates as another home server answered them, PEM (its own, or an actor's current ones), and until when they
 * may be cached: the earliest {@code cacheNotValidAfter} of a v1 answer; a seed answer sets no bound of its own.
 */
public record FetchedCertificates(List<String> pems, Optional<Instant> cacheUntil) {

    public FetchedCertificates {
        pems = List.copyOf(pems);
    }

    /** Seed answers: no cache window. */
    public static FetchedCertificates of(String... pems) {
        return new FetchedCertificates(List.of(pems), Optional.empty());
    }

    /** The one certificate of a server's answer. */
    public String first() {
        return pems.get(0);
    }
}
