package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Optional;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.api.representation.IssuedIdCertRepresentation;
import org.polyproto.jakarta.internal.cert.ParsedCsr;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.spi.ActorDirectory;
import org.polyproto.jakarta.spi.CredentialVerifier;
import org.polyproto.jakarta.spi.RegistrationHandler;
import org.polyproto.jakarta.spi.TrustDecision;
import org.polyproto.jakarta.internal.log.SecurityLog;

/**
 * {@code POST p2core/session/trust}: checks the CSR, finds the actor in the {@link ActorDirectory}, counts the
 * password attempt ({@link PasswordAttempts}), has the {@link CredentialVerifier} check the password (outside any
 * transaction), lets the registration handler decide, then issues the ID-Cert and opens the session.
 */
@ApplicationScoped
public class Trusts {

    @Inject
    ActorDirectory directory;
    @Inject
    ActorCapabilities capabilities;
    @Inject
    RegistrationHandler handler;
    @Inject
    IdCertIssuance issuance;
    @Inject
    PolyprotoConfig config;
    @Inject
    Secrets secrets;
    @Inject
    PasswordAttempts attempts;

    public IssuedIdCertRepresentation trust(String actorName, String csrText, Optional<String> password,
                                            JsonObject authPayload) {
        FederationId fid = new FederationId(FederationId.requireLocalName(actorName), config.server().domain());
        if (password.isPresent() && password.get().codePointCount(0, password.get().length())
                > Registrations.MAX_PASSWORD) {
            throw new PolyprotoException(ErrorCode.BAD_REQUEST, "A password has 8 to 1024 characters.");
        }
        byte[] der = PemCodec.decode(csrText).orElseThrow(() -> new PolyprotoException(ErrorCode.CSR_INVALID,
                "The CSR must be PEM, base64 of DER or base64 of PEM."));
        ParsedCsr csr = ParsedCsr.parse(der).requireActor(fid);
        authenticate(fid, password, authPayload);
        return Transactions.retriedOnConflict(() -> issuance.issue(fid, csr));
    }

    private void authenticate(FederationId fid, Optional<String> password, JsonObject authPayload) {
        boolean known = directory.find(fid).isPresent();
        boolean verified = password.isPresent() && checkPassword(fid, known, password.get(), authPayload);
        TrustDecision decision = known ? handler.onTrust(fid, verified, authPayload) : TrustDecision.refused();
        if (!decision.isGranted()) {
            SecurityLog.trustRefused(decision.errcode().orElseThrow(), fid);
            throw new PolyprotoException(401, decision.errcode().orElseThrow(), decision.message().orElseThrow());
        }
    }

    /**
     * Counts the attempt of an existing actor first ({@link PasswordAttempts}); a locked actor's password is still
     * verified, so that its answer and its time are those of a wrong one, and then treated as wrong.
     */
    private boolean checkPassword(FederationId fid, boolean known, String password, JsonObject authPayload) {
        boolean admitted = known && attempts.admit(fid);
        if (!known) {
            attempts.askedForNoActor(fid);
        }
        boolean right = verify(fid, password, authPayload) && admitted;
        if (known && right) {
            attempts.succeeded(fid);
        }
        return right;
    }

    /** Without a verifier no password is ever right; the dummy hash keeps the time of a wrong one. */
    private boolean verify(FederationId fid, String password, JsonObject authPayload) {
        Optional<CredentialVerifier> verifier = capabilities.verifier();
        if (verifier.isPresent()) {
            return verifier.get().verify(fid, password, authPayload);
        }
        secrets.passwordHasher().verifyAgainstDummy(password);
        return false;
    }
}
