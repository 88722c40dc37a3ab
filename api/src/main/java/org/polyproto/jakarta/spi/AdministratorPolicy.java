package org.polyproto.jakarta.spi;

import org.polyproto.jakarta.api.FederationId;

/**
 * Decides who may act as a server administrator (for example rotate the server key). The default grants it to the
 * Federation IDs listed, comma separated, in the configuration key {@code polyproto.admins}.
 *
 * @since 0.1
 */
public interface AdministratorPolicy {

    /** Whether the authenticated actor {@code fid} is an administrator of this server. */
    boolean isAdministrator(FederationId fid);
}
