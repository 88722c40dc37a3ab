package org.polyproto.jakarta.internal.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

    @Test
    void parsesIpv4AndIpv6Literals() {
        assertArrayEquals(new byte[] {(byte) 192, 0, 2, 1}, IpLiteral.parse("192.0.2.1").orElseThrow());
        assertEquals("2001:db8:0:0:0:0:0:1", IpLiteral.format(IpLiteral.parse("2001:DB8::1").orElseThrow(), 128));
        assertEquals("0:0:0:0:0:0:0:1", IpLiteral.format(IpLiteral.parse("[::1]").orElseThrow(), 128));
        assertEquals("1:0:0:0:0:0:0:0", IpLiteral.format(IpLiteral.parse("1::").orElseThrow(), 128));
        assertEquals("fe80:0:0:0:0:0:0:1", IpLiteral.format(IpLiteral.parse("fe80::1%eth0").orElseThrow(), 128));
        assertEquals("64:ff9b:0:0:0:0:c000:201",
                IpLiteral.format(IpLiteral.parse("64:ff9b::192.0.2.1").orElseThrow(), 128));
        assertEquals("1:2:3:4:5:6:7:8", IpLiteral.format(IpLiteral.parse("1:2:3:4:5:6:7:8").orElseThrow(), 128));
    }

    @Test
    void ipv4MappedIpv6IsIpv4() {
        assertEquals("192.0.2.1", IpLiteral.format(IpLiteral.parse("::ffff:192.0.2.1").orElseThrow(), 64));
        assertEquals("192.0.2.1", IpLiteral.format(IpLiteral.parse("0:0:0:0:0:ffff:c000:201").orElseThrow(), 64));
    }

    @Test
    void formatGroupsIpv6ByPrefix() {
        assertEquals("2001:db8:1:2:0:0:0:0/64",
                IpLiteral.format(IpLiteral.parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd").orElseThrow(), 64));
        assertEquals("2001:db8:1:0:0:0:0:0/56",
                IpLiteral.format(IpLiteral.parse("2001:db8:1:ff::1").orElseThrow(), 56));
    }

    @Test
    void nodesMayCarryPorts() {
        assertEquals("192.0.2.1", IpLiteral.format(IpLiteral.parseNode("192.0.2.1:4711").orElseThrow(), 64));
        assertEquals("2001:db8:0:0:0:0:0:1",
                IpLiteral.format(IpLiteral.parseNode("[2001:db8::1]:4711").orElseThrow(), 128));
        assertFalse(IpLiteral.parseNode("[2001:db8::1]:x").isPresent());
        assertFalse(IpLiteral.parseNode("192.0.2.1:").isPresent());
    }

    /** Names, numbers InetAddress would read as addresses, and broken literals: all refused, none looked up. */
    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "example.com", "unknown", "_hidden", "2130706433", "0", "1.2.3",
            "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-4", "::1::", ":::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7",
            "12345::", "g::1", "1.2.3.4::", "::1.2.3", "[::1", "1::2::3", ":1::", "1:2:3:4:5:6:7:8::",
            "\uff11.2.3.4"})
    void refusesAnythingButNumericLiterals(String text) {
        assertTrue(IpLiteral.parse(text).isEmpty(), text);
    }

    @Test
    void blocksMatchTheirPrefixOnly() {
        IpBlock block = IpBlock.parse("10.0.0.0/8").orElseThrow();
        assertTrue(block.contains(IpLiteral.parse("10.255.0.1").orElseThrow()));
        assertTrue(block.contains(IpLiteral.parse("::ffff:10.1.2.3").orElseThrow()));
        assertFalse(block.contains(IpLiteral.parse("11.0.0.1").orElseThrow()));
        IpBlock v6 = IpBlock.parse("2001:db8::/32").orElseThrow();
        assertTrue(v6.contains(IpLiteral.parse("2001:db8:ffff::1").orElseThrow()));
        assertFalse(v6.contains(IpLiteral.parse("2001:db9::1").orElseThrow()));
        assertFalse(v6.contains(IpLiteral.parse("10.0.0.1").orElseThrow()));
        assertTrue(IpBlock.parse("::ffff:10.0.0.0/104").orElseThrow()
                .contains(IpLiteral.parse("10.9.9.9").orElseThrow()));
        assertTrue(IpBlock.parse("10.0.0.0/33").isEmpty());
        assertTrue(IpBlock.parse("10.0.0.0/").isEmpty());
        assertTrue(IpBlock.parse("proxy.internal").isEmpty());
    }
}
