package org.polyproto.jakarta.internal.net;

import java.util.Arrays;
import java.util.Optional;

/** A CIDR block ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or a single address; IPv4-mapped IPv6 counts as IPv4. */
public record IpBlock(byte[] network, int bits) {

    public IpBlock {
        network = mask(network, bits);
    }

    /** Parses {@code address} or {@code address/bits}; empty if either part is malformed. */
    public static Optional<IpBlock> parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        Optional<byte[]> address = IpLiteral.parse(slash < 0 ? s : s.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int max = address.get().length * 8;
        if (slash < 0) {
            return Optional.of(new IpBlock(address.get(), max));
        }
        String bits = s.substring(slash + 1);
        if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int n = Integer.parseInt(bits);
        // a mapped block such as ::ffff:10.0.0.0/104 is the IPv4 block 10.0.0.0/8
        int v4Bits = address.get().length == 4 && s.indexOf(':') >= 0 ? n - 96 : n;
        return v4Bits < 0 || v4Bits > max ? Optional.empty() : Optional.of(new IpBlock(address.get(), v4Bits));
    }

    public boolean contains(byte[] address) {
        return address.length == network.length && Arrays.equals(mask(address, bits), network);
    }

    /** A copy of {@code address} with all bits after the first {@code bits} cleared. */
    static byte[] mask(byte[] address, int bits) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - 8 * i));
            out[i] &= (byte) (0xff00 >> keep);
        }
        return out;
    }
}
