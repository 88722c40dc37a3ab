package org.polyproto.jakarta.internal.federation;

import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.log.ModuleLog;

/**
 * The one answer a client gets when another home server cannot be used. It never says what the network answered
 * (status, timeout, unreachable, refused address); that reason goes to the log at {@code FINE} only.
 */
final class FederationRefusal {

    static final String MESSAGE = "The home server of this actor cannot be used.";

    private FederationRefusal() {
    }

    /** The same answer, as the refusal after which the next profile's route may be tried. */
    static RouteNotOffered notOffered(String target, String why) {
        ModuleLog.homeServerNotUsed(target, why);
        return new RouteNotOffered();
    }

    static PolyprotoException of(String target, String why) {
        ModuleLog.homeServerNotUsed(target, why);
        return new PolyprotoException(ErrorCode.NOT_FEDERATED, MESSAGE);
    }
}
