package org.polyproto.jakarta.internal.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.internal.crypto.ChallengeStrings;
import org.polyproto.jakarta.internal.crypto.SignatureEncoding;
import org.polyproto.jakarta.internal.cert.ParsedCsr;
import org.polyproto.jakarta.internal.service.ExternalIdCerts;
import org.polyproto.jakarta.internal.service.IdCertIssuance;
import org.polyproto.jakarta.internal.service.Identification;
import org.polyproto.jakarta.internal.service.Sessions;
import org.polyproto.jakarta.internal.service.Transactions;
import org.polyproto.jakarta.internal.service.Trusts;
import org.polyproto.jakarta.spi.ClientAddressResolver;
import org.polyproto.jakarta.spi.RouteClass;

/** {@code p2core/session/*}: trust (home server), identify, revoke, revoke-all. */
@Path("p2core/session")
@ApplicationScoped
@PolyprotoEndpoint
public class SessionResource {

    private static final String[] CHALLENGE_FIELDS = {"completed_challenge", "challenge_signature", "challenge"};

    @Inject
    Trusts trusts;
    @Inject
    Identification identification;
    @Inject
    Sessions sessions;
    @Inject
    IdCertIssuance issuance;
    @Inject
    ExternalIdCerts externalIdCerts;
    @Inject
    ClientAddressResolver clientAddresses;

    @POST
    @Path("trust")
    @RateLimited(RouteClass.AUTHENTICATE)
    public Response trust(byte[] body) {
        JsonBody json = JsonBody.parse(body);
        JsonObject authPayload = json.objectOrEmpty("auth_payload");
        Optional<String> password = json.string("password").or(() -> JsonBody.of(authPayload).string("password"));
        return Responses.json(201, trusts.trust(json.requiredString("actor_name"), json.requiredString("csr"),
                password, authPayload));
    }

    @POST
    @Path("identify")
    @RateLimited(RouteClass.AUTHENTICATE)
    public Response identify(@Context HttpServletRequest request, byte[] body) {
        JsonBody json = JsonBody.parse(body);
        CompletedChallenge completed = completedChallenge(json);
        if (!ChallengeStrings.isPlausible(completed.challenge)) {
            throw JsonBody.badRequest("The challenge must be 32 to 256 characters of A-Z, a-z and 0-9.");
        }
        byte[] signature = SignatureEncoding.decode(completed.signature).orElseThrow(() -> JsonBody.badRequest(
                "The signature must be 64 bytes as hex, base64 or base64url."));
        byte[] cert = PemCodec.decode(json.requiredString("id_cert"))
                .orElseThrow(CertificateBodies::malformedIdCert);
        return Responses.json(201, identification.identify(completed.challenge, signature, cert,
                json.objectOrEmpty("auth_payload"), ClientAddresses.of(clientAddresses, request)));
    }

    @POST
    @Path("idcert")
    @TokenRequired
    @RateLimited(RouteClass.AUTHENTICATE)
    public Response rotateIdCert(@Context SecurityContext security, byte[] body) {
        ParsedCsr csr = CertificateBodies.csr(body);
        return Responses.json(201, Transactions.retriedOnConflict(
                () -> issuance.rotate(SessionPrincipal.of(security), csr)));
    }

    @POST
    @Path("idcert/extern")
    @TokenRequired
    public Response replaceIdCert(@Context HttpServletRequest request, @Context SecurityContext security,
                                  byte[] body) {
        externalIdCerts.replace(SessionPrincipal.of(security), CertificateBodies.idCert(body),
                ClientAddresses.of(clientAddresses, request));
        return Response.status(201).build();
    }

    @PUT
    @Path("idcert/extern")
    @TokenRequired
    public Response replaceIdCertByPut(@Context HttpServletRequest request, @Context SecurityContext security,
                                       byte[] body) {
        return replaceIdCert(request, security, body);
    }

    @PUT
    @Path("revoke")
    @TokenRequired
    public Response revoke(@Context SecurityContext security) {
        sessions.revoke(SessionPrincipal.of(security));
        return Response.noContent().build();
    }

    /** Beyond the contract: revokes every session of the token's actor (review L7). */
    @PUT
    @Path("revoke-all")
    @TokenRequired
    public Response revokeAll(@Context SecurityContext security) {
        sessions.revokeAll(SessionPrincipal.of(security));
        return Response.noContent().build();
    }

    private static CompletedChallenge completedChallenge(JsonBody json) {
        for (String field : CHALLENGE_FIELDS) {
            Optional<JsonValue> value = json.value(field);
            if (value.isPresent() && value.get() instanceof JsonObject object) {
                JsonBody nested = JsonBody.of(object);
                return new CompletedChallenge(nested.requiredString("challenge"), nested.requiredString("signature"));
            }
        }
        Optional<JsonValue> challenge = json.value("challenge");
        if (challenge.isPresent() && challenge.get() instanceof JsonString s) {
            return new CompletedChallenge(s.getString(), json.requiredString("signature"));
        }
        throw JsonBody.badRequest("The completed challenge is required as completed_challenge.");
    }

    private record CompletedChallenge(String challenge, String signature) {
    }
}
