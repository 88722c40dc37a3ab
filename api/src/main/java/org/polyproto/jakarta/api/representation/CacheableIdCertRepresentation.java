package org.polyproto.jakarta.api.representation;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.OptionalLong;
import org.polyproto.jakarta.api.Incubating;

/**
 * An ID-Cert as polyproto-core v1 hands it out ({@code GET .p2/core/v1/idcert/server},
 * {@code .../idcert/actor/{fid}}): {@code {"idCertPem": "<PEM>", "invalidatedAt": 1700000000,
 * "cacheNotValidBefore": 1700000000, "cacheNotValidAfter": 1700000300, "cacheSignature": "<hex>"}}, the numbers
 * JSON numbers (Unix seconds), {@code invalidatedAt} only for a certificate revoked early. {@code cacheSignature} is
 * the home server's Ed25519 signature, lower-case hex, over the UTF-8 bytes of {@link #signedText}.
 *
 * @since 0.4
 */
@Incubating
public record CacheableIdCertRepresentation(String idCertPem, OptionalLong invalidatedAt, long cacheNotValidBefore,
                                            long cacheNotValidAfter, String cacheSignature)
        implements Representation {

    private static final JsonProvider JSON = JsonProvider.provider();

    public CacheableIdCertRepresentation {
        Objects.requireNonNull(idCertPem, "idCertPem");
        Objects.requireNonNull(invalidatedAt, "invalidatedAt");
        Objects.requireNonNull(cacheSignature, "cacheSignature");
    }

    /**
     * What {@code cacheSignature} signs (polyproto-rs 0.11 {@code CacheableIdCert::verify}): the certificate's serial
     * as an unsigned decimal, then cacheNotValidBefore, cacheNotValidAfter and invalidatedAt (or nothing) in
     * decimal, with no separators.
     */
    public static byte[] signedText(BigInteger serial, long cacheNotValidBefore, long cacheNotValidAfter,
                                    OptionalLong invalidatedAt) {
        String text = serial.toString() + Long.toUnsignedString(cacheNotValidBefore)
                + Long.toUnsignedString(cacheNotValidAfter)
                + (invalidatedAt.isPresent() ? Long.toUnsignedString(invalidatedAt.getAsLong()) : "");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("idCertPem", idCertPem);
        invalidatedAt.ifPresent(t -> json.add("invalidatedAt", t));
        return json.add("cacheNotValidBefore", cacheNotValidBefore).add("cacheNotValidAfter", cacheNotValidAfter)
                .add("cacheSignature", cacheSignature).build();
    }
}
