package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.internal.crypto.Bulkhead;
import org.polyproto.jakarta.internal.crypto.PasswordHasher;

/**
 * The module's CSPRNG and password hasher, shared application-wide (both are thread-safe). At most
 * {@code polyproto.password.max-concurrent} hashes run at once; a request waits up to
 * {@code polyproto.password.max-wait} for a turn, else gets 503.
 */
@ApplicationScoped
public class Secrets {

    public static final String PASSWORD_MAX_CONCURRENT = "polyproto.password.max-concurrent";
    public static final String PASSWORD_MAX_WAIT = "polyproto.password.max-wait";

    @Inject
    PolyprotoConfig config;

    private final SecureRandom random = new SecureRandom();
    private volatile PasswordHasher passwordHasher;

    public SecureRandom random() {
        return random;
    }

    public PasswordHasher passwordHasher() {
        PasswordHasher hasher = passwordHasher;
        if (hasher == null) {
            synchronized (this) {
                if (passwordHasher == null) {
                    passwordHasher = new PasswordHasher(random, new Bulkhead(
                            config.integer(PASSWORD_MAX_CONCURRENT, Runtime.getRuntime().availableProcessors()),
                            config.duration(PASSWORD_MAX_WAIT, Duration.ofSeconds(2))));
                }
                hasher = passwordHasher;
            }
        }
        return hasher;
    }
}
