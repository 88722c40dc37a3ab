package org.polyproto.jakarta.spi.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.Incubating;

/**
 * The key trials each actor of this server completed, for {@code GET .p2/core/v1/keytrial/{fid}}. The module adds
 * one after consuming the trial (a challenge of this server) in the same transaction, and keeps each actor's record
 * bounded with {@link #trim} under {@link SessionStore#lockActor}. Called inside the module's transactions,
 * concurrently for different actors.
 *
 * @since 0.4
 */
@Incubating
public interface KeyTrialStore {

    /** Records a completion of {@code fid}. */
    void add(FederationId fid, CompletedKeyTrial completed);

    /**
     * {@code fid}'s completions of trials that expired before {@code expiredBefore}, completed from {@code from} to
     * {@code to} (both included), of one trial string if given, newest first, at most {@code limit}.
     */
    List<CompletedKeyTrial> find(FederationId fid, Optional<String> trial, Instant expiredBefore, Instant from,
                                 Instant to, int limit);

    /** Removes {@code fid}'s oldest completions beyond the newest {@code keep}; returns how many. */
    int trim(FederationId fid, int keep);
}
