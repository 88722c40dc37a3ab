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

    /** The example host's JAX-RS application, whose servlet name is its class name (Jakarta REST §2.3.2). */
    private static final String APPLICATION = "org.polyproto.jakarta.example.ExampleApplication";

    private HostWar() {
    }

    /** A deployment whose module settings come from its own context parameters (web.xml). */
    static WebArchive create(String name, Map<String, String> contextParameters, Class<?>... hostClasses) {
        return create(name, hostClasses).setWebXML(webXml(contextParameters, ""));
    }

    /**
     * The example WAR as a host deploys it at the root of its domain: context root {@code /} (Open Liberty's
     * {@code ibm-web-ext.xml}, WildFly's {@code jboss-web.xml}) and the host's JAX-RS application mapped to
     * {@code /*} in web.xml, overriding its {@code @ApplicationPath("api")}. {@code /.p2/...} and
     * {@code /.well-known/polyproto-core} then reach the module unchanged.
     */
    static WebArchive atHostRoot(String name, Map<String, String> contextParameters) {
        return create(name).setWebXML(webXml(contextParameters, "  <servlet><servlet-name>" + APPLICATION
                        + "</servlet-name></servlet>\n  <servlet-mapping><servlet-name>" + APPLICATION
                        + "</servlet-name><url-pattern>/*</url-pattern></servlet-mapping>\n"))
                .addAsWebInfResource(new StringAsset("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<web-ext xmlns=\"http://websphere.ibm.com/xml/ns/javaee\" version=\"1.0\">\n"
                        + "  <context-root uri=\"/\"/>\n</web-ext>\n"), "ibm-web-ext.xml")
                .addAsWebInfResource(new StringAsset("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<jboss-web>\n  <context-root>/</context-root>\n</jboss-web>\n"), "jboss-web.xml");
    }

    static WebArchive create(String name, Class<?>... hostClasses) {
        WebArchive packaged = ShrinkWrap.createFromZipFile(WebArchive.class,
                new File("target/polyproto-example.war"));
        return ShrinkWrap.create(WebArchive.class, name + ".war").merge(packaged)
                .addClasses(ProbeResource.class)
                .addClasses(hostClasses);
    }

    private static StringAsset webXml(Map<String, String> contextParameters, String moreElements) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n");
        contextParameters.forEach((k, v) -> xml.append("  <context-param><param-name>").append(k)
                .append("</param-name><param-value>").append(v).append("</param-value></context-param>\n"));
        return new StringAsset(xml.append(moreElements).append("</web-app>\n").toString());
    }
}
