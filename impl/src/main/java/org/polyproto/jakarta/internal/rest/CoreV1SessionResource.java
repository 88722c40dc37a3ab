package org.polyproto.jakarta.internal.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.internal.service.Challenges;
import org.polyproto.jakarta.internal.service.KeyTrials;
import org.polyproto.jakarta.internal.service.SessionRevocation;
import org.polyproto.jakarta.spi.ClientAddressResolver;
import org.polyproto.jakarta.spi.RouteClass;
import org.polyproto.jakarta.spi.storage.Challenge;

/**
 * {@code .p2/core/v1/session}: early revocation of one session, ID-Cert rotation, the extern ID-Cert update, and
 * {@code session/auth}, the v1 way to identify: {@code GET} gives a key trial, {@code POST} takes it completed and
 * answers the session token as text.
 */
@Path(".p2/core/v1/session")
@ApplicationScoped
@PolyprotoEndpoint
public class CoreV1SessionResource {

    @Inject
    SessionResource seed;
    @Inject
    SessionRevocation revocation;
    @Inject
    Challenges challenges;
    @Inject
    KeyTrials keyTrials;
    @Inject
    ClientAddressResolver clientAddresses;

    @DELETE
    @TokenRequired
    public Response delete(@Context SecurityContext security, @QueryParam("session_id") String sessionId,
                           byte[] body) {
        String id = sessionId != null ? sessionId : JsonBody.parse(body).requiredString("session_id");
        revocation.revoke(SessionPrincipal.of(security), id);
        return Response.noContent().build();
    }

    @POST
    @Path("idcert")
    @TokenRequired
    @RateLimited(RouteClass.AUTHENTICATE)
    public Response rotateIdCert(@Context SecurityContext security, byte[] body) {
        return seed.rotateIdCert(security, body);
    }

    @PUT
    @Path("idcert/extern")
    @TokenRequired
    public Response replaceIdCert(@Context HttpServletRequest request, @Context SecurityContext security,
                                  byte[] body) {
        return seed.replaceIdCert(request, security, body);
    }

    /** A {@code KeyTrial}: {@code {"trial": "…", "expires": "<Unix seconds as a decimal string>"}}. */
    @GET
    @Path("auth")
    @RateLimited(RouteClass.CHALLENGE)
    public Response keyTrial() {
        Challenge trial = challenges.issue();
        return Responses.json(200, KeyTrialBodies.keyTrial(trial.value(), trial.expiresAt()));
    }

    /**
     * A completed trial, {@code {"trial", "signature" (hex), "serialNumber" (decimal string or number)}} plus the
     * actor ({@code fid}) or its ID-Cert ({@code idCert}); answers the token as {@code text/plain}.
     */
    @POST
    @Path("auth")
    @RateLimited(RouteClass.AUTHENTICATE)
    public Response completeKeyTrial(@Context HttpServletRequest request, byte[] body) {
        JsonBody json = JsonBody.parse(body);
        KeyTrialBodies.Completion completion = KeyTrialBodies.Completion.of(json);
        Optional<FederationId> fid = json.firstString("fid", "federationId", "federation_id")
                .map(FederationId::parse);
        String token = keyTrials.complete(completion.trial(), completion.signature(), completion.serial(), fid,
                json.firstString("idCert", "id_cert"), ClientAddresses.of(clientAddresses, request)).token();
        return Response.ok(token, MediaType.TEXT_PLAIN_TYPE).build();
    }
}
