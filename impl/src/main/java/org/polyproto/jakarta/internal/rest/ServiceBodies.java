package org.polyproto.jakarta.internal.rest;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.polyproto.jakarta.internal.service.DiscoverableServices;
import org.polyproto.jakarta.spi.storage.DiscoverableService;

/**
 * Services as polyproto-rs 0.11 sends and parses them: {@code {"service": {"inner": "<name>"}, "url": "<url>",
 * "primary": <bool>}} (its {@code ServiceName} is a struct, so it is an object on the wire). A name is also read as
 * a plain string, as the OpenAPI has it, and a service also wrapped as {@code {"service": Service}}. Names are 2 to
 * 64 characters of {@code [a-z0-9_-]}; URLs absolute http or https, at most 2,048 characters, normalised as
 * polyproto-rs's {@code url::Url} writes them (scheme and host in lower case, {@code /} for an empty path).
 */
final class ServiceBodies {

    static final int MAX_URL = 2048;
    private static final JsonProvider JSON = JsonProvider.provider();

    private ServiceBodies() {
    }

    static DiscoverableService service(byte[] body) {
        JsonBody json = JsonBody.parse(body);
        Optional<JsonValue> inner = json.value("service");
        if (inner.isPresent() && inner.get() instanceof JsonObject wrapped && wrapped.containsKey("url")) {
            json = JsonBody.of(wrapped);
        }
        JsonValue name = json.value("service").orElseThrow(() -> JsonBody.badRequest("The field service is required."));
        return new DiscoverableService(name(name), url(json.requiredString("url")), json.bool("primary").orElse(false));
    }

    static String name(JsonValue value) {
        return name(value instanceof JsonString s ? s.getString()
                : value instanceof JsonObject o && o.get("inner") instanceof JsonString s ? s.getString() : null);
    }

    static String name(String name) {
        if (name == null || !name.matches("[a-z0-9_-]{2,64}")) {
            throw JsonBody.badRequest("A service name is 2 to 64 characters of a-z, 0-9, - and _.");
        }
        return name;
    }

    static String url(String text) {
        if (text.length() > MAX_URL) {
            throw badUrl();
        }
        try {
            URI uri = new URI(text).normalize();
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                throw badUrl();
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort(), null, null, null)
                    + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        } catch (URISyntaxException e) {
            throw badUrl();
        }
    }

    static JsonObject json(DiscoverableService service) {
        return JSON.createObjectBuilder()
                .add("service", JSON.createObjectBuilder().add("inner", service.name()))
                .add("url", service.url()).add("primary", service.primary()).build();
    }

    static JsonValue json(List<DiscoverableService> services) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        services.forEach(s -> out.add(json(s)));
        return out.build();
    }

    static JsonObject json(DiscoverableServices.Deleted deleted) {
        return JSON.createObjectBuilder().add("deleted", json(deleted.deleted()))
                .add("new_primary", deleted.newPrimary().<JsonValue>map(ServiceBodies::json).orElse(JsonValue.NULL))
                .build();
    }

    private static RuntimeException badUrl() {
        return JsonBody.badRequest("A service URL is an absolute http or https URL of at most " + MAX_URL
                + " characters.");
    }
}
