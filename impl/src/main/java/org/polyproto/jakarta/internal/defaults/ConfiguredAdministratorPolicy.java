package org.polyproto.jakarta.internal.defaults;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.spi.AdministratorPolicy;

/** Administrators are the Federation IDs listed in {@code polyproto.admins}. */
@ApplicationScoped
public class ConfiguredAdministratorPolicy implements AdministratorPolicy {

    @Inject
    PolyprotoConfig config;

    @Override
    public boolean isAdministrator(FederationId fid) {
        return config.server().admins().contains(fid);
    }
}
