package org.polyproto.jakarta.it.traps;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A host's own resources, guarded by the host's own authentication. */
@Path("host")
@HostSecured
public class HostResource {

    /** A host DTO, written by JSON-B with whatever configuration the host has. */
    public record HostOrder(int orderNumber, String customerName) {
    }

    @GET
    @Path("order")
    @Produces(MediaType.APPLICATION_JSON)
    public HostOrder order() {
        return new HostOrder(7, "Ada");
    }

    @POST
    @Path("upload")
    @Produces(MediaType.TEXT_PLAIN)
    public String upload(String body) {
        return "received " + body.length();
    }
}
