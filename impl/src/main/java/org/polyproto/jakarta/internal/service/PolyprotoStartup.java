package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.internal.log.ModuleLog;

/**
 * Fails the deployment early, with a message naming the setting, when the configuration is unusable (reading it
 * here reads and validates every key); creates the server key and the configured administrators on first start.
 */
@ApplicationScoped
public class PolyprotoStartup {

    @Inject
    PolyprotoConfig config;
    @Inject
    ServerKeys serverKeys;
    @Inject
    AdministratorBootstrap administrators;

    private volatile boolean started;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        String domain = config.server().domain();
        ModuleLog.starting(domain);
        serverKeys.ensureKey();
        administrators.run();
        started = true;
    }

    /** Whether the start above has completed (a liveness check asks). */
    public boolean isStarted() {
        return started;
    }
}
