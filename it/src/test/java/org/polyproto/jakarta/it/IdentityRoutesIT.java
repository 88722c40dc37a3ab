package org.polyproto.jakarta.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The identity routes on the example host WAR, with every SPI on the module's defaults. */
class IdentityRoutesIT extends IdentityRoutes {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HostWar.create("identity-it");
    }
}
