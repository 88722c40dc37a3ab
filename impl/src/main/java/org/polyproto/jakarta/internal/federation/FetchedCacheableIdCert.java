package org.polyproto.jakarta.internal.federation;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.polyproto.jakarta.api.representation.CacheableIdCertRepresentation;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.internal.crypto.StrictEd25519;

/**
 * A {@code CacheableIdCert} as another home server answered it: its numbers read as JSON numbers or decimal strings
 * from 0 to 2^64-1 (polyproto-rs writes {@code u64}), its signature as hex.
 */
record FetchedCacheableIdCert(String pem, ParsedIdCert cert, Optional<BigInteger> invalidatedAt,
                              BigInteger notValidBefore, BigInteger notValidAfter, byte[] signature) {

    private static final BigInteger U64_LIMIT = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger LATEST = BigInteger.valueOf(Instant.MAX.getEpochSecond());

    /** The entry, or empty when it is not a CacheableIdCert with a readable certificate. */
    static Optional<FetchedCacheableIdCert> read(JsonValue value) {
        if (!(value instanceof JsonObject o) || !(o.get("idCertPem") instanceof JsonString pem)
                || !(o.get("cacheSignature") instanceof JsonString signature)) {
            return Optional.empty();
        }
        Optional<BigInteger> nvb = number(o.get("cacheNotValidBefore"));
        Optional<BigInteger> nva = number(o.get("cacheNotValidAfter"));
        JsonValue invalidated = o.get("invalidatedAt");
        Optional<BigInteger> inv = invalidated == null || invalidated == JsonValue.NULL ? Optional.empty()
                : number(invalidated);
        if (nvb.isEmpty() || nva.isEmpty() || (invalidated != null && invalidated != JsonValue.NULL
                && inv.isEmpty()) || !signature.getString().matches("[0-9a-fA-F]{128}")) {
            return Optional.empty();
        }
        try {
            ParsedIdCert cert = ParsedIdCert.parse(PemCodec.decode(pem.getString()).orElseThrow());
            return Optional.of(new FetchedCacheableIdCert(pem.getString(), cert, inv, nvb.get(), nva.get(),
                    HexFormat.of().parseHex(signature.getString())));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Whether {@code serverKey} signed this entry's serial, window and invalidation. */
    boolean isSignedBy(byte[] serverKey) {
        byte[] text = CacheableIdCertRepresentation.signedText(cert.serial(), notValidBefore.longValue(),
                notValidAfter.longValue(), invalidatedAt.map(t -> OptionalLong.of(t.longValue()))
                        .orElse(OptionalLong.empty()));
        return StrictEd25519.verify(serverKey, text, signature);
    }

    /** The end of the cache window, at most {@link Instant#MAX}. */
    Instant cacheEnd() {
        return Instant.ofEpochSecond(notValidAfter.min(LATEST).longValueExact());
    }

    private static Optional<BigInteger> number(JsonValue value) {
        String text = value instanceof JsonNumber n && n.isIntegral() ? n.bigIntegerValue().toString()
                : value instanceof JsonString s ? s.getString() : "";
        if (text.isEmpty() || text.length() > 20 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        BigInteger n = new BigInteger(text);
        return n.compareTo(U64_LIMIT) < 0 ? Optional.of(n) : Optional.empty();
    }

    /** A server's answer: its own certificate, whose signature must verify with the certificate's own key. */
    static FetchedCertificates server(String domain, JsonValue answer) {
        FetchedCacheableIdCert cert = FetchedCacheableIdCert.read(answer).orElseThrow(() ->
                FederationRefusal.of(domain, "it answered no CacheableIdCert"));
        if (!cert.isSignedBy(cert.cert().publicKey())) {
            throw FederationRefusal.of(domain, "the cacheSignature of its certificate does not verify");
        }
        return new FetchedCertificates(List.of(cert.pem()), Optional.of(cert.cacheEnd()));
    }

    /**
     * An actor list: every signature must verify with {@code serverKey}, or the whole list is refused; entries with an
     * {@code invalidatedAt} are left out; cacheable until the earliest window end.
     */
    static FetchedCertificates list(String domain, JsonValue answer, byte[] serverKey) {
        if (!(answer instanceof JsonArray array)) {
            throw FederationRefusal.of(domain, "it answered no CacheableIdCert list");
        }
        List<String> valid = new ArrayList<>();
        Optional<Instant> cacheUntil = Optional.empty();
        for (JsonValue entry : array) {
            FetchedCacheableIdCert cert = FetchedCacheableIdCert.read(entry).orElseThrow(() ->
                    FederationRefusal.of(domain, "it answered something that is no CacheableIdCert"));
            if (!cert.isSignedBy(serverKey)) {
                throw FederationRefusal.of(domain, "a cacheSignature does not verify with its key");
            }
            Instant end = cert.cacheEnd();
            cacheUntil = Optional.of(cacheUntil.filter(t -> t.isBefore(end)).orElse(end));
            if (cert.invalidatedAt().isEmpty()) {
                valid.add(cert.pem());
            }
        }
        return new FetchedCertificates(valid, cacheUntil);
    }
}
