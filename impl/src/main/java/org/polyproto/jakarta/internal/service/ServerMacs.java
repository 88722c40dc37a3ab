package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.EnumMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under keys that every node of this server derives alike from the server's private identity key in
 * force, one key per {@link Purpose}: what lets one node check a string that another node issued without a store.
 * A server-key rotation changes every key, so whatever was MACed before it stops verifying (within the refresh
 * interval on other nodes). The derived keys are held for the key in force only.
 */
@ApplicationScoped
public class ServerMacs {

    /** What a MAC is for; each has its own key, so no MAC of one purpose verifies for another. */
    public enum Purpose {
        CHALLENGE("polyproto-jakarta challenge v1"),
        LOGIN_GRANT("polyproto-jakarta login grant v1");

        private final byte[] label;

        Purpose(String label) {
            this.label = label.getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Per purpose, a Mac initialised with its key: each call MACs on a clone, so the provider is asked once. */
    private record Keys(BigInteger serial, Map<Purpose, Mac> byPurpose) {
    }

    @Inject
    ServerKeys serverKeys;

    private volatile Keys keys;

    /** The 32-byte HMAC-SHA256 of {@code data} under the key of {@code purpose}. */
    public byte[] mac(Purpose purpose, byte[] data) {
        try {
            Mac mac = (Mac) keys().byPurpose().get(purpose).clone();
            return mac.doFinal(data);
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256, cloneable, is part of every Java runtime", e);
        }
    }

    private Keys keys() throws GeneralSecurityException {
        var current = serverKeys.current();
        Keys held = keys;
        if (held != null && held.serial().equals(current.key().serial())) {
            return held;
        }
        Mac derive = Mac.getInstance("HmacSHA256");
        derive.init(new SecretKeySpec(current.privateKeySeed(), "HmacSHA256"));
        Map<Purpose, Mac> byPurpose = new EnumMap<>(Purpose.class);
        for (Purpose purpose : Purpose.values()) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derive.doFinal(purpose.label), "HmacSHA256"));
            byPurpose.put(purpose, mac);
        }
        held = new Keys(current.key().serial(), byPurpose);
        keys = held;
        return held;
    }
}
