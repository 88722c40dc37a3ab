package org.polyproto.jakarta.it;

import java.io.File;
import java.util.Map;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test deployments: the example host WAR exactly as Maven packaged it (the module's jars in WEB-INF/lib), plus the
 * test probe and whatever host classes a test adds.
 */
final class HostWar {

    private HostWar() {
    }

    /** A deployment whose module settings come from its own context parameters (web.xml). */
    static WebArchive create(String name, Map<String, String> contextParameters, Class<?>... hostClasses) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n");
        contextParameters.forEach((k, v) -> xml.append("  <context-param><param-name>").append(k)
                .append("</param-name><param-value>").append(v).append("</param-value></context-param>\n"));
        xml.append("</web-app>\n");
        return create(name, hostClasses).setWebXML(new StringAsset(xml.toString()));
    }

    static WebArchive create(String name, Class<?>... hostClasses) {
        WebArchive packaged = ShrinkWrap.createFromZipFile(WebArchive.class,
                new File("target/polyproto-example.war"));
        return ShrinkWrap.create(WebArchive.class, name + ".war").merge(packaged)
                .addClasses(ProbeResource.class)
                .addClasses(hostClasses);
    }
}
