package org.polyproto.jakarta.spi.storage;

import java.util.Objects;
import org.polyproto.jakarta.api.Incubating;

/**
 * A service that an actor lists as one it uses (polyproto-core v1 §10, "services"): a service name such as
 * {@code polyproto-chat} and the URL of the server that provides it to the actor, the primary one per name first.
 *
 * @param name    2 to 64 characters of {@code [a-z0-9_-]}
 * @param url     an absolute http or https URL
 * @param primary whether it is the actor's primary provider of this service (at most one per name)
 * @since 0.4
 */
@Incubating
public record DiscoverableService(String name, String url, boolean primary) {
    public DiscoverableService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
    }

    /** The same service with {@code primary} set as given. */
    public DiscoverableService withPrimary(boolean primary) {
        return new DiscoverableService(name, url, primary);
    }

    /** Whether this is the entry of {@code name} at {@code url}, primary or not. */
    public boolean is(String name, String url) {
        return this.name.equals(name) && this.url.equals(url);
    }
}
