package org.polyproto.jakarta.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** KeyPackages and events on the example host WAR, with every SPI on the module's defaults. */
class KeyPackagesAndEventsIT extends KeyPackagesAndEvents {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HostWar.create("mls-it", SETTINGS);
    }
}
