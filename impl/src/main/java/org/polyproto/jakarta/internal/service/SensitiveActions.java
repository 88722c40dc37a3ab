package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.log.SecurityLog;
import org.polyproto.jakarta.spi.SensitiveAction;
import org.polyproto.jakarta.spi.SensitiveActionVerifier;

/**
 * The gate of a sensitive action: the {@code X-P2-Sensitive-Solution} header present, of sane length, and accepted
 * by the {@link SensitiveActionVerifier}, before anything is changed.
 */
@ApplicationScoped
public class SensitiveActions {

    public static final String HEADER = "X-P2-Sensitive-Solution";
    static final int MAX_SOLUTION = 1024;

    @Inject
    SensitiveActionVerifier verifier;

    /** Returns when {@code solution} admits {@code action}; throws the envelope's refusal otherwise. */
    public void require(FederationId actor, SensitiveAction action, String solution) {
        if (solution == null || solution.isEmpty()) {
            throw refused(ErrorCode.SENSITIVE_SOLUTION_REQUIRED, actor, action, "This action needs the "
                    + HEADER + " header.");
        }
        if (solution.length() > MAX_SOLUTION || !verifier.verify(actor, action, solution)) {
            throw refused(ErrorCode.SENSITIVE_SOLUTION_INVALID, actor, action, "The " + HEADER
                    + " header does not admit this action.");
        }
    }

    private static PolyprotoException refused(ErrorCode code, FederationId actor, SensitiveAction action,
                                              String message) {
        SecurityLog.sensitiveActionRefused(code.wireName(), actor, action);
        return new PolyprotoException(code, message);
    }
}
