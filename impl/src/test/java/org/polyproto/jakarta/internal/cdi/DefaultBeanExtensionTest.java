package org.polyproto.jakarta.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.internal.defaults.ConfiguredAdministratorPolicy;
import org.polyproto.jakarta.internal.service.Sessions;
import org.polyproto.jakarta.persistence.store.JpaIssuedChallengeUse;
import org.polyproto.jakarta.persistence.store.JpaIssuedIdCertLookup;
import org.polyproto.jakarta.persistence.store.JpaSessionStore;
import org.polyproto.jakarta.spi.ActorDirectory;
import org.polyproto.jakarta.spi.ActorRegistration;
import org.polyproto.jakarta.spi.AdministratorPolicy;
import org.polyproto.jakarta.spi.CredentialVerifier;
import org.polyproto.jakarta.spi.ServerKeyCustody;
import org.polyproto.jakarta.spi.storage.ChallengeStore;
import org.polyproto.jakarta.spi.storage.IdCertStore;
import org.polyproto.jakarta.spi.storage.IssuedChallengeUse;
import org.polyproto.jakarta.spi.storage.IssuedIdCertLookup;
import org.polyproto.jakarta.spi.storage.SessionStore;
import org.polyproto.jakarta.spi.storage.memory.InMemoryChallengeStore;

/** Which classes are SPI defaults, found by package instead of a hand-kept list or a marker annotation. */
class DefaultBeanExtensionTest {

    @Test
    void theModulesOwnImplementationsOfAnSpiAreDefaults() {
        assertTrue(DefaultBeanExtension.isModuleDefault(JpaSessionStore.class));
        assertTrue(DefaultBeanExtension.isModuleDefault(ConfiguredAdministratorPolicy.class));
        assertEquals(List.of(SessionStore.class), DefaultBeanExtension.spisOf(JpaSessionStore.class));
        assertEquals(List.of(AdministratorPolicy.class),
                DefaultBeanExtension.spisOf(ConfiguredAdministratorPolicy.class));
    }

    @Test
    void serviceBeansAndHostBeansAreNot() {
        assertFalse(DefaultBeanExtension.isModuleDefault(Sessions.class), "implements no SPI");
        assertFalse(DefaultBeanExtension.isModuleDefault(InMemoryChallengeStore.class),
                "outside the module's packages");
        assertEquals(List.of(ChallengeStore.class), DefaultBeanExtension.spisOf(InMemoryChallengeStore.class));
    }

    @Test
    void aHostsDirectoryTakesTheDefaultRegistrationAndVerifierAlong() {
        Set<Class<?>> directoryOnly = Set.of(ActorDirectory.class);
        assertTrue(DefaultBeanExtension.isReplaced(ActorDirectory.class, directoryOnly, Set.of()));
        assertTrue(DefaultBeanExtension.isReplaced(ActorRegistration.class, directoryOnly, Set.of()));
        assertTrue(DefaultBeanExtension.isReplaced(CredentialVerifier.class, directoryOnly, Set.of()));
        assertFalse(DefaultBeanExtension.isReplaced(SessionStore.class, directoryOnly, Set.of()));

        Set<Class<?>> verifierOnly = Set.of(CredentialVerifier.class);
        assertFalse(DefaultBeanExtension.isReplaced(ActorDirectory.class, verifierOnly, Set.of()),
                "a host may check passwords its own way over the module's actor table");
        assertFalse(DefaultBeanExtension.isReplaced(ActorRegistration.class, verifierOnly, Set.of()));
        assertTrue(DefaultBeanExtension.isReplaced(CredentialVerifier.class, verifierOnly, Set.of()));
    }

    @Test
    void theJoinedIssuedCertLookupStepsAsideWithEitherOfTheStoresItReads() {
        Set<Class<?>> none = Set.of();
        assertEquals(List.of(IssuedIdCertLookup.class), DefaultBeanExtension.spisOf(JpaIssuedIdCertLookup.class));
        assertTrue(DefaultBeanExtension.isReplaced(IssuedIdCertLookup.class, Set.of(IdCertStore.class), none));
        assertTrue(DefaultBeanExtension.isReplaced(IssuedIdCertLookup.class, Set.of(ServerKeyCustody.class), none));
        assertTrue(DefaultBeanExtension.isReplaced(IssuedIdCertLookup.class, Set.of(IssuedIdCertLookup.class), none));
        assertFalse(DefaultBeanExtension.isReplaced(IssuedIdCertLookup.class,
                Set.of(SessionStore.class, ActorDirectory.class), none));
        assertFalse(DefaultBeanExtension.isReplaced(IdCertStore.class, Set.of(ServerKeyCustody.class), none),
                "the stores themselves do not step aside with each other");
        assertEquals(List.of(ServerKeyCustody.class), DefaultBeanExtension.replacedBy(IssuedIdCertLookup.class,
                Set.of(ServerKeyCustody.class, SessionStore.class), none),
                "the log names what the application provides");
    }

    @Test
    void theChallengeUseOnTheIssuedRecordStepsAsideWithAnyOfTheStoresItReadsOrWrites() {
        Set<Class<?>> none = Set.of();
        assertEquals(List.of(IssuedChallengeUse.class), DefaultBeanExtension.spisOf(JpaIssuedChallengeUse.class));
        for (Class<?> store : List.of(ChallengeStore.class, IdCertStore.class, ServerKeyCustody.class)) {
            assertTrue(DefaultBeanExtension.isReplaced(IssuedChallengeUse.class, Set.of(store), none), store.getName());
            assertTrue(DefaultBeanExtension.isReplaced(IssuedChallengeUse.class, none, Set.of(store)), store.getName());
        }
        assertFalse(DefaultBeanExtension.isReplaced(IssuedChallengeUse.class,
                Set.of(SessionStore.class, IssuedIdCertLookup.class), none));
    }

    @Test
    void anEnabledAlternativeTakesAlongTheDefaultsThatReadWhatItsDefaultKeeps() {
        Set<Class<?>> none = Set.of();
        assertTrue(DefaultBeanExtension.isReplaced(IssuedIdCertLookup.class, none, Set.of(IdCertStore.class)),
                "CDI prefers the alternative store, so the default lookup would read rows it does not keep");
        assertTrue(DefaultBeanExtension.isReplaced(CredentialVerifier.class, none, Set.of(ActorDirectory.class)));
        assertFalse(DefaultBeanExtension.isReplaced(IdCertStore.class, none, Set.of(IdCertStore.class)),
                "the default the alternative outranks stays a bean; CDI resolves to the alternative");
    }
}
