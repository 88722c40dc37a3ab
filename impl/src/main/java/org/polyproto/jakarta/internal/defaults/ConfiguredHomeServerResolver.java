package org.polyproto.jakarta.internal.defaults;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.spi.HomeServerResolver;

/** {@code polyproto.federation.resolve.<domain>} if set, else {@code https://<domain>/}. */
@ApplicationScoped
public class ConfiguredHomeServerResolver implements HomeServerResolver {

    @Inject
    PolyprotoConfig config;

    @Override
    public URI resolve(String domain) {
        URI mapped = config.federation().homeServers().get(domain);
        return mapped != null ? mapped : URI.create("https://" + domain + "/");
    }
}
