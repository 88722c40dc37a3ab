package org.polyproto.jakarta.internal.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.representation.RegisteredActorRepresentation;
import org.polyproto.jakarta.internal.service.LoginGrants;
import org.polyproto.jakarta.internal.service.Registrations;
import org.polyproto.jakarta.internal.service.Trusts;
import org.polyproto.jakarta.spi.RouteClass;

/**
 * polyproto-auth as sonata serves it, at {@code .p2/auth/v1/} and the unversioned {@code .p2/auth/}: register
 * ({@code {tosConsent, localName, password, invite?}} → 201) and login ({@code {localName, password}} → 200), both
 * answering {@code {"token": …}}, a {@link LoginGrants login grant} that a client exchanges for its first ID-Cert at
 * {@code POST .p2/core/v1/idcert}. Same handlers, limits and timing defences as the seed's register and trust.
 */
@Path(".p2/auth")
@ApplicationScoped
@PolyprotoEndpoint
public class AuthResource {

    @Inject
    Registrations registrations;
    @Inject
    Trusts trusts;
    @Inject
    LoginGrants grants;

    @POST
    @Path("v1/register")
    @RateLimited(RouteClass.REGISTER)
    public Response registerV1(byte[] body) {
        return register(body);
    }

    @POST
    @Path("register")
    @RateLimited(RouteClass.REGISTER)
    public Response register(byte[] body) {
        JsonBody json = JsonBody.parse(body);
        if (!json.bool("tosConsent").orElse(false)) {
            throw JsonBody.badRequest("Registration needs tosConsent: true.");
        }
        String localName = json.requiredString("localName");
        String password = json.requiredString("password");
        JsonObject payload = json.string("invite")
                .map(invite -> JsonProvider.provider().createObjectBuilder().add("invite", invite).build())
                .orElse(JsonValue.EMPTY_JSON_OBJECT);
        RegisteredActorRepresentation actor = registrations.register(localName, Optional.of(password), payload);
        return token(201, FederationId.parse(actor.fid()));
    }

    @POST
    @Path("v1/login")
    @RateLimited(RouteClass.AUTHENTICATE)
    public Response loginV1(byte[] body) {
        return login(body);
    }

    @POST
    @Path("login")
    @RateLimited(RouteClass.AUTHENTICATE)
    public Response login(byte[] body) {
        JsonBody json = JsonBody.parse(body);
        return token(200, trusts.login(json.requiredString("localName"), json.requiredString("password")));
    }

    private Response token(int status, FederationId fid) {
        return Responses.json(status, JsonProvider.provider().createObjectBuilder().add("token", grants.issue(fid))
                .build());
    }
}
