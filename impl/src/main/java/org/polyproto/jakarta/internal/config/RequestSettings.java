package org.polyproto.jakarta.internal.config;

import java.util.List;
import org.polyproto.jakarta.api.InvalidConfigurationException;
import org.polyproto.jakarta.internal.net.IpBlock;
import org.polyproto.jakarta.spi.ConfigurationSource;

/**
 * How requests are taken in: how large a body may be, and which address a request is counted under.
 *
 * @param maxBodySize {@value #MAX_BODY_SIZE}
 * @param trustedProxies {@value #TRUSTED_PROXIES}
 * @param forwardingHeader {@value #TRUSTED_PROXIES_HEADER}
 * @param ipv6Prefix {@value #IPV6_PREFIX}
 */
public record RequestSettings(int maxBodySize, List<IpBlock> trustedProxies, ForwardingHeader forwardingHeader,
                              int ipv6Prefix) {

    /**
     * Request bodies above this many bytes are refused (413) before they are parsed. 1 to 2147483647; default
     * 65536.
     *
     * @since 0.1
     */
    public static final String MAX_BODY_SIZE = "polyproto.max-body-size";
    /**
     * Comma-separated IP addresses or CIDR blocks (IPv4 and IPv6) of the reverse proxies that may name the client
     * in a forwarding header. Default none: headers are never trusted.
     *
     * @since 0.2
     */
    public static final String TRUSTED_PROXIES = "polyproto.trusted-proxies";
    /**
     * The header the trusted proxies write: {@code X-Forwarded-For} or {@code Forwarded} (RFC 7239), in any
     * case. Default {@code X-Forwarded-For}.
     *
     * @since 0.2
     */
    public static final String TRUSTED_PROXIES_HEADER = "polyproto.trusted-proxies.header";
    /**
     * IPv6 clients are rate-limited per prefix of this many bits. 1 to 128; default 64.
     *
     * @since 0.2
     */
    public static final String IPV6_PREFIX = "polyproto.rate-limit.ipv6-prefix";

    public static final List<String> KEYS = List.of(MAX_BODY_SIZE, TRUSTED_PROXIES, TRUSTED_PROXIES_HEADER,
            IPV6_PREFIX);

    /** A header in which proxies name the client. */
    public enum ForwardingHeader {
        X_FORWARDED_FOR("X-Forwarded-For"),
        FORWARDED("Forwarded");

        private final String headerName;

        ForwardingHeader(String headerName) {
            this.headerName = headerName;
        }

        public String headerName() {
            return headerName;
        }
    }

    public static RequestSettings read(ConfigurationSource source) {
        return new RequestSettings(source.integer(MAX_BODY_SIZE, 64 * 1024, 1, Integer.MAX_VALUE),
                Values.list(source, TRUSTED_PROXIES, "an IP address or CIDR block",
                        s -> IpBlock.parse(s).orElseThrow(IllegalArgumentException::new)),
                header(source), source.integer(IPV6_PREFIX, 64, 1, 128));
    }

    private static ForwardingHeader header(ConfigurationSource source) {
        String value = source.text(TRUSTED_PROXIES_HEADER).orElse(ForwardingHeader.X_FORWARDED_FOR.headerName());
        for (ForwardingHeader header : ForwardingHeader.values()) {
            if (header.headerName().equalsIgnoreCase(value)) {
                return header;
            }
        }
        throw new InvalidConfigurationException(TRUSTED_PROXIES_HEADER, "must be X-Forwarded-For or Forwarded, was '"
                + value + "'");
    }
}
