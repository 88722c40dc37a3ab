package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Instant;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.internal.cert.PolyprotoNames;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.internal.federation.HomeServers;
import org.polyproto.jakarta.spi.storage.IdCertRecord;
import org.polyproto.jakarta.spi.storage.IdCertStore;
import org.polyproto.jakarta.spi.ServerKey;

/**
 * Contract §5 steps 2, 3 and 5: whether an actor's ID-Cert (already profile-checked) is trusted now.
 */
@ApplicationScoped
public class CertificateTrust {

    @Inject
    ServerKeys serverKeys;
    @Inject
    IdCertStore idCerts;
    @Inject
    PolyprotoConfig config;
    @Inject
    HomeServers homeServers;
    @Inject
    Transactions transactions;

    /**
     * Runs outside any transaction: for another server's actor it may ask that home server.
     *
     * @param requester the client address that a fetch from another home server is charged to
     */
    public void requireTrusted(ParsedIdCert cert, PolyprotoNames.ActorName actor, Instant now, String requester) {
        if (actor.fid().domain().equals(config.server().domain())) {
            requireTrustedHere(cert, actor, now);
        } else {
            requireTrustedByHomeServer(cert, actor, now, requester);
        }
    }

    /** Steps 2, 3 and 5 for another server's actor: its home server's key and certificate list. */
    private void requireTrustedByHomeServer(ParsedIdCert cert, PolyprotoNames.ActorName actor, Instant now,
                                            String requester) {
        ParsedIdCert server = homeServers.signerOf(cert, actor.fid().domain(), requester);
        if (!cert.isValidAt(now, config.certificates().idCertLeeway()) || cert.notBefore().isBefore(server.notBefore())
                || cert.notAfter().isAfter(server.notAfter())) {
            throw invalid("outside its validity");
        }
        if (!homeServers.listsCertificate(actor.fid(), cert, server, requester)) {
            throw invalid("its home server does not list it as current");
        }
    }

    private void requireTrustedHere(ParsedIdCert cert, PolyprotoNames.ActorName actor, Instant now) {
        ServerKey signer = serverKeys.signerOf(cert).orElseThrow(() -> invalid("not signed by this server"));
        if (signer.retiredAt().isPresent()) {
            throw invalid("signed by a server key that has since been rotated");
        }
        if (!cert.isValidAt(now, config.certificates().idCertLeeway()) || cert.notBefore().isBefore(signer.notBefore())
                || cert.notAfter().isAfter(signer.notAfter())) {
            throw invalid("outside its validity");
        }
        IdCertRecord issued = transactions.call(() -> {
                    if (!serverKeys.isInForce(signer)) {
                        throw invalid("signed by a server key that has since been rotated");
                    }
                    return idCerts.find(cert.serial());
                })
                .filter(r -> r.fid().equals(actor.fid()))
                .filter(r -> PemCodec.decode(r.pem()).filter(der -> MessageDigest.isEqual(der, cert.der())).isPresent())
                .orElseThrow(() -> invalid("not issued by this server"));
        if (issued.invalidatedAt().filter(at -> !now.isBefore(at)).isPresent()) {
            throw invalid("revoked");
        }
    }

    private static PolyprotoException invalid(String why) {
        return new PolyprotoException(ErrorCode.IDCERT_INVALID, "The ID-Cert is not trusted: " + why + ".");
    }
}
