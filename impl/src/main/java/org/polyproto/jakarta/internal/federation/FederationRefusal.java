package org.polyproto.jakarta.internal.federation;

import java.util.logging.Logger;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;

/**
 * The one answer a client gets when another home server cannot be used. It never says what the network answered
 * (status, timeout, unreachable, refused address); that reason goes to the log at {@code FINE} only.
 */
final class FederationRefusal {

    static final String MESSAGE = "The home server of this actor cannot be used.";
    private static final Logger LOG = Logger.getLogger(FederationRefusal.class.getName());

    private FederationRefusal() {
    }

    static PolyprotoException of(String target, String why) {
        LOG.fine(() -> "polyproto: home server " + target + " not used: " + why);
        return new PolyprotoException(ErrorCode.NOT_FEDERATED, MESSAGE);
    }
}
