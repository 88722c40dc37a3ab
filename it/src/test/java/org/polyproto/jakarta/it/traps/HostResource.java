package org.polyproto.jakarta.it.traps;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Providers;

/** A host's own resources, guarded by the host's own authentication. */
@Path("host")
@HostSecured
public class HostResource {

    /** A host DTO, written by JSON-B with whatever configuration the host has. */
    public record HostOrder(int orderNumber, String customerName) {
    }

    @Context
    Providers providers;

    /** Written with the host's JSON-B configuration: its ContextResolver if it has one, else the default. */
    @GET
    @Path("order")
    @Produces(MediaType.APPLICATION_JSON)
    public String order() {
        ContextResolver<Jsonb> resolver = providers.getContextResolver(Jsonb.class, MediaType.APPLICATION_JSON_TYPE);
        Jsonb jsonb = resolver == null ? JsonbBuilder.create() : resolver.getContext(HostOrder.class);
        return jsonb.toJson(new HostOrder(7, "Ada"));
    }

    @POST
    @Path("upload")
    @Produces(MediaType.TEXT_PLAIN)
    public String upload(String body) {
        return "received " + body.length();
    }
}
