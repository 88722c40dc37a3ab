package org.polyproto.jakarta.internal.config;

import java.time.Duration;
import java.util.List;
import org.polyproto.jakarta.spi.ConfigurationSource;

/**
 * Bounds on the KeyPackages clients upload.
 *
 * @param lowThreshold {@value #LOW_THRESHOLD}
 * @param maxPerRequest {@value #MAX_PER_REQUEST}
 * @param maxPerClient {@value #MAX_PER_CLIENT}
 * @param maxLifetime {@value #MAX_LIFETIME}
 */
public record KeyPackageSettings(int lowThreshold, int maxPerRequest, int maxPerClient, Duration maxLifetime) {

    /**
     * A fetch that leaves a client with fewer regular KeyPackages queues {@code LOW_KEY_PACKAGES} for it.
     * 1 to 2147483647; default 5.
     *
     * @since 0.1
     */
    public static final String LOW_THRESHOLD = "polyproto.keypackages.low-threshold";
    /**
     * KeyPackages in one upload; more are refused (400). 1 to 2147483647; default 100.
     *
     * @since 0.1
     */
    public static final String MAX_PER_REQUEST = "polyproto.keypackages.max-per-request";
    /**
     * Regular KeyPackages a client may hold; an upload that would pass it is refused (400). 1 to 2147483647;
     * default 1000.
     *
     * @since 0.1
     */
    public static final String MAX_PER_CLIENT = "polyproto.keypackages.max-per-client";

    /**
     * The longest lifetime ({@code not_after} minus {@code not_before}) of a KeyPackage's LeafNode; a longer one is
     * refused (400). Default 100 days (OpenMLS gives its packages 12 weeks).
     *
     * @since 0.5
     */
    public static final String MAX_LIFETIME = "polyproto.keypackages.max-lifetime";

    public static final List<String> KEYS = List.of(LOW_THRESHOLD, MAX_PER_REQUEST, MAX_PER_CLIENT, MAX_LIFETIME);

    public static KeyPackageSettings read(ConfigurationSource source) {
        return new KeyPackageSettings(source.integer(LOW_THRESHOLD, 5, 1, Integer.MAX_VALUE),
                source.integer(MAX_PER_REQUEST, 100, 1, Integer.MAX_VALUE),
                source.integer(MAX_PER_CLIENT, 1000, 1, Integer.MAX_VALUE),
                source.duration(MAX_LIFETIME, Duration.ofDays(100)));
    }
}
