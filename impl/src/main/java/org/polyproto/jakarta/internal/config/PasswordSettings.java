package org.polyproto.jakarta.internal.config;

import java.time.Duration;
import java.util.List;
import org.polyproto.jakarta.spi.ConfigurationSource;

/**
 * The bulkhead in front of the Argon2id password hash.
 *
 * @param maxConcurrent {@value #MAX_CONCURRENT}
 * @param maxWait {@value #MAX_WAIT}
 */
public record PasswordSettings(int maxConcurrent, Duration maxWait) {

    /**
     * Argon2id hashes (19 MiB each) that run at once. 1 to 2147483647; default the number of cores.
     *
     * @since 0.2
     */
    public static final String MAX_CONCURRENT = "polyproto.password.max-concurrent";
    /**
     * How long a request waits for a hashing turn before it is refused (503). A duration; default 2 seconds.
     *
     * @since 0.2
     */
    public static final String MAX_WAIT = "polyproto.password.max-wait";

    public static final List<String> KEYS = List.of(MAX_CONCURRENT, MAX_WAIT);

    public static PasswordSettings read(ConfigurationSource source) {
        return new PasswordSettings(source.integer(MAX_CONCURRENT, Runtime.getRuntime().availableProcessors(), 1,
                Integer.MAX_VALUE), source.duration(MAX_WAIT, Duration.ofSeconds(2)));
    }
}
