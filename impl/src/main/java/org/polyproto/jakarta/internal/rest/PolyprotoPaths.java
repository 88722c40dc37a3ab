package org.polyproto.jakarta.internal.rest;

import java.util.List;

/**
 * The module's paths under the host's JAX-RS application: the seed's {@code p2core/}, polyproto's {@code .p2/}
 * (core v1 and auth) and the discovery document {@code .well-known/polyproto-core}.
 */
final class PolyprotoPaths {

    static final String BASE = "p2core";
    private static final List<String> ROOTS = List.of(BASE, ".p2", ".well-known/polyproto-core");

    private PolyprotoPaths() {
    }

    /** Whether {@code path} (relative to the application, with or without a leading slash) is the module's. */
    static boolean isModulePath(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return ROOTS.stream().anyMatch(root -> p.equals(root) || p.startsWith(root + "/"));
    }

    /** Whether a path that may hold the application's root before it has one of the module's paths. */
    static boolean containsModulePath(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        return ROOTS.stream().anyMatch(root -> p.endsWith("/" + root) || p.contains("/" + root + "/"));
    }
}
