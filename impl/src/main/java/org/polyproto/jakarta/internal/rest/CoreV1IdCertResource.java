package org.polyproto.jakarta.internal.rest;

import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.List;
import java.util.Optional;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.cert.ParsedCsr;
import org.polyproto.jakarta.internal.service.ActorCerts;
import org.polyproto.jakarta.internal.service.CacheableIdCerts;
import org.polyproto.jakarta.internal.service.IdCertIssuance;
import org.polyproto.jakarta.internal.service.LocalActors;
import org.polyproto.jakarta.internal.service.LoginGrants;
import org.polyproto.jakarta.internal.service.SensitiveActions;
import org.polyproto.jakarta.internal.service.ServerKeys;
import org.polyproto.jakarta.internal.service.Sessions;
import org.polyproto.jakarta.internal.service.Transactions;
import org.polyproto.jakarta.spi.RouteClass;
import org.polyproto.jakarta.spi.SensitiveAction;
import org.polyproto.jakarta.spi.ServerKey;
import org.polyproto.jakarta.spi.storage.IdCertRecord;

/**
 * {@code .p2/core/v1/idcert}: a new ID-Cert for a new session (a sensitive action), the server's ID-Cert and an
 * actor's ID-Certs as {@code CacheableIdCert}s, now or at a {@code timestamp} given as a query parameter or in a
 * JSON body (polyproto-rs sends it on GET).
 */
@Path(".p2/core/v1/idcert")
@ApplicationScoped
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
    LoginGrants grants;
    @Inject
    LocalActors localActors;
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
        localActors.requireLocal(fid, "get ID-Certs");
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

    /**
     * An actor's ID-Certs valid at {@code timestamp} (default now), or, with {@code notBefore} and/or
     * {@code notAfter} (the OpenAPI's range; open ends are the epoch and now), valid at some time within it.
     */
    @GET
    @Path("actor/{fid}")
    public Response actor(@PathParam("fid") String fid, @QueryParam("timestamp") String timestamp,
                          @QueryParam("notBefore") String notBefore, @QueryParam("notAfter") String notAfter,
                          @QueryParam("session_id") String sessionId, byte[] body) {
        JsonBody json = JsonBody.parse(body);
        Optional<String> session = sessionId != null ? Optional.of(sessionId) : json.string("session_id");
        Optional<Instant> from = instant(notBefore, "notBefore", json);
        Optional<Instant> to = instant(notAfter, "notAfter", json);
        List<IdCertRecord> records = from.isEmpty() && to.isEmpty()
                ? actorCerts.records(fid, instant(timestamp, "timestamp", json), session)
                : actorCerts.recordsBetween(fid, from, to, session);
        var certs = JsonProvider.provider().createArrayBuilder();
        records.forEach(cert -> certs.add(
                cacheable.of(cert.serial(), cert.pem(), cert.notAfter(), cert.invalidatedAt()).toJson()));
        return Responses.json(200, certs.build());
    }

    private static Optional<Instant> instant(String timestamp, byte[] body) {
        return instant(timestamp, "timestamp", JsonBody.parse(body));
    }

    /** A UNIX time from the query, else from the JSON body (polyproto-rs sends it on GET). */
    private static Optional<Instant> instant(String query, String name, JsonBody body) {
        return query != null ? Optional.of(JsonBody.parseUnixTime(query, name)) : body.unixTime(name);
    }
}
