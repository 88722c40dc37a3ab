package org.polyproto.jakarta.it.traps;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;
import org.polyproto.jakarta.jaxrs.PolyprotoFeature;

/** A host whose Application lists its classes, so nothing is scanned: it adds the module's classes itself. */
@ApplicationPath("api")
public class ListingApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>(PolyprotoFeature.CLASSES);
        classes.add(HostResource.class);
        classes.add(HostAuthFilter.class);
        return classes;
    }
}
