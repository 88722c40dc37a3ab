package org.polyproto.jakarta.internal.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import org.polyproto.jakarta.internal.service.KeyPackages;

/** {@code PUT p2core/keypackage_lr}: the token's client's last-resort KeyPackage. */
@Path("p2core/keypackage_lr")
@ApplicationScoped
@PolyprotoEndpoint
@TokenRequired
public class LastResortKeyPackageResource {

    @Inject
    KeyPackages keyPackages;

    @PUT
    public Response put(@Context SecurityContext security, byte[] body) {
        String text = new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8).strip();
        String keyPackage = text.startsWith("\"") ? KeyPackageBodies.of(JsonBody.parseValue(body)) : text;
        keyPackages.putLastResort(SessionPrincipal.of(security), keyPackage);
        return Response.noContent().build();
    }
}
