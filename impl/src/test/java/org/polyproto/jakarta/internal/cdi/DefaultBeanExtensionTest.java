package org.polyproto.jakarta.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.internal.defaults.ConfiguredAdministratorPolicy;
import org.polyproto.jakarta.internal.service.Sessions;
import org.polyproto.jakarta.persistence.store.JpaSessionStore;
import org.polyproto.jakarta.spi.AdministratorPolicy;
import org.polyproto.jakarta.spi.storage.ChallengeStore;
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
}
