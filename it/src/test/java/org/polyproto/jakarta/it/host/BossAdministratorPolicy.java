package org.polyproto.jakarta.it.host;

import jakarta.enterprise.context.ApplicationScoped;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.AdministratorPolicy;

/** A host's own policy as a plain bean: it replaces the module's default (polyproto.admins). */
@ApplicationScoped
public class BossAdministratorPolicy implements AdministratorPolicy {

    @Override
    public boolean isAdministrator(FederationId fid) {
        return fid.localName().startsWith("boss-");
    }
}
