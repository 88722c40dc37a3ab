package org.polyproto.jakarta.internal.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.polyproto.jakarta.internal.crypto.Sha256;
import org.polyproto.jakarta.internal.service.KeyPackages;
import org.polyproto.jakarta.spi.storage.ClaimedKeyPackage;

/**
 * {@code .p2/mls/v1/keypackages} (polyproto-mls OpenAPI v0.1.0-alpha.4) over the same store and rules as
 * {@code p2core/keypackage}. An uploaded item is the base64 of an RFC 9420 KeyPackage or MLSMessage, or an object
 * {@code {"keyPackage": <that base64>, "lastResort": <boolean>, "id": <optional>}} (the OpenAPI's object has no field
 * that carries the encoded package, so {@code keyPackage} is added); at most one item is the last-resort package.
 * A fetch answers {@code [{"id", "keyPackage", "lastResort"}]}, or 204 when no client has one, and honours the
 * {@code versions} and {@code ciphersuites} filters: this server keeps only mls10 packages of suite 0x0001.
 */
@Path(".p2/mls/v1/keypackages")
@ApplicationScoped
@PolyprotoEndpoint
@TokenRequired
public class MlsV1KeyPackageResource {

    private static final int MLS10 = 1;
    private static final int SUITE = 0x0001;

    @Inject
    KeyPackages keyPackages;

    @POST
    public Response upload(@Context SecurityContext security, byte[] body) {
        if (!(JsonBody.parseValue(body) instanceof JsonArray items)) {
            throw JsonBody.badRequest("The body must be a JSON array of KeyPackages.");
        }
        List<String> regular = new ArrayList<>(items.size());
        String lastResort = null;
        for (JsonValue item : items) {
            if (item instanceof JsonObject object && object.getBoolean("lastResort", false)) {
                if (lastResort != null) {
                    throw JsonBody.badRequest("At most one KeyPackage of an upload is the last-resort one.");
                }
                lastResort = KeyPackageBodies.of(object.get("keyPackage") == null ? JsonValue.NULL
                        : object.get("keyPackage"));
            } else {
                regular.add(KeyPackageBodies.of(item instanceof JsonObject object
                        ? object.getOrDefault("keyPackage", JsonValue.NULL) : item));
            }
        }
        keyPackages.upload(SessionPrincipal.of(security), regular, lastResort);
        return Response.ok().build();
    }

    /** {@code HEAD} would run the consuming {@code GET} and throw its answer away: only {@code GET} consumes. */
    @HEAD
    @Path("{fid}")
    public Response head() {
        return Responses.notConsumingOnHead();
    }

    @GET
    @Path("{fid}")
    public Response fetch(@Context SecurityContext security, @PathParam("fid") String fid,
                          @QueryParam("versions") String versions, @QueryParam("ciphersuites") String suites) {
        if (!names(versions, "1.0", MLS10) || !names(suites, null, SUITE)) {
            return Response.noContent().build();
        }
        List<ClaimedKeyPackage> claimed = keyPackages.fetch(SessionPrincipal.of(security).fid(), fid);
        if (claimed.isEmpty()) {
            return Response.noContent().build();
        }
        JsonArrayBuilder out = JsonProvider.provider().createArrayBuilder();
        for (ClaimedKeyPackage c : claimed) {
            out.add(JsonProvider.provider().createObjectBuilder().add("id", Sha256.hex(c.keyPackage()))
                    .add("keyPackage", c.keyPackage()).add("lastResort", c.lastResort()));
        }
        return Responses.json(200, out.build());
    }

    /**
     * Whether a comma-separated filter (absent: no filter) names {@code value}, as a decimal or {@code 0x} hex
     * number or as {@code alias}.
     */
    private static boolean names(String filter, String alias, int value) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        return Arrays.stream(filter.split(",")).map(String::strip).anyMatch(item -> item.equals(alias)
                || parses(item, value));
    }

    private static boolean parses(String item, int value) {
        try {
            return (item.startsWith("0x") ? Integer.parseInt(item.substring(2), 16) : Integer.parseInt(item))
                    == value;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
