package org.polyproto.jakarta.internal.config;

import java.time.Duration;
import java.util.List;
import org.polyproto.jakarta.spi.ConfigurationSource;

/**
 * How long challenges and sessions live, how many an actor may hold, and how often the expired ones are removed.
 *
 * @param challengeTtl {@value #CHALLENGE_TTL}
 * @param tokenTtl {@value #TOKEN_TTL}
 * @param maxPerActor {@value #MAX_PER_ACTOR}
 * @param eventsMaxQueued {@value #EVENTS_MAX_QUEUED}
 * @param housekeepingInterval {@value #HOUSEKEEPING_INTERVAL}
 */
public record SessionSettings(Duration challengeTtl, Duration tokenTtl, int maxPerActor, int eventsMaxQueued,
                              Duration housekeepingInterval) {

    /**
     * Lifetime of a challenge. A duration (seconds or ISO-8601); default 300 seconds.
     *
     * @since 0.1
     */
    public static final String CHALLENGE_TTL = "polyproto.challenge.ttl";
    /**
     * Lifetime of a session token (it also ends with its ID-Cert). A duration; default 7 days.
     *
     * @since 0.1
     */
    public static final String TOKEN_TTL = "polyproto.token.ttl";
    /**
     * Sessions one actor of this server may hold; a trust for one more is refused (409). 1 to 2147483647;
     * default 100.
     *
     * @since 0.2
     */
    public static final String MAX_PER_ACTOR = "polyproto.sessions.max-per-actor";
    /**
     * Events kept per session; beyond it the oldest are dropped. 1 to 2147483647; default 1000.
     *
     * @since 0.1
     */
    public static final String EVENTS_MAX_QUEUED = "polyproto.events.max-queued";
    /**
     * At most how often expired challenges and sessions are removed. A duration; default 60 seconds.
     *
     * @since 0.1
     */
    public static final String HOUSEKEEPING_INTERVAL = "polyproto.housekeeping.interval";

    public static final List<String> KEYS = List.of(CHALLENGE_TTL, TOKEN_TTL, MAX_PER_ACTOR, EVENTS_MAX_QUEUED,
            HOUSEKEEPING_INTERVAL);

    public static SessionSettings read(ConfigurationSource source) {
        return new SessionSettings(source.duration(CHALLENGE_TTL, Duration.ofMinutes(5)),
                source.duration(TOKEN_TTL, Duration.ofDays(7)),
                source.integer(MAX_PER_ACTOR, 100, 1, Integer.MAX_VALUE),
                source.integer(EVENTS_MAX_QUEUED, 1000, 1, Integer.MAX_VALUE),
                source.duration(HOUSEKEEPING_INTERVAL, Duration.ofMinutes(1)));
    }
}
