package org.polyproto.jakarta.internal.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Numeric IP literals, parsed without {@code InetAddress} so that no text can ever cause a DNS lookup. An address
 * is 4 bytes (IPv4) or 16 (IPv6); an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) is returned as its IPv4.
 */
public final class IpLiteral {

    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    private IpLiteral() {
    }

    /** An address alone: {@code 192.0.2.1}, {@code 2001:db8::1}, {@code fe80::1%eth0} or {@code [2001:db8::1]}. */
    public static Optional<byte[]> parse(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0 && s.indexOf(':') >= 0) {
            s = s.substring(0, zone);
        }
        return Optional.ofNullable(s.indexOf(':') >= 0 ? unmapped(v6(s)) : v4(s));
    }

    /**
     * An address that may carry a port, as proxies write it: {@code 192.0.2.1:4711}, {@code [2001:db8::1]:4711},
     * or any form {@link #parse} accepts.
     */
    public static Optional<byte[]> parseNode(String text) {
        String s = text.strip();
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            return close > 0 && isPortOrNothing(s.substring(close + 1)) ? parse(s.substring(0, close + 1))
                    : Optional.empty();
        }
        int colon = s.indexOf(':');
        if (colon >= 0 && colon == s.lastIndexOf(':')) {
            return isPortOrNothing(s.substring(colon)) ? Optional.ofNullable(v4(s.substring(0, colon)))
                    : Optional.empty();
        }
        return parse(s);
    }

    /** The text form, IPv6 cut to its first {@code ipv6PrefixBits} bits and marked with the prefix length. */
    public static String format(byte[] address, int ipv6PrefixBits) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "."
                    + (address[3] & 0xff);
        }
        byte[] masked = IpBlock.mask(address, ipv6PrefixBits);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            out.append(i == 0 ? "" : ":").append(Integer.toHexString((masked[i] & 0xff) << 8 | masked[i + 1] & 0xff));
        }
        return ipv6PrefixBits == 128 ? out.toString() : out.append('/').append(ipv6PrefixBits).toString();
    }

    private static boolean isPortOrNothing(String rest) {
        return rest.isEmpty() || rest.length() <= 6 && rest.charAt(0) == ':' && rest.length() > 1
                && rest.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static byte[] unmapped(byte[] v6) {
        if (v6 == null || !Arrays.equals(v6, 0, 12, MAPPED_PREFIX, 0, 12)) {
            return v6;
        }
        return Arrays.copyOfRange(v6, 12, 16);
    }

    static byte[] v4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || p.length() > 1 && p.charAt(0) == '0'
                    || !p.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(p) > 255) {
                return null;
            }
            out[i] = (byte) Integer.parseInt(p);
        }
        return out;
    }

    private static byte[] v6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<Integer> head = words(gap < 0 ? s : s.substring(0, gap), gap < 0);
        List<Integer> tail = gap < 0 ? List.of() : words(s.substring(gap + 2), true);
        if (head == null || tail == null || (gap < 0 ? head.size() != 8 : head.size() + tail.size() > 7)) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            put(out, i, head.get(i));
        }
        for (int i = 0; i < tail.size(); i++) {
            put(out, 8 - tail.size() + i, tail.get(i));
        }
        return out;
    }

    /** 16-bit words separated by colons; the last one may be a dotted IPv4 (two words); null if malformed. */
    private static List<Integer> words(String part, boolean mayEndInV4) {
        List<Integer> out = new ArrayList<>();
        if (part.isEmpty()) {
            return out;
        }
        String[] pieces = part.split(":", -1);
        for (int i = 0; i < pieces.length; i++) {
            String p = pieces[i];
            if (mayEndInV4 && i == pieces.length - 1 && p.indexOf('.') >= 0) {
                byte[] v4 = v4(p);
                if (v4 == null) {
                    return null;
                }
                out.add((v4[0] & 0xff) << 8 | v4[1] & 0xff);
                out.add((v4[2] & 0xff) << 8 | v4[3] & 0xff);
            } else if (!p.isEmpty() && p.length() <= 4 && p.chars().allMatch(c -> Character.digit(c, 16) >= 0
                    && c < 128)) {
                out.add(Integer.parseInt(p, 16));
            } else {
                return null;
            }
        }
        return out;
    }

    private static void put(byte[] out, int word, int value) {
        out[2 * word] = (byte) (value >> 8);
        out[2 * word + 1] = (byte) value;
    }
}
