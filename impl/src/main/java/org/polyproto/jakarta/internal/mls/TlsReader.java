package org.polyproto.jakarta.internal.mls;

import java.util.Arrays;

/**
 * A strict reader of RFC 9420's TLS presentation language (§2.1): big-endian integers and vectors with the
 * variable-length size prefix of §2.1.2. Every vector is bounded by the caller, a size that is not minimally encoded
 * or runs past its enclosing structure is refused, and {@link #end()} refuses trailing bytes. Failures are
 * {@link MalformedMlsException}s that say what was read, never an exception of the JDK.
 */
final class TlsReader {

    private final byte[] data;
    private final int limit;
    private int position;

    TlsReader(byte[] data) {
        this(data, 0, data.length);
    }

    private TlsReader(byte[] data, int from, int limit) {
        this.data = data;
        this.position = from;
        this.limit = limit;
    }

    int position() {
        return position;
    }

    int u8(String what) {
        need(1, what);
        return data[position++] & 0xff;
    }

    int u16(String what) {
        need(2, what);
        int value = (data[position] & 0xff) << 8 | data[position + 1] & 0xff;
        position += 2;
        return value;
    }

    long u64(String what) {
        need(8, what);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | data[position++] & 0xff;
        }
        return value;
    }

    /** {@code opaque what<V>} of at most {@code max} bytes. */
    byte[] opaque(String what, int max) {
        int size = size(what, max);
        byte[] out = Arrays.copyOfRange(data, position, position + size);
        position += size;
        return out;
    }

    /** The content of a vector of structures ({@code T what<V>}), at most {@code max} bytes, as its own reader. */
    TlsReader vector(String what, int max) {
        int size = size(what, max);
        TlsReader inner = new TlsReader(data, position, position + size);
        position += size;
        return inner;
    }

    boolean hasMore() {
        return position < limit;
    }

    /** Refuses anything left after the structure was read. */
    void end(String what) {
        if (position != limit) {
            throw new MalformedMlsException((limit - position) + " bytes follow the end of " + what);
        }
    }

    /** The bytes from {@code from} up to the current position. */
    byte[] slice(int from) {
        return Arrays.copyOfRange(data, from, position);
    }

    private int size(String what, int max) {
        int first = u8(what + " length");
        int size;
        switch (first >>> 6) {
            case 0 -> size = first;
            case 1 -> {
                size = (first & 0x3f) << 8 | u8(what + " length");
                minimal(size, 0x3f, what);
            }
            case 2 -> {
                need(3, what + " length");
                size = (first & 0x3f) << 24 | (data[position] & 0xff) << 16 | (data[position + 1] & 0xff) << 8
                        | data[position + 2] & 0xff;
                position += 3;
                minimal(size, 0x3fff, what);
            }
            default -> throw new MalformedMlsException("the length of " + what + " has the reserved prefix 0b11");
        }
        if (size > max) {
            throw new MalformedMlsException(what + " has " + size + " bytes, more than " + max);
        }
        need(size, what);
        return size;
    }

    private static void minimal(int size, int fitsInShorter, String what) {
        if (size <= fitsInShorter) {
            throw new MalformedMlsException("the length of " + what + " is not minimally encoded");
        }
    }

    private void need(int bytes, String what) {
        if (limit - position < bytes) {
            throw new MalformedMlsException(what + " runs past the end of its structure");
        }
    }
}
