package org.polyproto.jakarta.internal.defaults;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.spi.HomeServerResolver;
import org.polyproto.jakarta.spi.PolyprotoDefault;

/** {@code polyproto.federation.resolve.<domain>} if set, else {@code https://<domain>/}. */
@ApplicationScoped
@PolyprotoDefault
public class ConfiguredHomeServerResolver implements HomeServerResolver {

    public static final String MAPPING_PREFIX = "polyproto.federation.resolve.";

    @Inject
    PolyprotoConfig config;

    /** Whether {@code polyproto.federation.resolve.<domain>} names the home server of {@code domain}. */
    public static boolean hasMapping(PolyprotoConfig config, String domain) {
        return config.raw(MAPPING_PREFIX + domain).isPresent();
    }

    @Override
    public URI resolve(String domain) {
        return config.raw(MAPPING_PREFIX + domain).map(ConfiguredHomeServerResolver::withSlash).map(URI::create)
                .orElseGet(() -> URI.create("https://" + domain + "/"));
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
