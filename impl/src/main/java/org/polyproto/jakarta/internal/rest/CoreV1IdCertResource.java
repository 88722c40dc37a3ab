package org.polyproto.jakarta.internal.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.cert.ParsedCsr;
import org.polyproto.jakarta.internal.service.ActorCerts;
import org.polyproto.jakarta.internal.service.CacheableIdCerts;
import org.polyproto.jakarta.internal.service.IdCertIssuance;
import org.polyproto.jakarta.internal.service.LoginGrants;
import org.polyproto.jakarta.internal.service.SensitiveActions;
import org.polyproto.jakarta.internal.service.ServerKeys;
import org.polyproto.jakarta.internal.service.Sessions;
import org.polyproto.jakarta.internal.service.Transactions;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.spi.RouteClass;
import org.polyproto.jakarta.spi.SensitiveAction;
import org.polyproto.jakarta.spi.ServerKey;

/**
 * {@code .p2/core/v1/idcert}: a new ID-Cert for a new session (a sensitive action), the server's ID-Cert and an
 * actor's ID-Certs as {@code CacheableIdCert}s, now or at a {@code timestamp} given as a query parameter or in a
 * JSON body (polyproto-rs sends it on GET).
 */
@Path(".p2/core/v1/idcert")
@RequestScoped
@PolyprotoEndpoint
public class CoreV1IdCertResource {

    @Inject
    IdCertIssuance issuance;
    @Inject
    SensitiveActions sensitiveActions;
    @Inject
    ServerKeys serverKeys;
    @Inject
    ActorCerts actorCerts;
    @Inject
    CacheableIdCerts cacheable;
    @Inject
    PolyprotoConfig config;
    @Inject
    LoginGrants grants;
    @Inject
    Sessions sessions;

    /**
     * A CSR for a new session. Bearer: a session token of the actor, with the sensitive-action solution; or the
     * login grant of polyproto-auth's register or login, which is itself the fresh password proof.
     */
    @POST
    @RateLimited(RouteClass.AUTHENTICATE)
    public Response newIdCert(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @HeaderParam(SensitiveActions.HEADER) String solution, byte[] body) {
        String bearer = TokenFilter.token(authorization);
        Optional<FederationId> granted = grants.verify(bearer);
        FederationId fid = granted.orElseGet(() -> sessions.authenticate(bearer).fid());
        if (!fid.domain().equals(config.server().domain())) {
            throw new PolyprotoException(ErrorCode.FORBIDDEN, "Only this server's own actors get ID-Certs here.");
        }
        ParsedCsr csr = CertificateBodies.csr(body).requireActor(fid);
        if (granted.isEmpty()) {
            sensitiveActions.require(fid, SensitiveAction.NEW_ID_CERT, solution);
        }
        return Responses.json(201, Transactions.retriedOnConflict(() -> issuance.issue(fid, csr)));
    }

    @GET
    @Path("server")
    public Response server(@QueryParam("timestamp") String timestamp, byte[] body) {
        Optional<Instant> at = instant(timestamp, body);
        ServerKey key = at.isEmpty() ? serverKeys.current().key() : serverKeys.at(at.get()).orElseThrow(() ->
                new PolyprotoException(ErrorCode.NOT_FOUND, "This server had no identity key at that time."));
        // A rotation retires a key for signing; what it signed before stays verifiable, so no invalidatedAt.
        return Responses.json(200, cacheable.of(key.serial(), key.certificatePem(), key.notAfter(),
                Optional.empty()));
    }

    @GET
    @Path("actor/{fid}")
    public Response actor(@PathParam("fid") String fid, @QueryParam("timestamp") String timestamp,
                          @QueryParam("session_id") String sessionId, byte[] body) {
        Optional<String> session = sessionId != null ? Optional.of(sessionId)
                : JsonBody.parse(body).string("session_id");
        var certs = JsonProvider.provider().createArrayBuilder();
        actorCerts.records(fid, instant(timestamp, body), session).forEach(cert -> certs.add(
                cacheable.of(cert.serial(), cert.pem(), cert.notAfter(), cert.invalidatedAt()).toJson()));
        return Responses.json(200, certs.build());
    }

    private static Optional<Instant> instant(String timestamp, byte[] body) {
        return timestamp != null ? Optional.of(JsonBody.parseUnixTime(timestamp, "timestamp"))
                : JsonBody.parse(body).unixTime("timestamp");
    }
}
