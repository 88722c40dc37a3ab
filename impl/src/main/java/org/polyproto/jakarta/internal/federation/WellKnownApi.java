package org.polyproto.jakarta.internal.federation;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.polyproto.jakarta.internal.log.ModuleLog;

/**
 * The {@code api} URL of a visible domain's {@code .well-known/polyproto-core} (spec §3.1), read as a place to fetch
 * from: absolute, https (http only where private addresses are allowed, i.e. in tests), no query or fragment, its
 * host a DNS name under the rules of an unmapped domain. Anything else is not followed.
 */
final class WellKnownApi {

    static final String PATH = ".well-known/polyproto-core";

    private WellKnownApi() {
    }

    /** The API URL, ending in {@code /}, or empty when {@code json} names none that may be followed. */
    static Optional<URI> read(String domain, JsonValue json, boolean allowPrivate) {
        if (!(json instanceof JsonObject o) || !(o.get("api") instanceof JsonString text)) {
            ModuleLog.homeServerNotUsed(domain, "its .well-known/polyproto-core has no api");
            return Optional.empty();
        }
        try {
            URI api = URI.create(text.getString().endsWith("/") ? text.getString() : text.getString() + "/");
            String scheme = api.getScheme() == null ? "" : api.getScheme().toLowerCase(Locale.ROOT);
            if (api.getHost() == null || !(scheme.equals("https") || allowPrivate && scheme.equals("http"))
                    || api.getRawQuery() != null || api.getRawFragment() != null
                    || !allowPrivate && FederationTargets.refusal(api.getHost()).isPresent()) {
                ModuleLog.homeServerNotUsed(domain, "its .well-known/polyproto-core names an unusable api");
                return Optional.empty();
            }
            return Optional.of(api);
        } catch (IllegalArgumentException e) {
            ModuleLog.homeServerNotUsed(domain, "its .well-known/polyproto-core names no URL");
            return Optional.empty();
        }
    }
}
