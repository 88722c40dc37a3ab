package org.polyproto.jakarta.internal.integration;

import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.polyproto.jakarta.internal.service.ServerKeys;
import org.polyproto.jakarta.internal.service.StorageOutage;
import org.polyproto.jakarta.spi.storage.StorageReadiness;

/**
 * Readiness of the module, check {@code polyproto}: every {@link StorageReadiness} answers ready (by default: the
 * database answers and the schema migrations are applied) and the server key is loaded. Down, it names the reasons,
 * never an exception's text. A bean only on servers with MicroProfile Health ({@link OptionalIntegrations}).
 */
@Readiness
public class PolyprotoReadiness implements HealthCheck {

    @Inject
    StorageOutage storage;
    @Inject
    ServerKeys serverKeys;

    @Override
    public HealthCheckResponse call() {
        List<String> reasons = storage.reasons();
        if (!serverKeys.isLoaded()) {
            reasons.add("the server key is not loaded");
        }
        var response = HealthCheckResponse.named("polyproto").status(reasons.isEmpty());
        if (!reasons.isEmpty()) {
            response.withData("reason", String.join("; ", reasons));
        }
        return response.build();
    }
}
