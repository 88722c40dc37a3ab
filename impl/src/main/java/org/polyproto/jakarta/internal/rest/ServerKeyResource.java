package org.polyproto.jakarta.internal.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.Optional;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.service.ServerKeys;
import org.polyproto.jakarta.spi.AdministratorPolicy;
import org.polyproto.jakarta.spi.ServerKey;

/** {@code p2core/key/server}: the server's ID-Cert, now or at a time; rotation by an administrator. */
@Path("p2core/key/server")
@ApplicationScoped
@PolyprotoEndpoint
public class ServerKeyResource {

    @Inject
    ServerKeys serverKeys;
    @Inject
    AdministratorPolicy administrators;

    @GET
    public Response get(@QueryParam("timestamp") String timestamp, byte[] body) {
        Optional<Instant> at = timestamp != null ? Optional.of(JsonBody.parseUnixTime(timestamp, "timestamp"))
                : JsonBody.parse(body).unixTime("timestamp");
        if (at.isEmpty()) {
            return Responses.jsonString(serverKeys.current().key().certificatePem());
        }
        ServerKey key = serverKeys.at(at.get()).orElseThrow(() -> new PolyprotoException(ErrorCode.NOT_FOUND,
                "This server had no identity key at that time."));
        return Responses.jsonString(key.certificatePem());
    }

    @PUT
    @TokenRequired
    public Response rotate(@Context SecurityContext security) {
        requireAdministrator(security);
        return Responses.jsonString(serverKeys.rotate());
    }

    @POST
    @TokenRequired
    public Response rotateByPost(@Context SecurityContext security) {
        return rotate(security);
    }

    void requireAdministrator(SecurityContext security) {
        if (!administrators.isAdministrator(SessionPrincipal.of(security).fid())) {
            throw new PolyprotoException(ErrorCode.NOT_ADMINISTRATOR, "Only an administrator may rotate the key.");
        }
    }
}
