package org.polyproto.jakarta.internal.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.polyproto.jakarta.spi.ConfigurationSource;

/** Settings from a map, for unit tests; {@code polyproto.domain} is {@code example.com} unless the map sets it. */
public final class TestConfig {

    private TestConfig() {
    }

    public static ConfigurationSource source(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.putIfAbsent(ServerSettings.DOMAIN, "example.com");
        return new ConfigurationSource() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(all.get(key));
            }

            @Override
            public Set<String> keys() {
                return all.keySet();
            }
        };
    }

    public static PolyprotoConfig of(Map<String, String> values) {
        return PolyprotoConfig.read(source(values));
    }
}
