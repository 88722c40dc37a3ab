package org.polyproto.jakarta.spi;

import org.polyproto.jakarta.api.Incubating;

/**
 * The actions of polyproto-core v1 that need a second factor (spec §4.2, header {@code X-P2-Sensitive-Solution}).
 *
 * @since 0.4
 */
@Incubating
public enum SensitiveAction {
    /** {@code POST .p2/core/v1/idcert}: a new ID-Cert and session for the token's actor. */
    NEW_ID_CERT,
    /** {@code POST .p2/core/v1/key/server}: the server's identity key rotated by an administrator. */
    ROTATE_SERVER_KEY
}
