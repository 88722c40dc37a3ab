package org.polyproto.jakarta.it.host;

import jakarta.enterprise.context.ApplicationScoped;
import org.polyproto.jakarta.spi.storage.memory.InMemoryServerKeyCustody;

/**
 * A host that keeps the server's identity keys itself, as a vault would: the test kit's in-memory custody as a CDI
 * bean. The module's custody steps aside, and so do its joined ID-Cert lookup and the challenge use made on it,
 * which read the custody's table.
 */
@ApplicationScoped
public class VaultKeyCustody extends InMemoryServerKeyCustody {
}
