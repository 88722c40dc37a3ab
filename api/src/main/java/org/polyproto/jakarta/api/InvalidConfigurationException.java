package org.polyproto.jakarta.api;

import java.util.Objects;

/**
 * A {@code polyproto.*} setting is missing or has a value the module cannot use. Thrown while the application
 * starts, so it fails the deployment; the message names the key and what is wrong, never a secret's value.
 *
 * @since 0.2
 */
public class InvalidConfigurationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key the key whose value is wrong, e.g. {@code polyproto.token.ttl}
     * @param problem what is wrong, continuing the key, e.g. {@code "must be positive, was -5"}
     */
    public InvalidConfigurationException(String key, String problem) {
        this(key, problem, null);
    }

    public InvalidConfigurationException(String key, String problem, Throwable cause) {
        super("polyproto: " + Objects.requireNonNull(key, "key") + " " + problem, cause);
        this.key = key;
    }

    /** The key whose value is wrong. */
    public String key() {
        return key;
    }
}
