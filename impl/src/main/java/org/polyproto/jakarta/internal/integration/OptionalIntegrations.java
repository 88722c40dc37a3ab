package org.polyproto.jakarta.internal.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import org.polyproto.jakarta.internal.log.ModuleLog;

/**
 * Adds the module's MicroProfile Health checks and its MicroProfile Metrics recorder as beans when, and only
 * when, the server offers those APIs to the application. The classes carry no bean-defining annotation, so they are
 * never discovered otherwise and never loaded on a server without MicroProfile: the module does not require it.
 */
public class OptionalIntegrations implements Extension {

    static final String HEALTH_API = "org.eclipse.microprofile.health.HealthCheck";
    static final String METRICS_API = "org.eclipse.microprofile.metrics.MetricRegistry";

    void addWhatTheServerHas(@Observes BeforeBeanDiscovery event) {
        if (offered(HEALTH_API)) {
            add(event, "org.polyproto.jakarta.internal.integration.PolyprotoReadiness");
            add(event, "org.polyproto.jakarta.internal.integration.PolyprotoLiveness");
            ModuleLog.integrationEnabled("MicroProfile Health");
        }
        if (offered(METRICS_API)) {
            add(event, "org.polyproto.jakarta.internal.integration.MicroProfileMetricsRecorder");
            ModuleLog.integrationEnabled("MicroProfile Metrics");
        }
    }

    static boolean offered(String className) {
        try {
            Class.forName(className, false, OptionalIntegrations.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static void add(BeforeBeanDiscovery event, String className) {
        Class<?> type;
        try {
            type = Class.forName(className, true, OptionalIntegrations.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("polyproto: " + className + " is missing from the module's jar", e);
        }
        event.addAnnotatedType(type, OptionalIntegrations.class.getName() + "/" + className)
                .add(ApplicationScoped.Literal.INSTANCE);
    }
}
