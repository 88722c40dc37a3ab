package org.polyproto.jakarta.internal.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import org.polyproto.jakarta.spi.ActorRegistration;
import org.polyproto.jakarta.spi.CredentialVerifier;

/**
 * The optional actor capabilities this deployment has: the module's defaults over its own actor table, the
 * host's own, or none (a host with its own directory that registers users elsewhere, or checks no passwords).
 */
@ApplicationScoped
public class ActorCapabilities {

    @Inject
    Instance<ActorRegistration> registrations;
    @Inject
    Instance<CredentialVerifier> verifiers;

    private Optional<ActorRegistration> registration = Optional.empty();
    private Optional<CredentialVerifier> verifier = Optional.empty();

    @PostConstruct
    void init() {
        registration = registrations.isResolvable() ? Optional.of(registrations.get()) : Optional.empty();
        verifier = verifiers.isResolvable() ? Optional.of(verifiers.get()) : Optional.empty();
    }

    /** For tests: these capabilities, without CDI. */
    public static ActorCapabilities of(ActorRegistration registration, CredentialVerifier verifier) {
        ActorCapabilities capabilities = new ActorCapabilities();
        capabilities.registration = Optional.ofNullable(registration);
        capabilities.verifier = Optional.ofNullable(verifier);
        return capabilities;
    }

    public Optional<ActorRegistration> registration() {
        return registration;
    }

    public Optional<CredentialVerifier> verifier() {
        return verifier;
    }
}
