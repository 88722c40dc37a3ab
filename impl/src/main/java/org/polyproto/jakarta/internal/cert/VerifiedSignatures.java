package org.polyproto.jakarta.internal.cert;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.polyproto.jakarta.internal.crypto.Sha256;

/**
 * Certificates whose signature verified, by the SHA-256 of their DER, with the issuer key they verified under: a
 * certificate presented again (every identify of a session presents the same one) costs a digest instead of an
 * Ed25519 verification. What it holds stays true (the same bytes verify under the same key), so nothing has to be
 * invalidated; whether that key may still sign is the caller's question, asked every time. Only signatures that
 * verified are kept, so a client cannot fill it with certificates it made up; at most {@code maxEntries}, the least
 * recently used go first. Thread-safe.
 */
public final class VerifiedSignatures {

    private final int maxEntries;
    private final BiPredicate<ParsedIdCert, byte[]> verifier;
    private final Map<ByteBuffer, byte[]> issuers;

    public VerifiedSignatures(int maxEntries) {
        this(maxEntries, ParsedIdCert::isSignedBy);
    }

    VerifiedSignatures(int maxEntries, BiPredicate<ParsedIdCert, byte[]> verifier) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
        this.verifier = verifier;
        this.issuers = new LinkedHashMap<>(Math.min(maxEntries, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, byte[]> eldest) {
                return size() > VerifiedSignatures.this.maxEntries;
            }
        };
    }

    /**
     * The candidate whose key signed {@code cert}: the one it verified under before, else the first in
     * {@code candidates}' order whose key verifies it.
     */
    public <K> Optional<K> signerOf(ParsedIdCert cert, List<K> candidates, Function<K, byte[]> publicKey) {
        ByteBuffer digest = ByteBuffer.wrap(Sha256.digest(cert.der()));
        byte[] known = remembered(digest);
        if (known != null) {
            for (K candidate : candidates) {
                if (Arrays.equals(publicKey.apply(candidate), known)) {
                    return Optional.of(candidate);
                }
            }
        }
        for (K candidate : candidates) {
            byte[] key = publicKey.apply(candidate);
            if (verifier.test(cert, key)) {
                remember(digest, key);
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code issuerKey} signed {@code cert}, remembered or verified now. */
    public boolean isSignedBy(ParsedIdCert cert, byte[] issuerKey) {
        return signerOf(cert, List.of(issuerKey), key -> key).isPresent();
    }

    synchronized int size() {
        return issuers.size();
    }

    private synchronized byte[] remembered(ByteBuffer digest) {
        return issuers.get(digest);
    }

    private synchronized void remember(ByteBuffer digest, byte[] key) {
        issuers.put(digest, key);
    }
}
