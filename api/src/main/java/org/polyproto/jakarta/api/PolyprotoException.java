package org.polyproto.jakarta.api;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A failure that the module answers with the contract's error envelope
 * {@code {"errcode": <status>, "error": "<CODE>", "message": "<sentence>"}}.
 * <p>
 * SPI implementations throw it to reject a request; they may use one of the {@link ErrorCode}s or a code of their
 * own with {@link #PolyprotoException(int, String, String)}. The message goes to the client as it is, so it must be
 * one plain sentence without secrets or internals.
 *
 * @since 0.1
 */
public class PolyprotoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final long retryAfterSeconds;

    public PolyprotoException(ErrorCode code, String message) {
        this(code.status(), code.wireName(), message, -1, null);
    }

    public PolyprotoException(ErrorCode code, String message, Throwable cause) {
        this(code.status(), code.wireName(), message, -1, cause);
    }

    /**
     * An error with an implementation-specific code, e.g. from an auth payload handler.
     *
     * @param status an HTTP status from 400 to 599
     * @param code the {@code error} value, e.g. {@code MYAPP_EMAIL_REQUIRED}
     * @param message one human sentence
     */
    public PolyprotoException(int status, String code, String message) {
        this(status, code, message, -1, null);
    }

    protected PolyprotoException(int status, String code, String message, long retryAfterSeconds, Throwable cause) {
        super(message, cause, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400-599, was " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** An error that tells the client when to retry ({@code Retry-After}). */
    public static PolyprotoException retryAfter(ErrorCode code, String message, long seconds, Throwable cause) {
        return new PolyprotoException(code.status(), code.wireName(), message, seconds, cause);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Seconds for the {@code Retry-After} header, if the client should retry. */
    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds < 0 ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
    }
}
