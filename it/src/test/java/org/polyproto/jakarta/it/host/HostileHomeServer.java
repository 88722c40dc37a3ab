package org.polyproto.jakarta.it.host;

import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.internal.cert.PolyprotoNames;
import org.polyproto.jakarta.testing.PolyprotoRsEncoding;
import org.polyproto.jakarta.testing.TestActor;

/**
 * Test-only: home servers that misbehave, one per path segment, each answering {@code p2core/key/server}:
 * a certificate for another domain, a certificate that is no CA, a huge body, a redirect, and a body that never
 * ends; and one well-behaved home server whose certificates are encoded the way polyproto-rs encodes them.
 */
@Path("hostile/{mode}/p2core/key")
public class HostileHomeServer {

    @GET
    @Path("server")
    public Response serverKey(@PathParam("mode") String mode) {
        Instant now = Instant.now();
        return switch (mode) {
            case "wrong-domain" -> pem(TestActor.generate().selfSignedCertificate(
                    PolyprotoNames.serverName("other.test"), true, KeyUsage.keyCertSign, now, now.plusSeconds(3600)));
            case "not-ca" -> pem(TestActor.generate().selfSignedCertificate(
                    PolyprotoNames.serverName("notca.test"), false, KeyUsage.digitalSignature, now,
                    now.plusSeconds(3600)));
            case "huge" -> Response.ok("\"" + "A".repeat(2 * 1024 * 1024) + "\"", MediaType.APPLICATION_JSON).build();
            case "redirect" -> Response.status(302).location(URI.create("https://example.org/p2core/key/server"))
                    .build();
            case "never-ending" -> Response.ok((StreamingOutput) out -> {
                long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                out.write('"');
                while (System.nanoTime() < end) {
                    out.write('A');
                    out.flush();
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, MediaType.APPLICATION_JSON).build();
            case "polyproto-rs" -> pem(PolyprotoRsEncoding.fixedServerCertificate());
            default -> Response.status(404).build();
        };
    }

    /** Only the polyproto-rs server lists certificates: its one actor's. */
    @GET
    @Path("actor/{fid}")
    public Response actorCerts(@PathParam("mode") String mode, @PathParam("fid") String fid) {
        if (!mode.equals("polyproto-rs")) {
            return Response.status(404).build();
        }
        return Response.ok(Json.createArrayBuilder().add(PemCodec.encode(PemCodec.CERTIFICATE,
                PolyprotoRsEncoding.fixedActorCertificate())).build().toString(), MediaType.APPLICATION_JSON).build();
    }

    private static Response pem(byte[] der) {
        return Response.ok(Json.createValue(PemCodec.encode(PemCodec.CERTIFICATE, der)).toString(),
                MediaType.APPLICATION_JSON).build();
    }
}
