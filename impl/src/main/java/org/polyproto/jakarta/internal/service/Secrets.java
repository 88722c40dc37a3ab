package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import org.polyproto.jakarta.internal.crypto.PasswordHasher;

/** The module's CSPRNG and password hasher, shared application-wide (both are thread-safe). */
@ApplicationScoped
public class Secrets {

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
                    passwordHasher = new PasswordHasher(random);
                }
                hasher = passwordHasher;
            }
        }
        return hasher;
    }
}
