package org.polyproto.jakarta.spi;

import java.util.Objects;
import java.util.Optional;
import org.polyproto.jakarta.api.ErrorCode;

/**
 * What {@link RegistrationHandler#onTrust} decided: issue the ID-Cert, or refuse with a 401 and a code of the
 * contract ({@code P2CORE_INVALID_CREDENTIALS} by default) or of the host's own (e.g. {@code HOST_OTP_REQUIRED}).
 *
 * @since 0.2
 */
public final class TrustDecision {

    private static final TrustDecision GRANTED = new TrustDecision(null, null);
    private static final TrustDecision REFUSED = new TrustDecision(ErrorCode.INVALID_CREDENTIALS.wireName(),
            "The actor name or credentials are wrong.");

    private final String errcode;
    private final String message;

    private TrustDecision(String errcode, String message) {
        this.errcode = errcode;
        this.message = message;
    }

    public static TrustDecision granted() {
        return GRANTED;
    }

    /** Refused with the contract's generic answer, which does not say what was wrong. */
    public static TrustDecision refused() {
        return REFUSED;
    }

    /** Refused with a code and message of the host's, answered with status 401. */
    public static TrustDecision refused(String errcode, String message) {
        return new TrustDecision(Objects.requireNonNull(errcode, "errcode"),
                Objects.requireNonNull(message, "message"));
    }

    public boolean isGranted() {
        return errcode == null;
    }

    /** The code of a refusal; empty when granted. */
    public Optional<String> errcode() {
        return Optional.ofNullable(errcode);
    }

    /** The message of a refusal; empty when granted. */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    @Override
    public String toString() {
        return isGranted() ? "TrustDecision[granted]" : "TrustDecision[refused " + errcode + "]";
    }
}
