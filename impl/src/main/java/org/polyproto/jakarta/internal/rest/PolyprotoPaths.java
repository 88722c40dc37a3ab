package org.polyproto.jakarta.internal.rest;

/** The module's paths under the host's JAX-RS application. */
final class PolyprotoPaths {

    static final String BASE = "p2core";

    private PolyprotoPaths() {
    }

    /** Whether {@code path} (relative to the application, with or without a leading slash) is the module's. */
    static boolean isModulePath(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.equals(BASE) || p.startsWith(BASE + "/");
    }
}
