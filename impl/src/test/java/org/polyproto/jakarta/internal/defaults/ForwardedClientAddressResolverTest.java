package org.polyproto.jakarta.internal.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.InvalidConfigurationException;
import org.polyproto.jakarta.internal.config.TestConfig;

class ForwardedClientAddressResolverTest {

    private static final String PROXY = "10.0.0.5";

    @Test
    void withoutTrustedProxiesHeadersAreIgnored() {
        ForwardedClientAddressResolver resolver = resolver(Map.of());
        assertEquals(PROXY, resolve(resolver, PROXY, "X-Forwarded-For", "203.0.113.7"));
    }

    @Test
    void headersOfAnUntrustedPeerAreIgnored() {
        ForwardedClientAddressResolver resolver = resolver(Map.of("polyproto.trusted-proxies", "10.0.0.0/8"));
        assertEquals("198.51.100.1", resolve(resolver, "198.51.100.1", "X-Forwarded-For", "203.0.113.7"));
    }

    @Test
    void walksXForwardedForRightToLeftPastTrustedProxies() {
        ForwardedClientAddressResolver resolver = resolver(Map.of("polyproto.trusted-proxies",
                "10.0.0.0/8, 2001:db8:ffff::1"));
        // the client forged the first entry; the proxies appended the rest
        assertEquals("203.0.113.7", resolve(resolver, PROXY, "X-Forwarded-For",
                "1.1.1.1, 203.0.113.7, 10.1.1.1", "2001:db8:ffff::1"));
        assertEquals("203.0.113.7", resolve(resolver, PROXY, "X-Forwarded-For", "203.0.113.7:5555"));
        // every hop trusted: the leftmost is the client
        assertEquals("10.9.9.9", resolve(resolver, PROXY, "X-Forwarded-For", "10.9.9.9, 10.1.1.1"));
    }

    @Test
    void malformedOrMissingHeadersMeanThePeer() {
        ForwardedClientAddressResolver resolver = resolver(Map.of("polyproto.trusted-proxies", "10.0.0.0/8"));
        assertEquals(PROXY, resolve(resolver, PROXY, "X-Forwarded-For", "203.0.113.7, evil.example"));
        assertEquals(PROXY, resolve(resolver, PROXY, "X-Forwarded-For", "203.0.113.7,,10.1.1.1"));
        assertEquals(PROXY, resolve(resolver, PROXY, "X-Forwarded-For", ""));
        assertEquals(PROXY, resolve(resolver, PROXY, "X-Other", "203.0.113.7"));
    }

    @Test
    void readsRfc7239ForwardedWhenConfigured() {
        ForwardedClientAddressResolver resolver = resolver(Map.of("polyproto.trusted-proxies", "10.0.0.0/8",
                "polyproto.trusted-proxies.header", "Forwarded"));
        assertEquals("203.0.113.7", resolve(resolver, PROXY, "Forwarded",
                "for=1.1.1.1, For=\"203.0.113.7:4711\";proto=https;by=\"x,y\"", "for=10.2.2.2;host=a"));
        assertEquals("2001:db8:1:2:0:0:0:0/64", resolve(resolver, PROXY, "Forwarded",
                "for=\"[2001:db8:1:2::99]:4711\""));
        assertEquals(PROXY, resolve(resolver, PROXY, "Forwarded", "for=unknown"));
        assertEquals(PROXY, resolve(resolver, PROXY, "Forwarded", "for=_hidden, for=10.2.2.2"));
        assertEquals(PROXY, resolve(resolver, PROXY, "Forwarded", "proto=https"));
        // only the configured header counts: a client can send the other one through the proxy
        assertEquals(PROXY, resolve(resolver, PROXY, "X-Forwarded-For", "203.0.113.7"));
    }

    @Test
    void groupsIpv6ByPrefixAndIpv4MappedAsIpv4() {
        ForwardedClientAddressResolver resolver = resolver(Map.of());
        assertEquals(resolve(resolver, "2001:db8:1:2::1"), resolve(resolver, "2001:db8:1:2:ffff:1:2:3"));
        assertEquals("2001:db8:1:3:0:0:0:0/64", resolve(resolver, "2001:db8:1:3::1"));
        assertEquals("192.0.2.1", resolve(resolver, "::ffff:192.0.2.1"));
        assertEquals("2001:db8:1:0:0:0:0:0/56",
                resolve(resolver(Map.of("polyproto.rate-limit.ipv6-prefix", "56")), "2001:db8:1:ff::1"));
    }

    @Test
    void anUnparsablePeerIsItsOwnKey() {
        assertEquals("unknown", resolve(resolver(Map.of()), "unknown"));
        assertEquals("unknown", resolver(Map.of()).resolve(null, name -> List.of()));
    }

    @Test
    void refusesBadSettings() {
        assertThrows(InvalidConfigurationException.class,
                () -> resolver(Map.of("polyproto.trusted-proxies", "10.0.0.1, proxy.internal")));
        assertThrows(InvalidConfigurationException.class,
                () -> resolver(Map.of("polyproto.trusted-proxies.header", "X-Real-IP")));
        assertThrows(InvalidConfigurationException.class,
                () -> resolver(Map.of("polyproto.rate-limit.ipv6-prefix", "129")));
    }

    static ForwardedClientAddressResolver resolver(Map<String, String> settings) {
        ForwardedClientAddressResolver resolver = new ForwardedClientAddressResolver();
        resolver.config = TestConfig.of(settings);
        resolver.init();
        return resolver;
    }

    /** The header name is matched case-insensitively, as servlet containers do. */
    private static String resolve(ForwardedClientAddressResolver resolver, String peer, String... header) {
        Map<String, List<String>> headers = new HashMap<>();
        if (header.length > 0) {
            headers.put(header[0].toLowerCase(Locale.ROOT), List.of(header).subList(1, header.length));
        }
        return resolver.resolve(peer, name -> headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
    }
}
