package org.polyproto.jakarta.example;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The host's own JAX-RS application. It is scanned (no classes listed), so the polyproto resources and
 * {@code PolyprotoFeature} in WEB-INF/lib are picked up and served under {@code /api/p2core/...}.
 */
@ApplicationPath("api")
public class ExampleApplication extends Application {
}
