package org.polyproto.jakarta.internal.federation;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which addresses this server may connect to when it asks another home server. By default only public unicast
 * ones: no loopback, unspecified, private, shared (CGNAT), link-local, unique-local, site-local, multicast,
 * broadcast, reserved, documentation or benchmark address, and no IPv4-mapped, IPv4-compatible, 6to4 or NAT64
 * address whose embedded IPv4 address is one of those (Teredo and local-use NAT64 are refused outright).
 * {@code polyproto.federation.allow-private=true} allows every address (tests, closed networks).
 */
final class AddressPolicy {

    static final AddressPolicy PUBLIC_ONLY = new AddressPolicy(false);
    static final AddressPolicy ANY = new AddressPolicy(true);

    private static final List<Block> REFUSED_V4 = blocks("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
            "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24",
            "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/3");
    private static final List<Block> REFUSED_V6 = blocks("100::/64", "2001::/32", "2001:db8::/32",
            "64:ff9b:1::/48", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");
    private static final Block NAT64 = block("64:ff9b::/96");
    private static final Block SIX_TO_FOUR = block("2002::/16");

    private final boolean allowPrivate;

    private AddressPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    static AddressPolicy of(boolean allowPrivate) {
        return allowPrivate ? ANY : PUBLIC_ONLY;
    }

    boolean allows(InetAddress address) {
        return allowPrivate || isPublic(address.getAddress());
    }

    private static boolean isPublic(byte[] ip) {
        if (ip.length == 4) {
            return REFUSED_V4.stream().noneMatch(b -> b.contains(ip));
        }
        byte[] v4 = embeddedV4(ip);
        return v4 != null ? isPublic(v4) : REFUSED_V6.stream().noneMatch(b -> b.contains(ip));
    }

    /** The IPv4 address inside ::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d or 2002:aabb:ccdd::/48, else null. */
    private static byte[] embeddedV4(byte[] ip) {
        boolean zeros = Arrays.equals(ip, 0, 10, new byte[10], 0, 10);
        boolean mapped = zeros && ip[10] == (byte) 0xff && ip[11] == (byte) 0xff;
        boolean compatible = zeros && ip[10] == 0 && ip[11] == 0;
        if (mapped || compatible || NAT64.contains(ip)) {
            return Arrays.copyOfRange(ip, 12, 16);
        }
        return SIX_TO_FOUR.contains(ip) ? Arrays.copyOfRange(ip, 2, 6) : null;
    }

    private static List<Block> blocks(String... cidrs) {
        return Stream.of(cidrs).map(AddressPolicy::block).toList();
    }

    private static Block block(String cidr) {
        int slash = cidr.indexOf('/');
        try {
            return new Block(InetAddress.getByName(cidr.substring(0, slash)).getAddress(),
                    Integer.parseInt(cidr.substring(slash + 1)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(cidr, e);
        }
    }

    private record Block(byte[] prefix, int bits) {

        boolean contains(byte[] ip) {
            if (ip.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            int rest = bits % 8;
            return Arrays.equals(ip, 0, whole, prefix, 0, whole)
                    && (rest == 0 || ((ip[whole] ^ prefix[whole]) & (0xff << (8 - rest)) & 0xff) == 0);
        }
    }
}
