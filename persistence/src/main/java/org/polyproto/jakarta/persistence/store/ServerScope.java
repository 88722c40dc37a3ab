package org.polyproto.jakarta.persistence.store;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.polyproto.jakarta.persistence.config.PersistenceSettings;
import org.polyproto.jakarta.spi.storage.ClientId;

/**
 * The domain of the deployment the stores work for. Rows that belong to one server (its challenges, sessions,
 * clients' KeyPackages and events, keys) carry it, so deployments for several domains can share one schema.
 */
@ApplicationScoped
public class ServerScope {

    @Inject
    PersistenceSettings settings;

    private String domain;

    @PostConstruct
    void init() {
        domain = settings.domain();
    }

    public String domain() {
        return domain;
    }

    /** One column for (server, fid, session ID); none of the three parts contains the separator's leading space. */
    String clientKey(ClientId client) {
        return domain + " " + client.fid() + " " + client.sessionId();
    }
}
