package org.polyproto.jakarta.spi;

import java.util.Optional;

/**
 * Where the module reads its {@code polyproto.*} settings from. The default looks, in this order, at the host
 * WAR's servlet context parameters, MicroProfile Config (when the server provides it), system properties and the
 * environment (where {@code polyproto.token.ttl} is {@code POLYPROTO_TOKEN_TTL}).
 * <p>
 * Values are read once when the module starts.
 *
 * @since 0.1
 */
public interface ConfigurationSource {

    /** The raw value for {@code key}, if it is set. */
    Optional<String> get(String key);
}
