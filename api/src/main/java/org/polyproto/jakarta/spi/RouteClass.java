package org.polyproto.jakarta.spi;

/**
 * The groups of routes that are rate-limited separately.
 *
 * @since 0.1
 */
public enum RouteClass {
    /** {@code POST p2core/register}: each request may run the password hash. */
    REGISTER,
    /** {@code GET p2core/challenge}: each request stores a row. */
    CHALLENGE,
    /** {@code POST p2core/session/identify} and {@code session/trust}: signature checks, password hashes. */
    AUTHENTICATE,
    /**
     * {@code POST p2core/session/identify} for one actor from one client address, counted once the ID-Cert names
     * the actor: a client hammering one identity is stopped while the actor stays reachable from elsewhere. The
     * limiter's address argument is then {@code "<address> <federation id>"}.
     */
    ACTOR,
    /**
     * Fetches from another home server that a client's request causes (a cache miss on its certificate or on an
     * actor's certificate list): a client cannot make this server ask many distinct domains and actors.
     *
     * @since 0.2
     */
    FEDERATION;

    /** The configuration name, e.g. {@code register}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
