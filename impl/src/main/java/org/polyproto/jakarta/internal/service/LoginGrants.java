package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.InvalidFederationIdException;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;

/**
 * The token that polyproto-auth's register and login answer: proof that the actor gave its password a short while
 * ago ({@code polyproto.auth.grant-validity}), good for one thing only, a new ID-Cert of that actor
 * ({@code POST .p2/core/v1/idcert}, where it stands in for the sensitive-action solution). It opens no session.
 * <p>
 * Stateless, so that every node accepts it without a store: {@code p2g1.<base64url fid>.<expiry>.<base64url mac>},
 * the MAC one of the {@link ServerMacs} (so a server-key rotation ends every grant, and a grant is never stored
 * anywhere).
 */
@ApplicationScoped
public class LoginGrants {

    static final String PREFIX = "p2g1.";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_IN = Base64.getUrlDecoder();
    private static final int MAX_LENGTH = 1024;

    @Inject
    ServerMacs macs;
    @Inject
    PolyprotoConfig config;
    @Inject
    PolyprotoClock clock;

    public String issue(FederationId fid) {
        long expires = clock.now().plus(config.protocol().loginGrantValidity()).getEpochSecond();
        String body = B64.encodeToString(fid.toString().getBytes(StandardCharsets.UTF_8)) + "." + expires;
        return PREFIX + body + "." + B64.encodeToString(mac(body));
    }

    /** Whether {@code token} has this shape at all (a session token never has). */
    public static boolean looksLikeGrant(String token) {
        return token != null && token.startsWith(PREFIX);
    }

    /** The actor of a grant this server issued that has not expired; empty for anything else. */
    public Optional<FederationId> verify(String token) {
        if (!looksLikeGrant(token) || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String rest = token.substring(PREFIX.length());
        int macStart = rest.lastIndexOf('.');
        int expiresStart = macStart < 0 ? -1 : rest.lastIndexOf('.', macStart - 1);
        if (expiresStart < 0) {
            return Optional.empty();
        }
        String body = rest.substring(0, macStart);
        try {
            if (!MessageDigest.isEqual(mac(body), B64_IN.decode(rest.substring(macStart + 1)))) {
                return Optional.empty();
            }
            long expires = Long.parseLong(rest.substring(expiresStart + 1, macStart));
            if (!clock.now().isBefore(Instant.ofEpochSecond(expires))) {
                return Optional.empty();
            }
            return Optional.of(FederationId.parse(new String(B64_IN.decode(rest.substring(0, expiresStart)),
                    StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | InvalidFederationIdException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String body) {
        return macs.mac(ServerMacs.Purpose.LOGIN_GRANT, body.getBytes(StandardCharsets.US_ASCII));
    }
}
