package org.polyproto.jakarta.internal.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.polyproto.jakarta.internal.service.Registrations;
import org.polyproto.jakarta.spi.RouteClass;

/** {@code POST p2core/register}. */
@Path("p2core/register")
@ApplicationScoped
@PolyprotoEndpoint
public class RegistrationResource {

    @Inject
    Registrations registrations;

    @POST
    @RateLimited(RouteClass.REGISTER)
    public Response register(byte[] body) {
        JsonBody json = JsonBody.parse(body);
        JsonObject authPayload = json.objectOrEmpty("auth_payload");
        Optional<String> password = json.string("password").or(() -> JsonBody.of(authPayload).string("password"));
        return Responses.json(201, registrations.register(json.requiredString("actor_name"), password, authPayload));
    }
}
