package org.polyproto.jakarta.it.host;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HexFormat;
import java.util.OptionalLong;
import org.polyproto.jakarta.api.representation.CacheableIdCertRepresentation;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.internal.crypto.StrictEd25519;
import org.polyproto.jakarta.testing.PolyprotoRsEncoding;

/**
 * Test-only: home servers that speak only the v1 profile ({@code .p2/core/v1/idcert/...}; their seed routes answer
 * 404), with the fixed keys of {@link PolyprotoRsEncoding}: {@code v1-good} for {@code v1good.test} signs every
 * {@code cacheSignature} with its key, as does {@code v1-wk} for {@code v1wk.test}; {@code v1-forged} for
 * {@code v1forged.test} signs its actor list with another key.
 */
@Path("hostile/{mode}/.p2/core/v1/idcert")
public class HostileV1HomeServer {

    public static final String GOOD_DOMAIN = "v1good.test";
    public static final String FORGED_DOMAIN = "v1forged.test";
    /** Served by mode {@code v1-wk}, which no mapping names: reached through {@link HostileWellKnown} only. */
    public static final String WELL_KNOWN_DOMAIN = "v1wk.test";
    public static final String ACTOR = "flori";

    @GET
    @Path("server")
    public Response server(@PathParam("mode") String mode) {
        String domain = domain(mode);
        if (domain == null) {
            return Response.status(404).build();
        }
        return json(cacheable(serverCertificate(domain), PolyprotoRsEncoding.FIXED_SERVER_SEED).toString());
    }

    @GET
    @Path("actor/{fid}")
    public Response actor(@PathParam("mode") String mode, @PathParam("fid") String fid) {
        String domain = domain(mode);
        if (domain == null || !fid.equals(ACTOR + "@" + domain)) {
            return Response.status(404).build();
        }
        byte[] signer = mode.equals("v1-forged") ? PolyprotoRsEncoding.FIXED_ACTOR_SEED
                : PolyprotoRsEncoding.FIXED_SERVER_SEED;
        return json(Json.createArrayBuilder().add(cacheable(actorCertificate(domain), signer)).build().toString());
    }

    /** The actor's certificate, session {@code client1}, as the test presents it too. */
    public static byte[] actorCertificate(String domain) {
        return PolyprotoRsEncoding.actorCertificate(PolyprotoRsEncoding.FIXED_SERVER_SEED,
                PolyprotoRsEncoding.FIXED_ACTOR_SEED, ACTOR, domain, "client1", BigInteger.valueOf(3003),
                PolyprotoRsEncoding.FIXED_NOT_BEFORE.plusSeconds(60),
                PolyprotoRsEncoding.FIXED_NOT_AFTER.minusSeconds(60));
    }

    private static byte[] serverCertificate(String domain) {
        return PolyprotoRsEncoding.serverCertificate(PolyprotoRsEncoding.FIXED_SERVER_SEED, domain,
                BigInteger.valueOf(3001), PolyprotoRsEncoding.FIXED_NOT_BEFORE, PolyprotoRsEncoding.FIXED_NOT_AFTER);
    }

    private static String domain(String mode) {
        return switch (mode) {
            case "v1-good" -> GOOD_DOMAIN;
            case "v1-forged" -> FORGED_DOMAIN;
            case "v1-wk" -> WELL_KNOWN_DOMAIN;
            default -> null;
        };
    }

    private static JsonObject cacheable(byte[] der, byte[] signer) {
        long now = Instant.now().getEpochSecond();
        BigInteger serial = ParsedIdCert.parse(der).serial();
        byte[] signature = StrictEd25519.sign(signer, CacheableIdCertRepresentation.signedText(serial, now,
                now + 300, OptionalLong.empty()));
        return Json.createObjectBuilder().add("idCertPem", PemCodec.encode(PemCodec.CERTIFICATE, der))
                .add("cacheNotValidBefore", now).add("cacheNotValidAfter", now + 300)
                .add("cacheSignature", HexFormat.of().formatHex(signature)).build();
    }

    private static Response json(String body) {
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }
}
