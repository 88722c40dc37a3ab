package org.polyproto.jakarta.internal.defaults;

import java.util.Map;
import java.util.Optional;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;

/** Settings from a map, for unit tests of components that read {@link PolyprotoConfig} keys. */
final class MapConfig extends PolyprotoConfig {

    private final Map<String, String> values;

    MapConfig(Map<String, String> values) {
        this.values = values;
    }

    @Override
    public Optional<String> raw(String key) {
        return Optional.ofNullable(values.get(key));
    }
}
