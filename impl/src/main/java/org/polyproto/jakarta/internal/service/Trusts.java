package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.api.representation.IssuedIdCertRepresentation;
import org.polyproto.jakarta.internal.cert.ParsedCsr;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.spi.ActorDirectory;
import org.polyproto.jakarta.spi.RegistrationHandler;
import org.polyproto.jakarta.spi.TrustDecision;
import org.polyproto.jakarta.internal.log.SecurityLog;

/**
 * {@code POST p2core/session/trust}: checks the CSR, finds the actor in the {@link ActorDirectory}, counts the
 * password ({@link PasswordCheck}), lets the registration handler decide, then issues the ID-Cert and opens the session.
 */
@ApplicationScoped
public class Trusts {

    @Inject
    ActorDirectory directory;
    @Inject
    RegistrationHandler handler;
    @Inject
    IdCertIssuance issuance;
    @Inject
    PolyprotoConfig config;
    @Inject
    PasswordCheck passwords;

    public IssuedIdCertRepresentation trust(String actorName, String csrText, Optional<String> password,
                                            JsonObject authPayload) {
        FederationId fid = localActor(actorName, password);
        byte[] der = PemCodec.decode(csrText).orElseThrow(() -> new PolyprotoException(ErrorCode.CSR_INVALID,
                "The CSR must be PEM, base64 of DER or base64 of PEM."));
        ParsedCsr csr = ParsedCsr.parse(der).requireActor(fid);
        authenticate(fid, password, authPayload);
        return Transactions.retriedOnConflict(() -> issuance.issue(fid, csr));
    }

    /**
     * polyproto-auth's login: the actor whose password this is, with the same checks, lock, handler and timing as
     * {@link #trust}, and no certificate.
     */
    public FederationId login(String actorName, String password) {
        FederationId fid = localActor(actorName, Optional.of(password));
        authenticate(fid, Optional.of(password), JsonValue.EMPTY_JSON_OBJECT);
        return fid;
    }

    private FederationId localActor(String actorName, Optional<String> password) {
        FederationId fid = new FederationId(FederationId.requireLocalName(actorName), config.server().domain());
        if (password.isPresent() && password.get().codePointCount(0, password.get().length())
                > Registrations.MAX_PASSWORD) {
            throw new PolyprotoException(ErrorCode.BAD_REQUEST, "A password has 8 to 1024 characters.");
        }
        return fid;
    }

    private void authenticate(FederationId fid, Optional<String> password, JsonObject authPayload) {
        boolean known = directory.find(fid).isPresent();
        boolean verified = password.isPresent() && passwords.matches(fid, known, password.get(), authPayload);
        TrustDecision decision = known ? handler.onTrust(fid, verified, authPayload) : TrustDecision.refused();
        if (!decision.isGranted()) {
            SecurityLog.trustRefused(decision.errcode().orElseThrow(), fid);
            throw new PolyprotoException(401, decision.errcode().orElseThrow(), decision.message().orElseThrow());
        }
    }
}
