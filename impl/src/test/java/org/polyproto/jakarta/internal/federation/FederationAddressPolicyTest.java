package org.polyproto.jakarta.internal.federation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FederationAddressPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.255.254", "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255",
            "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.255",
            "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255", "192.0.0.8", "192.0.2.1",
            "198.51.100.7", "203.0.113.9", "198.18.0.1", "198.19.255.255",
            "::1", "::", "fe80::1", "febf::1", "fc00::1", "fd12:3456::1", "fec0::1", "ff02::1", "ff0e::1",
            "2001:db8::1", "2001::1", "100::1", "64:ff9b:1::1",
            "::ffff:127.0.0.1", "::ffff:10.1.2.3", "::127.0.0.1", "::192.168.0.1", "::0.0.0.1",
            "64:ff9b::127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "2002:c0a8:101::1", "2002:0a00:0001::"})
    void refusesNonPublicAddresses(String literal) throws UnknownHostException {
        assertFalse(AddressPolicy.PUBLIC_ONLY.allows(InetAddress.getByName(literal)), literal);
        assertTrue(AddressPolicy.ANY.allows(InetAddress.getByName(literal)), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "8.8.8.8", "93.184.216.34", "100.63.255.255", "100.128.0.0", "172.15.255.255",
            "172.32.0.0", "169.253.255.255", "192.167.255.255", "11.0.0.1", "223.255.255.255", "198.20.0.1",
            "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "2001:4860::8888", "64:ff9b::808:808",
            "2002:808:808::1", "::ffff:8.8.8.8", "fbff::1", "fe7f::1"})
    void allowsPublicAddresses(String literal) throws UnknownHostException {
        assertTrue(AddressPolicy.PUBLIC_ONLY.allows(InetAddress.getByName(literal)), literal);
    }

    @Test
    void refusesMappedFormsHeldAsIpv6() throws UnknownHostException {
        for (int[] v4 : new int[][] {{127, 0, 0, 1}, {10, 0, 0, 1}, {169, 254, 169, 254}, {0, 0, 0, 0}}) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            for (int i = 0; i < 4; i++) {
                mapped[12 + i] = (byte) v4[i];
            }
            InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
            assertInstanceOf(Inet6Address.class, address);
            assertFalse(AddressPolicy.PUBLIC_ONLY.allows(address), address.toString());
        }
        byte[] publicMapped = InetAddress.getByName("::8.8.8.8").getAddress();
        publicMapped[10] = (byte) 0xff;
        publicMapped[11] = (byte) 0xff;
        assertTrue(AddressPolicy.PUBLIC_ONLY.allows(Inet6Address.getByAddress(null, publicMapped, -1)));
    }

    @Test
    void allowPrivateIsTheSetting() {
        assertTrue(AddressPolicy.of(true) == AddressPolicy.ANY);
        assertTrue(AddressPolicy.of(false) == AddressPolicy.PUBLIC_ONLY);
    }
}
