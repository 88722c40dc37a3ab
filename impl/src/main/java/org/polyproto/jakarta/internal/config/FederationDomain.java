package org.polyproto.jakarta.internal.config;

import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;

final class FederationDomain {

    private FederationDomain() {
    }

    static String require(String value, String key) {
        try {
            return FederationId.requireDomain(value);
        } catch (PolyprotoException e) {
            throw new InvalidConfigurationException(key + " is not a valid domain: " + value);
        }
    }
}
