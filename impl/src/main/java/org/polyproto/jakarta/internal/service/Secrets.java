package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
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
                    passwordHasher = new PasswordHasher(random, new Bulkhead(config.passwords().maxConcurrent(),
                            config.passwords().maxWait()));
                }
                hasher = passwordHasher;
            }
        }
        return hasher;
    }
}
