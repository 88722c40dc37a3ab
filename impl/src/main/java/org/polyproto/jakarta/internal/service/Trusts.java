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
import org.polyproto.jakarta.internal.crypto.PasswordHasher;
import org.polyproto.jakarta.spi.Actor;
import org.polyproto.jakarta.spi.ActorStore;
import org.polyproto.jakarta.spi.RegistrationHandler;

/**
 * {@code POST p2core/session/trust}: checks the CSR, authenticates the actor by password or by the registration
 * handler, then issues the ID-Cert and opens the session. The password check runs outside any transaction.
 */
@ApplicationScoped
public class Trusts {

    @Inject
    ActorStore actors;
    @Inject
    RegistrationHandler handler;
    @Inject
    IdCertIssuance issuance;
    @Inject
    PolyprotoConfig config;
    @Inject
    Secrets secrets;
    @Inject
    Transactions transactions;

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
        Optional<Actor> actor = transactions.call(() -> actors.find(fid));
        PasswordHasher hasher = secrets.passwordHasher();
        boolean accepted;
        if (password.isPresent()) {
            Optional<String> hash = actor.flatMap(Actor::passwordHash);
            if (hash.isPresent()) {
                accepted = hasher.verify(password.get(), hash.get());
            } else {
                hasher.verifyAgainstDummy(password.get());
                accepted = false;
            }
        } else {
            accepted = actor.isPresent() && handler.approveTrust(fid, authPayload);
        }
        if (!accepted) {
            throw new PolyprotoException(ErrorCode.INVALID_CREDENTIALS, "The actor name or credentials are wrong.");
        }
    }
}
