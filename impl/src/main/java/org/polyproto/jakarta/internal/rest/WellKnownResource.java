package org.polyproto.jakarta.internal.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;

/**
 * {@code GET .well-known/polyproto-core}: {@code {"api": "<polyproto.discovery.api-url>"}}, where other parties
 * reach this server's {@code .p2/core/} (core v1 §3.1). Served under the host's JAX-RS application like every other
 * route; README says how a host puts it at the root of its visible domain.
 */
@Path(".well-known/polyproto-core")
@ApplicationScoped
@PolyprotoEndpoint
public class WellKnownResource {

    @Inject
    PolyprotoConfig config;

    @GET
    public Response discovery() {
        return Responses.json(200, JsonProvider.provider().createObjectBuilder()
                .add("api", config.protocol().apiUrl()).build());
    }
}
