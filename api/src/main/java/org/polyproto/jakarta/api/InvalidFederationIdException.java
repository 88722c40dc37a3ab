package org.polyproto.jakarta.api;

/**
 * Thrown when a Federation ID, actor name or domain breaks the rules of the wire contract, section 3.
 * Maps to {@link ErrorCode#INVALID_FEDERATION_ID}.
 *
 * @since 0.1
 */
public class InvalidFederationIdException extends PolyprotoException {

    private static final long serialVersionUID = 1L;

    public InvalidFederationIdException(String message) {
        super(ErrorCode.INVALID_FEDERATION_ID, message);
    }
}
