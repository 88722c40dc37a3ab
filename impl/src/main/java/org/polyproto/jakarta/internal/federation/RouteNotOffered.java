package org.polyproto.jakarta.internal.federation;

import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;

/**
 * The home server answered, with another status than 200: it does not offer the route asked, so the next profile's
 * route may be tried. Anything else (no answer in time, refused address, oversized body) is not worth another
 * fetch. The client sees the same {@code NOT_FEDERATED} refusal either way.
 */
final class RouteNotOffered extends PolyprotoException {

    RouteNotOffered() {
        super(ErrorCode.NOT_FEDERATED, FederationRefusal.MESSAGE);
    }
}
