package org.polyproto.jakarta.internal.integration;

import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.polyproto.jakarta.internal.service.PolyprotoStartup;

/**
 * Liveness of the module, check {@code polyproto}: up once the module has started. It does not ask the database,
 * whose outage makes the module unready, not dead (restarting the server would not help). A bean only on servers
 * with MicroProfile Health ({@link OptionalIntegrations}).
 */
@Liveness
public class PolyprotoLiveness implements HealthCheck {

    @Inject
    PolyprotoStartup startup;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("polyproto").status(startup.isStarted()).build();
    }
}
