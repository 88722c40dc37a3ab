package org.polyproto.jakarta.it;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import org.polyproto.jakarta.internal.service.PolyprotoClock;

/**
 * Test-only: the module's clock, moved by {@code PUT test-clock?to=<epoch second>} (0 puts it back), so that tests
 * can reach expiry edges without waiting. Added only to the deployments that need it.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 10)
@ApplicationScoped
public class ShiftedClock extends PolyprotoClock {

    private static volatile long offsetMillis;

    @Override
    public Instant now() {
        return super.now().plusMillis(offsetMillis);
    }

    /** The JAX-RS side: moves the clock. */
    @Path("test-clock")
    public static class Control {
        @PUT
        public void moveTo(@QueryParam("to") long epochSecond) {
            offsetMillis = epochSecond == 0 ? 0 : epochSecond * 1000 - System.currentTimeMillis();
        }
    }
}
