package org.polyproto.jakarta.internal.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import java.util.OptionalInt;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.internal.service.DiscoverableServices;
import org.polyproto.jakarta.internal.service.Transactions;

/**
 * {@code .p2/core/v1/services}: the services an actor lists (add, delete, make primary, with its session token) and
 * their discovery by anyone ({@code discover/{fid}[/{service}]}, with {@code limit} and {@code name} as query
 * parameters or, as polyproto-rs sends them, in a JSON body on GET).
 */
@Path(".p2/core/v1/services")
@ApplicationScoped
@PolyprotoEndpoint
public class CoreV1ServicesResource {

    @Inject
    DiscoverableServices services;

    @POST
    @TokenRequired
    public Response add(@Context SecurityContext security, byte[] body) {
        var service = ServiceBodies.service(body);
        return Responses.json(201, ServiceBodies.json(Transactions.retriedOnConflict(() ->
                services.add(SessionPrincipal.of(security).fid(), service))));
    }

    @DELETE
    @TokenRequired
    public Response delete(@Context SecurityContext security, @QueryParam("name") String name,
                           @QueryParam("url") String url, byte[] body) {
        Entry entry = Entry.of(name, url, body);
        return Responses.json(200, ServiceBodies.json(Transactions.retriedOnConflict(() ->
                services.delete(SessionPrincipal.of(security).fid(), entry.name, entry.url))));
    }

    @PUT
    @Path("primary")
    @TokenRequired
    public Response makePrimary(@Context SecurityContext security, @QueryParam("name") String name,
                                @QueryParam("url") String url, byte[] body) {
        Entry entry = Entry.of(name, url, body);
        return Responses.json(200, ServiceBodies.json(Transactions.retriedOnConflict(() ->
                services.makePrimary(SessionPrincipal.of(security).fid(), entry.name, entry.url))));
    }

    @GET
    @Path("discover/{fid}")
    public Response discover(@PathParam("fid") String fid, @QueryParam("limit") String limit,
                             @QueryParam("name") String name, byte[] body) {
        JsonBody json = JsonBody.parse(body);
        Optional<String> service = name != null ? Optional.of(ServiceBodies.name(name))
                : json.value("name").map(ServiceBodies::name);
        return discovered(fid, service, limit, json);
    }

    @GET
    @Path("discover/{fid}/{service}")
    public Response discoverOne(@PathParam("fid") String fid, @PathParam("service") String service,
                                @QueryParam("limit") String limit, byte[] body) {
        return discovered(fid, Optional.of(ServiceBodies.name(service)), limit,
                JsonBody.parse(body));
    }

    private Response discovered(String fid, Optional<String> service, String limit, JsonBody json) {
        String text = limit != null ? limit
                : json.value("limit").map(v -> v instanceof JsonString s ? s.getString() : v.toString()).orElse(null);
        OptionalInt max = text == null ? OptionalInt.empty() : OptionalInt.of(positive(text));
        return Responses.json(200, ServiceBodies.json(services.discover(FederationId.parse(fid), service, max)));
    }

    private static int positive(String text) {
        String digits = text.strip();
        if (!digits.matches("[0-9]{1,9}") || Integer.parseInt(digits) < 1) {
            throw JsonBody.badRequest("The limit is a whole number from 1.");
        }
        return Integer.parseInt(digits);
    }

    /** The name and URL of one entry, from the query or the JSON body {@code {"name", "url"}}. */
    private record Entry(String name, String url) {
        static Entry of(String name, String url, byte[] body) {
            JsonBody json = JsonBody.parse(body);
            String n = name != null ? ServiceBodies.name(name)
                    : ServiceBodies.name(json.value("name").orElseThrow(() ->
                    JsonBody.badRequest("The field name is required.")));
            return new Entry(n, ServiceBodies.url(url != null ? url : json.requiredString("url")));
        }
    }
}
