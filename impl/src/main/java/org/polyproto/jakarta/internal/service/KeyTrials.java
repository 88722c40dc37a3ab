package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.util.Optional;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.api.representation.SessionTokenRepresentation;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.spi.storage.IdCertRecord;
import org.polyproto.jakarta.spi.storage.IdCertStore;

/**
 * {@code POST .p2/core/v1/session/auth}: a completed key trial is identify by another name. The trial is a challenge
 * of this server; the ID-Cert is the one the request carries or, for this server's own actors, the one its
 * {@code serialNumber} names. Everything after is {@link Identification}'s: the same checks, limits and session.
 */
@ApplicationScoped
public class KeyTrials {

    @Inject
    Identification identification;
    @Inject
    IdCertStore idCerts;
    @Inject
    Transactions transactions;
    @Inject
    PolyprotoConfig config;

    /**
     * @param fid     the actor the trial was completed for, if the request names it
     * @param certPem the ID-Cert, if the request carries it; required for a foreign actor
     */
    public SessionTokenRepresentation complete(String trial, byte[] signature, BigInteger serial,
                                               Optional<FederationId> fid, Optional<String> certPem,
                                               String clientAddress) {
        byte[] der = certPem.isPresent() ? PemCodec.decode(certPem.get()).orElseThrow(KeyTrials::malformed)
                : localCertificate(serial, fid.orElseThrow(() -> new PolyprotoException(ErrorCode.BAD_REQUEST,
                        "A completed key trial names its actor (fid) or carries its ID-Cert (idCert).")));
        ParsedIdCert cert = ParsedIdCert.parse(der);
        if (!cert.serial().equals(serial)) {
            throw new PolyprotoException(ErrorCode.IDCERT_INVALID, "serialNumber is not the ID-Cert's serial.");
        }
        if (fid.isPresent() && !cert.requireActorProfile().fid().equals(fid.get())) {
            throw new PolyprotoException(ErrorCode.IDCERT_INVALID, "The ID-Cert is not the named actor's.");
        }
        return identification.identify(trial, signature, der, JsonValue.EMPTY_JSON_OBJECT, clientAddress);
    }

    private byte[] localCertificate(BigInteger serial, FederationId fid) {
        if (!fid.domain().equals(config.server().domain())) {
            throw new PolyprotoException(ErrorCode.BAD_REQUEST,
                    "A foreign actor's completed key trial carries its ID-Cert (idCert).");
        }
        Optional<IdCertRecord> record = transactions.call(() -> idCerts.find(serial));
        return record.filter(r -> r.fid().equals(fid)).flatMap(r -> PemCodec.decode(r.pem()))
                .orElseThrow(() -> new PolyprotoException(ErrorCode.IDCERT_INVALID,
                        "No ID-Cert of this actor has that serial number."));
    }

    private static PolyprotoException malformed() {
        return new PolyprotoException(ErrorCode.IDCERT_MALFORMED, "The ID-Cert must be PEM, base64 of DER or base64 "
                + "of PEM.");
    }
}
