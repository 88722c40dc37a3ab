package org.polyproto.jakarta.internal.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.internal.cert.PolyprotoNames;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.internal.federation.HomeServers;
import org.polyproto.jakarta.spi.storage.IdCertRecord;
import org.polyproto.jakarta.spi.storage.IdCertStore;
import org.polyproto.jakarta.spi.storage.IssuedIdCertLookup;
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
    @Inject
    Instance<IssuedIdCertLookup> issuedLookups;
    /** The joined read of the issued record and its signer's standing, if a bean offers it; null: two reads. */
    IssuedIdCertLookup issuedLookup;

    @PostConstruct
    void init() {
        issuedLookup = issuedLookups.isResolvable() ? issuedLookups.get() : null;
    }

    /**
     * Runs outside any transaction: for another server's actor it may ask that home server.
     *
     * @param requester the client address that a fetch from another home server is charged to
     */
    public void requireTrusted(ParsedIdCert cert, PolyprotoNames.ActorName actor, Instant now, String requester) {
        if (isHomeActor(actor)) {
            requireIssuedHere(cert, actor, now);
        } else {
            requireTrustedByHomeServer(cert, actor, now, requester);
        }
    }

    /** Whether the actor is one of this server's. */
    public boolean isHomeActor(PolyprotoNames.ActorName actor) {
        return actor.fid().domain().equals(config.server().domain());
    }

    /**
     * Steps 2, 3 and 5 for another server's actor: its home server's key and certificate list. Outside any
     * transaction: it may ask that home server.
     */
    public void requireTrustedByHomeServer(ParsedIdCert cert, PolyprotoNames.ActorName actor, Instant now,
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

    /**
     * Steps 2, 3 and 5 for this server's actor: signed by a key in force, within its validity, issued here as
     * presented, not invalidated. Joins the caller's transaction (or runs in one of its own).
     */
    public void requireIssuedHere(ParsedIdCert cert, PolyprotoNames.ActorName actor, Instant now) {
        ServerKey signer = requireSignedHere(cert, now);
        transactions.run(() -> requireOnRecord(cert, actor, signer, now));
    }

    /**
     * The checks of {@link #requireIssuedHere} that need no store, to run before a transaction: the signature of a
     * key of this node's copy that was not retired, and the validity within that key's.
     *
     * @return the key that signed {@code cert}, for {@link #requireOnRecord}
     */
    public ServerKey requireSignedHere(ParsedIdCert cert, Instant now) {
        ServerKey signer = serverKeys.signerOf(cert).orElseThrow(() -> invalid("not signed by this server"));
        if (signer.retiredAt().isPresent()) {
            throw invalid("signed by a server key that has since been rotated");
        }
        if (!cert.isValidAt(now, config.certificates().idCertLeeway()) || cert.notBefore().isBefore(signer.notBefore())
                || cert.notAfter().isAfter(signer.notAfter())) {
            throw invalid("outside its validity");
        }
        return signer;
    }

    /**
     * The checks of {@link #requireIssuedHere} against the store, in the caller's transaction: {@code signer} still
     * in force on every node, and the issued record as presented and not invalidated.
     */
    public void requireOnRecord(ParsedIdCert cert, PolyprotoNames.ActorName actor, ServerKey signer, Instant now) {
        IdCertRecord issued = issuedRecord(cert, signer)
                .filter(r -> r.fid().equals(actor.fid()))
                .filter(r -> PemCodec.decode(r.pem()).filter(der -> MessageDigest.isEqual(der, cert.der())).isPresent())
                .orElseThrow(() -> invalid("not issued by this server"));
        if (issued.invalidatedAt().filter(at -> !now.isBefore(at)).isPresent()) {
            throw invalid("revoked");
        }
    }

    /** The issued record if {@code signer} is in force: one read where the stores offer it, else two. */
    private Optional<IdCertRecord> issuedRecord(ParsedIdCert cert, ServerKey signer) {
        if (issuedLookup != null) {
            return issuedLookup.findSignedByKeyInForce(cert.serial(), signer.serial());
        }
        if (!serverKeys.isInForce(signer)) {
            throw invalid("signed by a server key that has since been rotated");
        }
        return idCerts.find(cert.serial());
    }

    private static PolyprotoException invalid(String why) {
        return new PolyprotoException(ErrorCode.IDCERT_INVALID, "The ID-Cert is not trusted: " + why + ".");
    }
}
