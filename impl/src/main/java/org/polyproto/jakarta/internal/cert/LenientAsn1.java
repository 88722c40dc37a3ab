package org.polyproto.jakarta.internal.cert;

import java.util.function.Supplier;
import org.bouncycastle.util.Properties;

/**
 * Runs a parse with BouncyCastle's non-minimal INTEGER check switched off for the current thread only (polyproto-rs
 * writes pathLen as an 8-byte INTEGER). The JVM-wide setting is never touched.
 */
final class LenientAsn1 {

    private static final String ALLOW_UNSAFE_INTEGER = "org.bouncycastle.asn1.allow_unsafe_integer";

    private LenientAsn1() {
    }

    static <T> T parse(Supplier<T> parse) {
        boolean previous = Properties.setThreadOverride(ALLOW_UNSAFE_INTEGER, true);
        try {
            return parse.get();
        } finally {
            if (!previous) {
                Properties.removeThreadOverride(ALLOW_UNSAFE_INTEGER);
            }
        }
    }
}
