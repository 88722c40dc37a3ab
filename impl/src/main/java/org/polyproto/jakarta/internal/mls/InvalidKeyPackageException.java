package org.polyproto.jakarta.internal.mls;

/** A KeyPackage that breaks one of {@link KeyPackageRules}; the message completes "The KeyPackage is refused: …". */
public final class InvalidKeyPackageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidKeyPackageException(String brokenBecause) {
        super(brokenBecause, null, false, false);
    }
}
