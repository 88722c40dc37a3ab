package org.polyproto.jakarta.internal.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.internal.service.KeyTrialLog;
import org.polyproto.jakarta.internal.service.Transactions;
import org.polyproto.jakarta.spi.RouteClass;
import org.polyproto.jakarta.spi.storage.CompletedKeyTrial;

/**
 * {@code .p2/core/v1/keytrial}: an actor of this server completes a trial of this server with its session token
 * ({@code POST}, body {@code {"trial", "signature", "serialNumber"}}), and anyone reads an actor's completions once
 * their trials have expired ({@code GET {fid}} with {@code limit}, {@code id}, {@code notBefore}, {@code notAfter};
 * 204 when there are none, as the OpenAPI text says and polyproto-rs reads).
 */
@Path(".p2/core/v1/keytrial")
@ApplicationScoped
@PolyprotoEndpoint
public class CoreV1KeyTrialResource {

    @Inject
    KeyTrialLog log;

    @POST
    @TokenRequired
    @RateLimited(RouteClass.AUTHENTICATE)
    public Response complete(@Context SecurityContext security, byte[] body) {
        KeyTrialBodies.Completion completion = KeyTrialBodies.Completion.of(JsonBody.parse(body));
        CompletedKeyTrial completed = Transactions.retriedOnConflict(() -> log.complete(
                SessionPrincipal.of(security).fid(), completion.trial(), completion.signature(), completion.serial()));
        return Responses.json(201, KeyTrialBodies.entry(List.of(completed)));
    }

    @GET
    @Path("{fid}")
    public Response completed(@PathParam("fid") String fid, @QueryParam("limit") String limit,
                              @QueryParam("id") String id, @QueryParam("notBefore") String notBefore,
                              @QueryParam("notAfter") String notAfter) {
        List<CompletedKeyTrial> completed = log.completed(FederationId.parse(fid), Optional.ofNullable(id),
                Optional.ofNullable(notBefore).map(t -> JsonBody.parseUnixTime(t, "notBefore")),
                Optional.ofNullable(notAfter).map(t -> JsonBody.parseUnixTime(t, "notAfter")), count(limit));
        return completed.isEmpty() ? Response.noContent().build()
                : Responses.json(200, KeyTrialBodies.log(completed).build());
    }

    private static int count(String limit) {
        if (limit == null) {
            return 0;
        }
        if (!limit.matches("[0-9]{1,5}") || Integer.parseInt(limit) > 65535) {
            throw JsonBody.badRequest("The limit is a whole number from 0 to 65535.");
        }
        return Integer.parseInt(limit);
    }
}
