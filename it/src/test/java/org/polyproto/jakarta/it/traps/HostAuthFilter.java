package org.polyproto.jakarta.it.traps;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** The host's own authentication: an API key header, answered in the host's own error format. */
@Provider
@HostSecured
@Priority(Priorities.AUTHENTICATION)
public class HostAuthFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (!"host-secret".equals(request.getHeaderString("X-Host-Key"))) {
            request.abortWith(Response.status(401).header("WWW-Authenticate", "HostKey")
                    .type(MediaType.TEXT_PLAIN).entity("host says no").build());
        }
    }
}
