package org.polyproto.jakarta.spi;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.polyproto.jakarta.api.InvalidConfigurationException;

/**
 * Where the module reads its {@code polyproto.*} settings from. The default looks, in this order, at the host
 * WAR's servlet context parameters, MicroProfile Config (when the server provides it), system properties and the
 * environment (where {@code polyproto.token.ttl} is {@code POLYPROTO_TOKEN_TTL}).
 * <p>
 * Values are read once when the module starts, through the typed readers below: a value they cannot use fails the
 * start with an {@link InvalidConfigurationException} naming the key. An implementation provides {@link #get} and,
 * for key families such as {@code polyproto.federation.resolve.<domain>}, {@link #keys}; the readers are not meant
 * to be overridden.
 *
 * @since 0.1
 */
public interface ConfigurationSource {

    /**
     * Longest duration accepted, so that adding one to any instant of this era cannot overflow.
     *
     * @since 0.2
     */
    Duration MAX_DURATION = Duration.ofDays(36_525);

    /** The raw value for {@code key}, if it is set. */
    Optional<String> get(String key);

    /**
     * The {@code polyproto.*} keys this source has values for, so that families of keys such as
     * {@code polyproto.federation.resolve.<domain>} can be read at start. The default knows none, so a source
     * without it offers no such family. May be incomplete for sources that cannot list their names.
     *
     * @since 0.2
     */
    default Set<String> keys() {
        return Set.of();
    }

    /**
     * The value of {@code key} without leading and trailing white space; empty if it is unset or blank.
     *
     * @since 0.2
     */
    default Optional<String> text(String key) {
        return get(key).map(String::strip).filter(v -> !v.isEmpty());
    }

    /**
     * {@code true} or {@code false}, in any case.
     *
     * @param fallback the value when the key is unset or blank
     * @throws InvalidConfigurationException for any other value
     * @since 0.2
     */
    default boolean bool(String key, boolean fallback) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidConfigurationException(key, "must be true or false, was '" + value.get()
                    + "'");
        };
    }

    /**
     * A whole number from {@code min} to {@code max}.
     *
     * @param fallback the value when the key is unset or blank
     * @throws InvalidConfigurationException if the value is not a whole number in that range
     * @since 0.2
     */
    default int integer(String key, int fallback, int min, int max) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.get());
            if (n >= min && n <= max) {
                return (int) n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigurationException(key, "must be a whole number from " + min + " to " + max + ", was '"
                + value.get() + "'");
    }

    /**
     * Whole seconds ({@code 300}) or an ISO-8601 duration ({@code PT5M}), positive and at most
     * {@link #MAX_DURATION}.
     *
     * @param fallback the value when the key is unset or blank
     * @throws InvalidConfigurationException for any other value
     * @since 0.2
     */
    default Duration duration(String key, Duration fallback) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        String v = value.get();
        Duration d;
        try {
            d = v.chars().allMatch(c -> c >= '0' && c <= '9') ? Duration.ofSeconds(Long.parseLong(v))
                    : Duration.parse(v);
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new InvalidConfigurationException(key, "must be whole seconds or an ISO-8601 duration such as"
                    + " PT5M, was '" + v + "'");
        }
        if (d.isNegative() || d.isZero() || d.compareTo(MAX_DURATION) > 0) {
            throw new InvalidConfigurationException(key, "must be positive and at most " + MAX_DURATION.toDays()
                    + " days, was '" + v + "'");
        }
        return d;
    }
}
