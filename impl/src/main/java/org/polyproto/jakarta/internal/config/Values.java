package org.polyproto.jakarta.internal.config;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.InvalidConfigurationException;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.spi.ConfigurationSource;

/** Readers for the value types that {@link ConfigurationSource} does not cover: lists, domains. */
final class Values {

    private Values() {
    }

    /** The comma-separated items of {@code key}, each trimmed and checked by {@code parse}; empty if unset. */
    static <T> List<T> list(ConfigurationSource source, String key, String what, Function<String, T> parse) {
        return source.text(key).stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .filter(s -> !s.isEmpty()).map(s -> item(key, what, s, parse)).toList();
    }

    /** A domain of the polyproto rules, lower case; required. */
    static String domain(ConfigurationSource source, String key) {
        String value = source.text(key).orElseThrow(() -> new InvalidConfigurationException(key, "is required: set"
                + " it to the domain this server is the home server of, e.g. -D" + key + "=example.com"));
        try {
            return FederationId.requireDomain(value);
        } catch (PolyprotoException e) {
            throw new InvalidConfigurationException(key, "is not a valid domain: '" + value + "'");
        }
    }

    private static <T> T item(String key, String what, String item, Function<String, T> parse) {
        try {
            return parse.apply(item);
        } catch (PolyprotoException | IllegalArgumentException e) {
            throw new InvalidConfigurationException(key, "lists '" + item + "', which is not " + what);
        }
    }
}
