package org.polyproto.jakarta.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test deployments: the example host WAR exactly as Maven packaged it (the module's jars in WEB-INF/lib), plus the
 * test probe and whatever host classes a test adds.
 */
final class HostWar {

    private HostWar() {
    }

    static WebArchive create(String name, Class<?>... hostClasses) {
        WebArchive packaged = ShrinkWrap.createFromZipFile(WebArchive.class,
                new File("target/polyproto-example.war"));
        return ShrinkWrap.create(WebArchive.class, name + ".war").merge(packaged)
                .addClasses(ProbeResource.class)
                .addClasses(hostClasses);
    }
}
