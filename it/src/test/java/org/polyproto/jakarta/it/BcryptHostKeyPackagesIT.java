package org.polyproto.jakarta.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** KeyPackages and events on the bcrypt host (its own users, in-memory challenges and sessions). */
class BcryptHostKeyPackagesIT extends KeyPackagesAndEvents {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return BcryptHostRoutesIT.bcryptHost("bcrypt-mls-it", SETTINGS);
    }
}
