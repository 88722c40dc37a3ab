package org.polyproto.jakarta.internal.mls;

/** Bytes that are not the RFC 9420 structure they were read as; the message says where, for the client. */
public final class MalformedMlsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedMlsException(String message) {
        super(message, null, false, false);
    }
}
