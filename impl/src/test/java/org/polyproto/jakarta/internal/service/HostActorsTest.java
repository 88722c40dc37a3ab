package org.polyproto.jakarta.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyproto.jakarta.internal.service.ServiceFixture.DOMAIN;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.spi.Actor;
import org.polyproto.jakarta.spi.ActorDirectory;
import org.polyproto.jakarta.spi.CredentialVerifier;
import org.polyproto.jakarta.spi.RegistrationHandler;
import org.polyproto.jakarta.spi.TrustDecision;
import org.polyproto.jakarta.testing.TestActor;

/**
 * A host's own actors: its directory and credential verifier instead of the module's table, no registration
 * through the module, and a trust decision that asks for a second factor next to the password.
 */
class HostActorsTest {

    private static final String PASSWORD = "the host's own password";

    private final ServiceFixture f = new ServiceFixture();
    private final TestActor key = TestActor.generate();
    /** The host's users and their passwords, as its own table would hold them (hashing is its business). */
    private final Map<FederationId, String> hostUsers = new ConcurrentHashMap<>();

    HostActorsTest() {
        hostUsers.put(ServiceFixture.fid("carol"), PASSWORD);
        ActorDirectory directory = fid -> hostUsers.containsKey(fid) ? Optional.of(new Actor(fid))
                : Optional.empty();
        CredentialVerifier verifier = (fid, password, payload) -> password.equals(hostUsers.get(fid));
        f.trusts.directory = directory;
        f.passwords.capabilities = ActorCapabilities.of(null, verifier);
        f.registrations.capabilities = f.passwords.capabilities;
    }

    private PolyprotoException refused(String password, JsonObject payload) {
        return assertThrows(PolyprotoException.class, () -> f.trusts.trust("carol", key.csrPem("carol", DOMAIN,
                "s1"), Optional.ofNullable(password), payload));
    }

    @Test
    void theHostsVerifierDecidesAndTheModuleDoesNotRegister() {
        assertTrue(f.trusts.trust("carol", key.csrPem("carol", DOMAIN, "s1"), Optional.of(PASSWORD),
                JsonValue.EMPTY_JSON_OBJECT).idCert().startsWith("-----BEGIN CERTIFICATE-----"));
        assertEquals("P2CORE_INVALID_CREDENTIALS", refused("wrong password!", JsonValue.EMPTY_JSON_OBJECT).code());
        PolyprotoException unknown = assertThrows(PolyprotoException.class, () -> f.trusts.trust("dave",
                key.csrPem("dave", DOMAIN, "s1"), Optional.of(PASSWORD), JsonValue.EMPTY_JSON_OBJECT));
        assertEquals("P2CORE_INVALID_CREDENTIALS", unknown.code());

        PolyprotoException closed = assertThrows(PolyprotoException.class, () -> f.registrations.register("erin",
                Optional.of(PASSWORD), JsonValue.EMPTY_JSON_OBJECT));
        assertEquals(403, closed.status());
        assertEquals(Optional.empty(), f.actorStore.find(ServiceFixture.fid("erin")), "nothing stored");
    }

    @Test
    void aTrustDecisionCanAskForASecondFactorNextToThePassword() {
        f.trusts.handler = new SecondFactor();
        JsonObject withCode = Json.createObjectBuilder().add("otp", "424242").build();

        PolyprotoException missing = refused(PASSWORD, JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(401, missing.status());
        assertEquals("HOST_OTP_REQUIRED", missing.code());
        assertEquals("P2CORE_INVALID_CREDENTIALS", refused("wrong password!", withCode).code(),
                "the handler sees that the password was not verified");
        assertEquals("P2CORE_INVALID_CREDENTIALS", refused(null, withCode).code(), "no password, no trust");

        f.trusts.trust("carol", key.csrPem("carol", DOMAIN, "s1"), Optional.of(PASSWORD), withCode);
        assertEquals(1, f.sessionStore.findByActor(ServiceFixture.fid("carol")).size());
    }

    /** Password and a one-time code in {@code auth_payload}. */
    private static final class SecondFactor implements RegistrationHandler {
        @Override
        public Optional<JsonObject> onRegister(FederationId fid, boolean hasPassword, JsonObject authPayload) {
            return Optional.empty();
        }

        @Override
        public TrustDecision onTrust(FederationId fid, boolean passwordVerified, JsonObject authPayload) {
            if (!passwordVerified) {
                return TrustDecision.refused();
            }
            return "424242".equals(authPayload.getString("otp", null)) ? TrustDecision.granted()
                    : TrustDecision.refused("HOST_OTP_REQUIRED", "A one-time code is required.");
        }
    }
}
