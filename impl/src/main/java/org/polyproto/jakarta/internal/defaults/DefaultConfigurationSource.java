package org.polyproto.jakarta.internal.defaults;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.polyproto.jakarta.spi.ConfigurationSource;

/**
 * Servlet context parameters of the host WAR, then MicroProfile Config when the server has it, then system
 * properties, then the environment ({@code polyproto.token.ttl} as {@code POLYPROTO_TOKEN_TTL}). The environment
 * cannot list key families ({@code polyproto.federation.resolve.<domain>}): its names do not say where the dots were.
 */
@ApplicationScoped
public class DefaultConfigurationSource implements ConfigurationSource {

    private static final String PREFIX = "polyproto.";

    private volatile Map<String, String> contextParameters = Map.of();

    /** Copies the {@code polyproto.*} context parameters as the web application starts, before anyone reads. */
    void captureContextParameters(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE)
                                  @Initialized(ApplicationScoped.class) ServletContext context) {
        Map<String, String> params = new HashMap<>();
        for (String name : Collections.list(context.getInitParameterNames())) {
            if (name.startsWith(PREFIX)) {
                params.put(name, context.getInitParameter(name));
            }
        }
        contextParameters = Map.copyOf(params);
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(contextParameters.get(key))
                .or(() -> fromMicroProfileConfig(key))
                .or(() -> Optional.ofNullable(System.getProperty(key)))
                .or(() -> Optional.ofNullable(System.getenv(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"))));
    }

    @Override
    public Set<String> keys() {
        Set<String> keys = new TreeSet<>(contextParameters.keySet());
        keys.addAll(System.getProperties().stringPropertyNames());
        microProfileConfig().ifPresent(config -> {
            try {
                Method names = config.getClass().getMethod("getPropertyNames");
                names.setAccessible(true);
                for (Object name : (Iterable<?>) names.invoke(config)) {
                    keys.add(String.valueOf(name));
                }
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                // no names from there
            }
        });
        keys.removeIf(key -> !key.startsWith(PREFIX));
        return Set.copyOf(keys);
    }

    /** Reflective, so that the module loads on servers without MicroProfile Config. */
    private static Optional<Object> microProfileConfig() {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> provider = Class.forName("org.eclipse.microprofile.config.ConfigProvider", false, loader);
            return Optional.of(provider.getMethod("getConfig").invoke(null));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> fromMicroProfileConfig(String key) {
        Optional<Object> found = microProfileConfig();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try {
            Object config = found.get();
            Method lookup = config.getClass().getMethod("getOptionalValue", String.class, Class.class);
            lookup.setAccessible(true);
            @SuppressWarnings("unchecked")
            Optional<String> value = (Optional<String>) lookup.invoke(config, key, String.class);
            return value;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }
}
