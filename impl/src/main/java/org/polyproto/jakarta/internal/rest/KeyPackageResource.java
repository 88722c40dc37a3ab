package org.polyproto.jakarta.internal.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import org.polyproto.jakarta.internal.service.KeyPackages;
import org.polyproto.jakarta.spi.ClientId;

/** {@code p2core/keypackage/*}: upload for the token's client, and hand-out per client of an actor. */
@Path("p2core/keypackage")
@RequestScoped
@PolyprotoEndpoint
@TokenRequired
public class KeyPackageResource {

    @Inject
    KeyPackages keyPackages;

    @POST
    @Path("@me")
    public Response upload(@Context SecurityContext security, byte[] body) {
        JsonValue json = JsonBody.parseValue(body);
        if (!(json instanceof JsonArray array)) {
            throw JsonBody.badRequest("The body must be a JSON array of KeyPackages.");
        }
        List<String> packages = new ArrayList<>(array.size());
        for (JsonValue value : array) {
            packages.add(KeyPackageText.of(value));
        }
        keyPackages.upload(ClientId.of(SessionPrincipal.of(security)), packages);
        return Response.status(201).build();
    }

    @GET
    @Path("{fid}")
    public Response fetch(@PathParam("fid") String fid) {
        return Responses.jsonStrings(keyPackages.fetch(fid));
    }

    /** A KeyPackage as stored: a JSON string's content, or an object's JSON text. */
    static final class KeyPackageText {
        private KeyPackageText() {
        }

        static String of(JsonValue value) {
            if (value instanceof JsonString s) {
                return KeyPackageText.requireBase64(s.getString());
            }
            if (value instanceof JsonObject o) {
                return o.toString();
            }
            throw JsonBody.badRequest("A KeyPackage is a base64 string or a JSON object.");
        }

        static String requireBase64(String text) {
            try {
                java.util.Base64.getDecoder().decode(text);
                return text;
            } catch (IllegalArgumentException e) {
                try {
                    java.util.Base64.getUrlDecoder().decode(text);
                    return text;
                } catch (IllegalArgumentException e2) {
                    throw JsonBody.badRequest("A KeyPackage string must be base64.");
                }
            }
        }
    }
}
