package org.polyproto.jakarta.persistence.store;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.ConfigurationSource;

/**
 * The domain of the deployment the stores work for. Rows that belong to one server (its challenges, sessions,
 * clients' KeyPackages and events, keys) carry it, so deployments for several domains can share one schema.
 */
@ApplicationScoped
public class ServerScope {

    @Inject
    ConfigurationSource configuration;

    private String domain;

    @PostConstruct
    void init() {
        domain = configuration.get("polyproto.domain").map(String::strip).map(d -> d.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new IllegalStateException("polyproto: polyproto.domain is required"));
    }

    public String domain() {
        return domain;
    }

    /** One column for (server, fid, session ID); none of the three parts contains the separator's leading space. */
    String clientKey(ClientId client) {
        return domain + " " + client.fid() + " " + client.sessionId();
    }
}
