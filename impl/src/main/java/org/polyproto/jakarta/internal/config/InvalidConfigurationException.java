package org.polyproto.jakarta.internal.config;

/** A {@code polyproto.*} setting is missing or unreadable; fails the deployment. */
public class InvalidConfigurationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public InvalidConfigurationException(String message) {
        super("polyproto: " + message);
    }
}
