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
import org.polyproto.jakarta.spi.ConfigurationSource;
import org.polyproto.jakarta.spi.PolyprotoDefault;

/**
 * Servlet context parameters of the host WAR, then MicroProfile Config when the server has it, then system
 * properties, then the environment ({@code polyproto.token.ttl} as {@code POLYPROTO_TOKEN_TTL}).
 */
@ApplicationScoped
@PolyprotoDefault
public class DefaultConfigurationSource implements ConfigurationSource {

    private volatile Map<String, String> contextParameters = Map.of();

    /** Copies the {@code polyproto.*} context parameters as the web application starts, before anyone reads. */
    void captureContextParameters(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE)
                                  @Initialized(ApplicationScoped.class) ServletContext context) {
        Map<String, String> params = new HashMap<>();
        for (String name : Collections.list(context.getInitParameterNames())) {
            if (name.startsWith("polyproto.")) {
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

    /** Reflective, so that the module loads on servers without MicroProfile Config. */
    private static Optional<String> fromMicroProfileConfig(String key) {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> provider = Class.forName("org.eclipse.microprofile.config.ConfigProvider", false, loader);
            Object config = provider.getMethod("getConfig").invoke(null);
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
