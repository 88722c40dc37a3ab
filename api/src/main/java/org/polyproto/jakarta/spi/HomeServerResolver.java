package org.polyproto.jakarta.spi;

import java.net.URI;

/**
 * Finds where the home server of another domain serves its polyproto routes. The default answers the URL set in
 * {@code polyproto.federation.resolve.<domain>} (the only way to use plain {@code http}), else
 * {@code https://<domain>/}.
 *
 * @since 0.1
 */
public interface HomeServerResolver {

    /**
     * The base URI of {@code domain}'s home server; {@code p2core/key/server} is resolved against it.
     *
     * @param domain a valid, lower-case domain other than this server's
     * @return an absolute {@code https} (or explicitly configured {@code http}) URI ending in {@code /}
     */
    URI resolve(String domain);
}
