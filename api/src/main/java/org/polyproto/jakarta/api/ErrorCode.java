package org.polyproto.jakarta.api;

/**
 * The error codes of the wire contract, section 1, with their HTTP status. The first four are polyproto-core's
 * own; the others are this implementation's.
 *
 * @since 0.1
 */
public enum ErrorCode {
    FEDERATION_ID_TAKEN(409),
    SESSION_ID_TAKEN(409),
    NOT_ADMINISTRATOR(403),
    NOT_FEDERATED(404),
    BAD_REQUEST(400),
    INVALID_FEDERATION_ID(400),
    CSR_INVALID(400),
    IDCERT_MALFORMED(400),
    IDCERT_INVALID(401),
    CHALLENGE_INVALID(401),
    SIGNATURE_INVALID(401),
    INVALID_CREDENTIALS(401),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    /** A sensitive action without its {@code X-P2-Sensitive-Solution}. @since 0.4 */
    SENSITIVE_SOLUTION_REQUIRED(401),
    /** A sensitive action whose solution the {@code SensitiveActionVerifier} refused. @since 0.4 */
    SENSITIVE_SOLUTION_INVALID(403),
    /** What the request would create exists already (key material of a serial, a listed service). @since 0.4 */
    DUPLICATE(409),
    /**
     * An uploaded MLS KeyPackage that is not a well-formed RFC 9420 KeyPackage bound to the uploading session's
     * ID-Cert key, valid now, of a supported cipher suite, with an {@code init_key} never seen before.
     *
     * @since 0.5
     */
    KEYPACKAGE_INVALID(400),
    ACTOR_NOT_FOUND(404),
    NOT_FOUND(404),
    /** @since 0.3 */
    METHOD_NOT_ALLOWED(405),
    /** @since 0.3 */
    NOT_ACCEPTABLE(406),
    /** @since 0.3 */
    UNSUPPORTED_MEDIA_TYPE(415),
    UNSUPPORTED_ALGORITHM(400),
    PAYLOAD_TOO_LARGE(413),
    RATE_LIMITED(429),
    UNAVAILABLE(503),
    INTERNAL(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    /** The HTTP status that goes with this code. */
    public int status() {
        return status;
    }

    /** The code as it appears in the {@code error} field, e.g. {@code P2CORE_FEDERATION_ID_TAKEN}. */
    public String wireName() {
        return "P2CORE_" + name();
    }
}
